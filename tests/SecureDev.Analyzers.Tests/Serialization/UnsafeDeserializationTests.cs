using SecureDev.Analyzers.Serialization;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Serialization;
using Xunit;

namespace SecureDev.Analyzers.Tests.Serialization;

public class UnsafeDeserializationTests
{
    private static readonly UnsafeDeserializationAnalyzer Analyzer = new();
    private static readonly TypeNameHandlingToNoneCodeFix Fix = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Serialization/UnsafeDeserialization.cs");

    [Fact]
    public Task Fix_sets_initializer_assignment_and_attribute_to_none() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using Newtonsoft.Json;
        class C
        {
            [JsonProperty(ItemTypeNameHandling = TypeNameHandling.Arrays)]
            public object[]? Steps { get; set; }

            JsonSerializerSettings A() => new() { TypeNameHandling = TypeNameHandling.All };

            void B(JsonSerializer serializer)
            {
                serializer.TypeNameHandling = TypeNameHandling.Objects | TypeNameHandling.Arrays;
                serializer.TypeNameHandling |= TypeNameHandling.Auto;
            }
        }
        """,
        """
        using Newtonsoft.Json;
        class C
        {
            [JsonProperty(ItemTypeNameHandling = TypeNameHandling.None)]
            public object[]? Steps { get; set; }

            JsonSerializerSettings A() => new() { TypeNameHandling = TypeNameHandling.None };

            void B(JsonSerializer serializer)
            {
                serializer.TypeNameHandling = TypeNameHandling.None;
                serializer.TypeNameHandling = TypeNameHandling.None;
            }
        }
        """);

    [Fact]
    public Task Fix_keeps_the_qualification_the_file_uses() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        class C
        {
            Newtonsoft.Json.JsonSerializerSettings A() => new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.Auto };
        }
        """,
        """
        class C
        {
            Newtonsoft.Json.JsonSerializerSettings A() => new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None };
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_values_through_a_constant_or_for_formatters() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using Newtonsoft.Json;
        class C
        {
            const TypeNameHandling Handling = TypeNameHandling.Auto;
            JsonSerializerSettings A() => new() { TypeNameHandling = Handling };
        #pragma warning disable SYSLIB0011
            object B() => new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter();
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_occurrence_in_the_document() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using Newtonsoft.Json;
        class C
        {
            JsonSerializerSettings A() => new() { TypeNameHandling = TypeNameHandling.All };
            JsonSerializerSettings B() => new() { TypeNameHandling = TypeNameHandling.Auto };
            void D(JsonSerializer s) => s.TypeNameHandling = TypeNameHandling.Objects;
        }
        """,
        """
        using Newtonsoft.Json;
        class C
        {
            JsonSerializerSettings A() => new() { TypeNameHandling = TypeNameHandling.None };
            JsonSerializerSettings B() => new() { TypeNameHandling = TypeNameHandling.None };
            void D(JsonSerializer s) => s.TypeNameHandling = TypeNameHandling.None;
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(Analyzer);
}
