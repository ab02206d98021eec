using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>One pass of a set of analyzers over a fresh compilation, with each analyzer's own time.</summary>
internal sealed record AnalyzerRun(TimeSpan Wall, int Diagnostics, ImmutableDictionary<string, TimeSpan> PerAnalyzer, int RegisteredActions)
{
    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        // Start every pass from a clean heap, so that no pass pays for another's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        clock.Stop();

        var times = new Dictionary<string, TimeSpan>();
        var actions = 0;
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            times[analyzer.GetType().FullName!] = telemetry.ExecutionTime;
            actions += telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount
                + telemetry.CompilationEndActionsCount + telemetry.OperationBlockActionsCount + telemetry.SyntaxTreeActionsCount;
        }

        return new AnalyzerRun(clock.Elapsed, diagnostics.Length, times.ToImmutableDictionary(), actions);
    }
}
