using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.CodeFixes.Helpers;

namespace WsLimits.Analyzers.CodeFixes.MessageReceive;

/// <summary>
/// Rewrites WSL2001 receives to ReceiveMessageAsync, which takes the same arguments and returns the same result
/// type, and adds the helper once per project. Used by the single fix and by Fix All alike.
/// </summary>
internal static class MessageReceiveFix
{
    public const string EquivalenceKey = "WSL2001.ReceiveMessage";
    public const string Title = "Receive whole messages of up to the buffer's size";

    /// <summary>The receive call a diagnostic points at, when it names its socket.</summary>
    public static InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } receive
            ? receive
            : null;

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var changed = new List<DocumentId>();
        foreach (var (documentId, diagnostics) in work)
        {
            if (solution.GetDocument(documentId) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var receives = diagnostics.Select(diagnostic => Find(root, diagnostic)).OfType<InvocationExpressionSyntax>().ToList();
            if (receives.Count > 0)
            {
                solution = solution.WithDocumentSyntaxRoot(documentId, root.ReplaceNodes(receives, (_, current) => Rename(current)));
                changed.Add(documentId);
            }
        }

        return changed.Count == 0
            ? solution
            : await HelperDocument.EnsureAsync(solution, changed, MessageReceiverTemplate.TypeName, MessageReceiverTemplate.Render, cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax receive)
    {
        var memberAccess = (MemberAccessExpressionSyntax)receive.Expression;
        var name = SyntaxFactory.IdentifierName(MessageReceiverTemplate.MethodName).WithTriviaFrom(memberAccess.Name);
        return receive.WithExpression(memberAccess.WithName(name));
    }
}
