using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers;

/// <summary>WSL9001: a 'wslimits.*' key that is unknown or has a value the rules cannot use.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LimitOptionsAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidLimitOption);

    // A compilation-end action rather than a compilation action, so that the shared start registers nothing
    // in compilations without WebSocket types.
#pragma warning disable RS1013
    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
#pragma warning restore RS1013
    {
        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        context.RegisterCompilationEndAction(end => Guarded(location: null, () => ReportProblems(end, options)));
    }

    private static void ReportProblems(CompilationAnalysisContext context, LimitOptionsCache options)
    {
        // Every tree under the same configuration shares one options instance, so this parses each set once;
        // each problem is reported once, however many trees it applies to.
        var reported = new HashSet<string>();
        foreach (var problem in options.Global.Problems)
        {
            Report(context, reported, problem);
        }

        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            foreach (var problem in options.For(tree).Problems)
            {
                Report(context, reported, problem);
            }
        }
    }

    private static void Report(CompilationAnalysisContext context, HashSet<string> reported, string problem)
    {
        if (reported.Add(problem))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLimitOption, Location.None, problem));
        }
    }
}
