using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The start every rule shares: no generated code, concurrent execution, and nothing registered in a compilation
/// that does not reference System.Net.WebSockets.WebSocket.
/// </summary>
public abstract class WebSocketAnalyzer : DiagnosticAnalyzer
{
    private static readonly SyntaxKind[] InvocationKind = { SyntaxKind.InvocationExpression };

    private static readonly SyntaxKind[] LoopKinds = { SyntaxKind.WhileStatement, SyntaxKind.DoStatement, SyntaxKind.ForStatement, SyntaxKind.ForEachStatement };

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
    /// Calls <paramref name="analyze"/> with the operation of each syntax node of the given kinds (some of
    /// <see cref="NamedNodeIndex.Kinds"/>) that names one of <paramref name="names"/>: the invoked or assigned member,
    /// or for a loop or declaration any identifier in it. A file whose text names none of them is skipped with a text
    /// search shared by all rules (<see cref="NameMentions"/>), so the great majority of code, which never names a
    /// WebSocket API, is neither walked nor bound for this rule; the others are walked once for all rules. A call on a
    /// receiver declared as another library's type is not bound either (<see cref="DeclaredReceiverType"/>).
    /// </summary>
    internal void RegisterNamed<TOperation>(
        CompilationStartAnalysisContext context, ImmutableArray<string> names, Action<TOperation, Action<Diagnostic>> analyze, params SyntaxKind[] kinds)
        where TOperation : class, IOperation =>
        RegisterMatching(context, ImmutableArray<string>.Empty, names, static _ => true, analyze, kinds);

    /// <summary>
    /// As <see cref="RegisterNamed{TOperation}"/>, for the invocations of <paramref name="calls"/>: a call whose
    /// argument count no method of its name takes is not bound.
    /// </summary>
    internal void RegisterCalls(CompilationStartAnalysisContext context, NamedCalls calls, Action<IInvocationOperation, Action<Diagnostic>> analyze) =>
        RegisterMatching(context, ImmutableArray<string>.Empty, calls.Names, node => calls.MayMatter((InvocationExpressionSyntax)node), analyze, InvocationKind);

    /// <summary>As <see cref="RegisterCalls"/>, for the loops that make one of <paramref name="calls"/>.</summary>
    internal void RegisterLoops(CompilationStartAnalysisContext context, NamedCalls calls, Action<ILoopOperation, Action<Diagnostic>> analyze) =>
        RegisterMatching(context, ImmutableArray<string>.Empty, calls.Names, calls.AnyMayMatterIn, analyze, LoopKinds);

    /// <summary>
    /// As <see cref="RegisterNamed{TOperation}"/>, in the files whose text also names one of
    /// <paramref name="alsoNamed"/> (none: every file): for a name as common as <c>Write</c>, whose calls matter only
    /// beside a type the file must name. The rarer name is searched for first, so most files are searched for it alone.
    /// </summary>
    internal void RegisterNamedInFilesNaming<TOperation>(
        CompilationStartAnalysisContext context, ImmutableArray<string> alsoNamed, ImmutableArray<string> names, Action<TOperation, Action<Diagnostic>> analyze, params SyntaxKind[] kinds)
        where TOperation : class, IOperation =>
        RegisterMatching(context, alsoNamed, names, static _ => true, analyze, kinds);

    private void RegisterMatching<TOperation>(
        CompilationStartAnalysisContext context, ImmutableArray<string> alsoNamed, ImmutableArray<string> names, Func<SyntaxNode, bool> mayMatter, Action<TOperation, Action<Diagnostic>> analyze, SyntaxKind[] kinds)
        where TOperation : class, IOperation
    {
        if (!kinds.All(NamedNodeIndex.Kinds.Contains))
        {
            throw new ArgumentException("The named-node index keeps no nodes of some of these kinds: " + string.Join(", ", kinds), nameof(kinds));
        }

        var mentions = NameMentions.Of(context.Compilation);
        context.RegisterSemanticModelAction(model =>
        {
            var tree = model.SemanticModel.SyntaxTree;
            if ((!alsoNamed.IsEmpty && !mentions.Any(tree, alsoNamed, model.CancellationToken)) || !mentions.Any(tree, names, model.CancellationToken))
            {
                return;
            }

            foreach (var node in NamedNodeIndex.Of(tree.GetRoot(model.CancellationToken)).Matching(kinds, names))
            {
                if (mayMatter(node) && !(node is InvocationExpressionSyntax call && DeclaredReceiverType.IsOnAnotherLibrary(call, model.SemanticModel))
                    && model.SemanticModel.GetOperation(node, model.CancellationToken) is TOperation operation)
                {
                    Guarded(node.GetLocation(), () => analyze(operation, model.ReportDiagnostic));
                }
            }
        });
    }

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
}
