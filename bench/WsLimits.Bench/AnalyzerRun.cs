using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>One pass of a set of analyzers over a fresh compilation: wall time, allocations and each analyzer's own time.</summary>
internal sealed record AnalyzerRun(TimeSpan Wall, long Allocated, int Diagnostics, ImmutableDictionary<DiagnosticAnalyzer, TimeSpan> PerAnalyzer, int RegisteredActions)
{
    /// <summary>The analyzers the driver ran at all; it skips those whose every rule is disabled.</summary>
    public int AnalyzersThatRan => PerAnalyzer.Values.Count(time => time > TimeSpan.Zero);

    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        // Every build binds the references into the source assembly; made before the clock, it is charged to no
        // analyzer's first type lookup, and the compile time it is a share of includes it.
        _ = compilation.Assembly;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        // Start every pass from a clean heap, so that no pass pays for another's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var times = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        var actions = 0;
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            times[analyzer] = telemetry.ExecutionTime;
            actions += telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount + telemetry.SemanticModelActionsCount
                + telemetry.CompilationEndActionsCount + telemetry.OperationBlockActionsCount + telemetry.SyntaxTreeActionsCount + telemetry.CodeBlockActionsCount
                + telemetry.SymbolStartActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.CodeBlockStartActionsCount;
        }

        return new AnalyzerRun(clock.Elapsed, allocated, diagnostics.Length, times.ToImmutableDictionary(), actions);
    }
}
