using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// These analyzers exist to be measured against: the empty one registers what WSL9001 registers (RS1013), and the
// binder binds everything up front through the driver's shared semantic models (RS1012, RS1030).
#pragma warning disable RS1012, RS1013, RS1030

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
/// Binds every member of every tree through the semantic models the driver shares, before any other analyzer runs.
/// Placed first in a set, it takes the cost of binding, and of loading referenced namespaces, that would otherwise be
/// charged to whichever analyzer asks first: the others' times are then their own work.
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
            start.Compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocket");
            foreach (var tree in start.Compilation.SyntaxTrees)
            {
                var model = start.Compilation.GetSemanticModel(tree);
                foreach (var body in tree.GetRoot(start.CancellationToken).DescendantNodes().Where(IsBody))
                {
                    model.GetOperation(body, start.CancellationToken);
                }
            }
        });
    }

    private static bool IsBody(SyntaxNode node) => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax } or EqualsValueClauseSyntax;
}
