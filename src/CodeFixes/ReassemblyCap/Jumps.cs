using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

internal static class Jumps
{
    /// <summary>The loop or switch a <c>break</c> at <paramref name="node"/> would leave, or null outside one in the same function.</summary>
    public static StatementSyntax? BreakTarget(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or SwitchStatementSyntax:
                    return (StatementSyntax)current;
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    public static bool IsLoop(SyntaxNode node) =>
        node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax;
}
