using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>Removes settings that do nothing the code relies on: a statement of their own, or an object-initializer member.</summary>
internal static class SettingRemoval
{
    public static async Task<Document> RemoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            Remove(editor, diagnostic);
        }

        return editor.GetChangedDocument();
    }

    public static void Remove(DocumentEditor editor, Diagnostic diagnostic)
    {
        if (Removable(editor.OriginalRoot, diagnostic) is { } node)
        {
            editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker);
        }
    }

    /// <summary>The statement, or the object-initializer member, that holds the setting.</summary>
    public static SyntaxNode? Removable(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(RemovableSetting.Property))
        {
            return null;
        }

        var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return setting.Parent switch
        {
            InitializerExpressionSyntax => setting,
            ExpressionStatementSyntax { Parent: GlobalStatementSyntax global } => global,
            ExpressionStatementSyntax statement => statement,
            _ => null,
        };
    }
}
