using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

#pragma warning disable RS1013 // the point is to register what WSL9001 registers

namespace WsLimits.Bench;

/// <summary>
/// An analyzer that only follows the compilation to its end, as WSL9001 does, and does nothing: the driver's own cost
/// of binding every method body for analysis, the floor under any set of analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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

/// <summary>
/// Has the driver bind every code block before any analyzer's callbacks for it: an operation block action, even one
/// that does nothing, makes the driver build each block's operations first, charged to no analyzer. The peers'
/// callbacks are then timed without the binding that whichever analyzer asked first would otherwise be charged for.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BindEverythingFirstAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH2", "binder", "binder", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Loads the namespaces of the references, which the first type lookup of any analyzer would pay for.
            start.Compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocket");
            start.RegisterOperationBlockAction(_ => { });
        });
    }
}
