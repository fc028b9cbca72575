using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureDev.Benchmarks;

/// <summary>
/// Wraps an analyzer so that every callback it registers is timed: wall time inside the callback, the garbage
/// collection pauses that fell inside it, and the bytes it allocated. Roslyn's own telemetry times callbacks with a
/// stopwatch alone, so a collection caused by the compiler (which allocates hundreds of megabytes beside the analyzers)
/// is charged in full to whichever callback it interrupts: the same analyzer moved by a factor of three between runs.
/// Here the pauses are taken out and each analyzer is charged a share of all pauses in proportion to what it allocated.
/// </summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026, CS0618 // a harness wrapper, not a shipped analyzer: the wrapped one configures and registers itself; the symbol-start constructor is the only one a wrapper can call
public sealed class MeasuredAnalyzer : DiagnosticAnalyzer
{
    public MeasuredAnalyzer(DiagnosticAnalyzer inner) => Inner = inner;

    public DiagnosticAnalyzer Inner { get; }

    public CallbackCost Cost { get; } = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new RootContext(context, Cost));

    /// <summary>
    /// What the timing itself adds to each callback, in stopwatch ticks: the counters read and the extra delegate call
    /// inside the timed interval, measured on a callback that does nothing. Batches run hot, so the least batch mean is a
    /// lower bound of what a callback pays in the pass, and subtracting it per callback never removes analyzer work.
    /// Hundreds of thousands of cheap callbacks make this a real part of a pattern rule's figure.
    /// </summary>
    public static double TimingOverheadTicks()
    {
        const int calls = 200_000;
        var least = double.MaxValue;
        for (var batch = 0; batch < 7; batch++)
        {
            var cost = new CallbackCost();
            var timed = Timed<int>(_ => { }, cost);
            for (var i = 0; i < calls; i++)
            {
                timed(i);
            }

            least = Math.Min(least, cost.ElapsedTicks / (double)calls);
        }

        return least;
    }

    private static Action<T> Timed<T>(Action<T> action, CallbackCost cost) => context =>
    {
        // The order matters: reading the pause total can let a collection start; one that does is then inside the
        // interval (after the start timestamp) and inside the pause difference, and so taken out exactly once.
        var start = Stopwatch.GetTimestamp();
        var pauses = GC.GetTotalPauseDuration().Ticks;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(context);
        }
        finally
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            var paused = GC.GetTotalPauseDuration().Ticks - pauses;
            cost.Add(Stopwatch.GetTimestamp() - start, paused, allocated);
        }
    };

    /// <summary>What an analyzer's callbacks took: stopwatch ticks, pause time inside them (TimeSpan ticks), bytes, calls.</summary>
    public sealed class CallbackCost
    {
        private long _elapsed;
        private long _pauses;
        private long _bytes;
        private long _calls;

        public long ElapsedTicks => _elapsed;

        public double PauseMilliseconds => TimeSpan.FromTicks(_pauses).TotalMilliseconds;

        public long Bytes => _bytes;

        public long Calls => _calls;

        public void Add(long elapsed, long pauses, long bytes)
        {
            Interlocked.Add(ref _elapsed, elapsed);
            Interlocked.Add(ref _pauses, pauses);
            Interlocked.Add(ref _bytes, bytes);
            Interlocked.Increment(ref _calls);
        }

        /// <summary>
        /// Own time: time in the callbacks less the pauses inside them and the timing's own overhead per callback
        /// (<see cref="TimingOverheadTicks"/>), plus the share of the pass's pauses its bytes earn.
        /// </summary>
        public double OwnMilliseconds(double passPauseMilliseconds, long passBytes, double overheadTicksPerCall) =>
            (_elapsed - (_calls * overheadTicksPerCall)) * 1000.0 / Stopwatch.Frequency
            - PauseMilliseconds
            + (passBytes > 0 ? passPauseMilliseconds * Bytes / passBytes : 0);
    }

    private sealed class RootContext : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly CallbackCost _cost;

        public RootContext(AnalysisContext context, CallbackCost cost)
        {
            _context = context;
            _cost = cost;
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _context.RegisterCompilationStartAction(Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start, _cost)), _cost));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationAction(Timed(action, _cost));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(Timed(action, _cost));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(Timed(action, _cost), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(Timed(action, _cost));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(Timed(action, _cost));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _context.RegisterSyntaxNodeAction(Timed(action, _cost), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(Timed(action, _cost), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(Timed(action, _cost));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(Timed(action, _cost));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _context.RegisterSymbolStartAction(Timed<SymbolStartAnalysisContext>(start => action(new SymbolContext(start, _cost)), _cost), symbolKind);
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _context;
        private readonly CallbackCost _cost;

        public StartContext(CompilationStartAnalysisContext context, CallbackCost cost)
            : base(context.Compilation, context.Options, context.CancellationToken)
        {
            _context = context;
            _cost = cost;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _context.RegisterCompilationEndAction(Timed(action, _cost));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _context.RegisterSemanticModelAction(Timed(action, _cost));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _context.RegisterSymbolAction(Timed(action, _cost), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(Timed(action, _cost));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _context.RegisterSyntaxTreeAction(Timed(action, _cost));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _context.RegisterSyntaxNodeAction(Timed(action, _cost), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(Timed(action, _cost), operationKinds);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(Timed(action, _cost));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _context.RegisterAdditionalFileAction(Timed(action, _cost));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            _context.RegisterSymbolStartAction(Timed<SymbolStartAnalysisContext>(start => action(new SymbolContext(start, _cost)), _cost), symbolKind);
    }

    private sealed class SymbolContext : SymbolStartAnalysisContext
    {
        private readonly SymbolStartAnalysisContext _context;
        private readonly CallbackCost _cost;

        public SymbolContext(SymbolStartAnalysisContext context, CallbackCost cost)
            : base(context.Symbol, context.Compilation, context.Options, context.CancellationToken)
        {
            _context = context;
            _cost = cost;
        }

        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _context.RegisterSymbolEndAction(Timed(action, _cost));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(Timed(action, _cost));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _context.RegisterSyntaxNodeAction(Timed(action, _cost), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _context.RegisterOperationBlockAction(Timed(action, _cost));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _context.RegisterOperationAction(Timed(action, _cost), operationKinds);
    }

    // The shipped analyzers register none of these; a new one that does fails the benchmark loudly instead of going untimed.
    private static NotSupportedException Unsupported() =>
        new("MeasuredAnalyzer does not wrap start actions below the compilation and symbol level; add the wrapper when an analyzer needs one.");
}
