using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>
/// An analyzer that only follows the compilation to its end, as WSL9001 does, and does nothing: the driver's own cost
/// of binding every method body for analysis, the floor under any set of analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
#pragma warning disable RS1013 // the point is to register what WSL9001 registers
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH1", "baseline", "baseline", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterCompilationEndAction(_ => { }));
    }
}
