using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

internal static class FunctionBodies
{
    /// <summary>
    /// The statement a declaration for the whole function goes before: the first statement of the method, local
    /// function or lambda body around <paramref name="statement"/>, or the statement itself in top-level code.
    /// </summary>
    public static SyntaxNode DeclarationAnchor(StatementSyntax statement)
    {
        for (SyntaxNode? node = statement; node is not null; node = node.Parent)
        {
            if (node is BlockSyntax { Statements.Count: > 0 } body
                && body.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                return body.Statements[0];
            }

            if (node is GlobalStatementSyntax global)
            {
                return global;
            }
        }

        return statement;
    }

    /// <summary>The method, local function or lambda <paramref name="node"/> is in, or the file for top-level code.</summary>
    public static SyntaxNode EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                return current;
            }
        }

        return node.SyntaxTree.GetRoot();
    }
}
