using System.Runtime.CompilerServices;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// How the analyzers' hottest loops ask to be compiled. csc loads the analyzer assembly in every build and the runtime
/// first compiles each method without optimizations, promoting it only after enough calls and a quiet spell of the JIT,
/// which a compiler process loading code all the time rarely has: work that runs once per compilation (the taint
/// engine's reach pass) ran four times slower on its first compilation than on its sixth. The attribute asks for
/// optimized code from the first call. netstandard2.0's enum lacks the member, so it is spelled by value; a runtime
/// without it (.NET Framework) ignores it.
/// </summary>
internal static class Jit
{
    public const MethodImplOptions Hot = (MethodImplOptions)512; // MethodImplOptions.AggressiveOptimization
}
