using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The start every rule shares: no generated code, concurrent execution, and nothing registered in a compilation
/// that does not reference System.Net.WebSockets.WebSocket.
/// </summary>
public abstract class WebSocketAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (WellKnownTypes.TryCreate(start.Compilation) is { } types)
            {
                Register(start, types);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references WebSocket.</summary>
    internal abstract void Register(CompilationStartAnalysisContext context, WellKnownTypes types);

    /// <summary>
    /// Calls <paramref name="analyze"/> with the operation of each syntax node of the given kinds that names one of
    /// <paramref name="names"/>: the invoked or assigned member, or for a loop any identifier in it. A file whose text
    /// names none of them is skipped with one text search, so the great majority of code, which never names a WebSocket
    /// API, is neither walked nor bound for this rule.
    /// </summary>
    internal void RegisterNamed<TOperation>(
        CompilationStartAnalysisContext context, ImmutableArray<string> names, Action<TOperation, Action<Diagnostic>> analyze, params SyntaxKind[] kinds)
        where TOperation : class, IOperation =>
        context.RegisterSemanticModelAction(model =>
        {
            var tree = model.SemanticModel.SyntaxTree;
            if (!TreeText.MentionsAny(tree, names, model.CancellationToken))
            {
                return;
            }

            foreach (var node in tree.GetRoot(model.CancellationToken).DescendantNodes())
            {
                if (Array.IndexOf(kinds, node.Kind()) >= 0
                    && Names(node, names)
                    && model.SemanticModel.GetOperation(node, model.CancellationToken) is TOperation operation)
                {
                    Guarded(node.GetLocation(), () => analyze(operation, model.ReportDiagnostic));
                }
            }
        });

    /// <summary>
    /// Runs a callback; an exception leaves it as an <see cref="AnalyzerCallbackException"/> that names the rule and
    /// the place being analyzed, so that the AD0001 a user reports says where to look.
    /// </summary>
    internal void Guarded(Location? location, Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new AnalyzerCallbackException(string.Join(", ", SupportedDiagnostics.Select(descriptor => descriptor.Id)), location, exception);
        }
    }

    private static bool Names(SyntaxNode node, ImmutableArray<string> names)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                return NameOf(invocation.Expression) is { } invoked && names.Contains(invoked);
            case AssignmentExpressionSyntax assignment:
                return NameOf(assignment.Left) is { } assigned && names.Contains(assigned);
            default:
                foreach (var token in node.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
