using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>Writes a limit the analyzer passed in a diagnostic property into the assignment or constant it points at.</summary>
internal static class LimitValueRewrite
{
    /// <summary>The value a diagnostic's setting has: the right side of an assignment, or a declarator's initializer.</summary>
    public static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.FirstAncestorOrSelf<SyntaxNode>(candidate => candidate is AssignmentExpressionSyntax or VariableDeclaratorSyntax) switch
        {
            AssignmentExpressionSyntax assignment => assignment.Right,
            VariableDeclaratorSyntax { Initializer.Value: var value } => value,
            _ => null,
        };
    }

    public static string Format(int bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture).Replace(",", "_");

    public static async Task<Document> RewriteAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string property, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            Rewrite(editor, diagnostic, property);
        }

        return editor.GetChangedDocument();
    }

    public static void Rewrite(DocumentEditor editor, Diagnostic diagnostic, string property)
    {
        var bytes = diagnostic.GetInt(property, 0);
        if (bytes > 0 && Target(editor.OriginalRoot, diagnostic) is { } value)
        {
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Format(bytes), bytes));
            editor.ReplaceNode(value, literal.WithTriviaFrom(value));
        }
    }
}
