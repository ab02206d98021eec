using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.CodeFixes.Helpers;

namespace WsLimits.Analyzers.CodeFixes.CloseDescription;

/// <summary>
/// Passes WSL2004 descriptions through CloseDescription.Truncate, and adds the helper once per project. Used by the
/// single fix and by Fix All alike.
/// </summary>
internal static class CloseDescriptionFix
{
    public const string EquivalenceKey = "WSL2004.TruncateDescription";
    public const string Title = "Truncate the description to the 123 UTF-8 bytes a close frame holds";

    /// <summary>The description a diagnostic points at, unless it is already truncated.</summary>
    public static ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is var node
        && (node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression) is { } description
        && !IsTruncation(description)
            ? description
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

            var descriptions = diagnostics.Select(diagnostic => Find(root, diagnostic)).OfType<ExpressionSyntax>().Distinct().ToList();
            if (descriptions.Count > 0)
            {
                solution = solution.WithDocumentSyntaxRoot(documentId, root.ReplaceNodes(descriptions, (_, current) => Truncated(current)));
                changed.Add(documentId);
            }
        }

        return changed.Count == 0
            ? solution
            : await HelperDocument.EnsureAsync(solution, changed, CloseDescriptionTemplate.TypeName, CloseDescriptionTemplate.Render, cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax Truncated(ExpressionSyntax description) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(CloseDescriptionTemplate.TypeName),
                    SyntaxFactory.IdentifierName(CloseDescriptionTemplate.MethodName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(description.WithoutTrivia()))))
            .WithTriviaFrom(description);

    private static bool IsTruncation(ExpressionSyntax description) =>
        description is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: CloseDescriptionTemplate.MethodName, Expression: IdentifierNameSyntax { Identifier.ValueText: CloseDescriptionTemplate.TypeName } } };
}
