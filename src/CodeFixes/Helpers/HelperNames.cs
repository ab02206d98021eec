using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// Makes an inserted helper mean the same wherever it lands. The helper's type names are bound as the helper's own
/// file would bind them, written out in full (<c>global::System.Net.WebSockets.WebSocket</c>) and left to the
/// simplifier, which shortens each one only where the short name means the same type in the host file. A host file
/// that aliases <c>WebSocket</c> to another type, declares its own <c>WebSocket</c> in the namespace the helper joins,
/// or imports a <c>using static</c> whose members would hide a type, keeps the full name there.
/// </summary>
internal static class HelperNames
{
    public static CompilationUnitSyntax Qualify(Compilation compilation, string source)
    {
        var options = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
        var tree = CSharpSyntaxTree.ParseText(source, options);
        // Bound on its own, against the references only: the project's own names and global usings must not change it.
        var model = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(tree).GetSemanticModel(tree);
        var prefixes = new List<(int Position, string Prefix)>();
        foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!IsWrittenAlone(name)
                || model.GetSymbolInfo(name).Symbol is not INamedTypeSymbol { TypeKind: not TypeKind.Error } type
                || type.Locations.Any(location => location.SourceTree == tree))
            {
                continue;
            }

            var container = type.ContainingType is { } outer
                ? outer.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                : type.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            prefixes.Add((name.SpanStart, container + "."));
        }

        var text = new StringBuilder(source);
        foreach (var (position, prefix) in prefixes.OrderByDescending(prefix => prefix.Position))
        {
            text.Insert(position, prefix);
        }

        var qualified = (CompilationUnitSyntax)SyntaxFactory.ParseCompilationUnit(text.ToString(), options: options);
        return qualified.ReplaceNodes(
            qualified.DescendantNodes().OfType<AliasQualifiedNameSyntax>().Select(Outermost).Distinct(),
            (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation));
    }

    /// <summary>A name not already qualified, outside usings, and not the contextual <c>var</c>.</summary>
    private static bool IsWrittenAlone(SimpleNameSyntax name)
    {
        if (name is IdentifierNameSyntax { IsVar: true } || name.Ancestors().OfType<UsingDirectiveSyntax>().Any())
        {
            return false;
        }

        return name.Parent switch
        {
            QualifiedNameSyntax qualified => qualified.Left == name,
            AliasQualifiedNameSyntax => false,
            MemberAccessExpressionSyntax memberAccess => memberAccess.Expression == name,
            _ => true,
        };
    }

    /// <summary>The whole name or member access a <c>global::</c> name starts.</summary>
    private static SyntaxNode Outermost(AliasQualifiedNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Left == node
            || node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == node)
        {
            node = node.Parent;
        }

        return node;
    }
}
