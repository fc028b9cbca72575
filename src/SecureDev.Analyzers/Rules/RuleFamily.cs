namespace SecureDev.Analyzers.Rules;

/// <summary>The rule families, one per thousand-block of ids (see ARCHITECTURE.md). The name is the diagnostic category.</summary>
internal enum RuleFamily
{
    Cryptography = 1,
    Communication = 2,
    Authentication = 3,
    Injection = 4,
    Industrial = 5,
    Serialization = 6,
    Availability = 7,
    Logging = 8,
}
