using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            editor.RemoveNode(EmptiedConstructor(node) ?? node, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker);
        }
    }

    /// <summary>
    /// The constructor the setting is the only statement of, where the compiler would declare the same one without it:
    /// parameterless, no base call, attributes or documentation, the type's only instance constructor, with the
    /// accessibility of the implicit one. Removing it keeps the type as it was rather than leaving <c>{ }</c>.
    /// </summary>
    private static ConstructorDeclarationSyntax? EmptiedConstructor(SyntaxNode statement)
    {
        if (statement.Parent is not BlockSyntax { Statements.Count: 1, Parent: ConstructorDeclarationSyntax constructor }
            || constructor.ParameterList.Parameters.Count > 0
            || constructor.Initializer is not null
            || constructor.AttributeLists.Count > 0
            || constructor.GetLeadingTrivia().Any(trivia => trivia.HasStructure)
            || constructor.Parent is not ClassDeclarationSyntax { ParameterList: null } type
            || type.Modifiers.Any(SyntaxKind.StaticKeyword)
            || type.Members.OfType<ConstructorDeclarationSyntax>().Count(other => !other.Modifiers.Any(SyntaxKind.StaticKeyword)) > 1)
        {
            return null;
        }

        var implicitAccessibility = type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
        return constructor.Modifiers.Count == 1 && constructor.Modifiers[0].IsKind(implicitAccessibility) ? constructor : null;
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
