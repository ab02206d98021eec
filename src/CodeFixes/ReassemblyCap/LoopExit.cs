using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

/// <summary>
/// How the size check leaves, after it has closed with 1009: the way the loop leaves when the peer closes, where
/// that can be copied; otherwise a <c>return</c> (with the value the function returns on its other failures) where
/// it skips only the message's handling, or a <c>break</c> where it reaches only the loop's cleanup. None where
/// neither holds: then the fix is not offered.
/// </summary>
internal static class LoopExit
{
    public static ImmutableArray<StatementSyntax> Find(
        SemanticModel model, StatementSyntax append, StatementSyntax loop, ISymbol store, ISymbol? result, WellKnownTypes types, CancellationToken cancellationToken)
    {
        var mirrored = CloseBranch.Find(model, append, loop, result, types, cancellationToken);
        if (!mirrored.IsDefault
            && (mirrored.Last() is not BreakStatementSyntax
                || new CodeAfterLoop(model, store, FlagsSetBy(model, mirrored, cancellationToken), types, cancellationToken).BreakIsSafe(loop)))
        {
            return mirrored;
        }

        var after = new CodeAfterLoop(model, store, ImmutableArray<ISymbol>.Empty, types, cancellationToken);
        if (FailureReturn(model, append, cancellationToken) is { } exit && after.ReturnIsSafe(loop))
        {
            return ImmutableArray.Create(exit);
        }

        return Jumps.BreakTarget(append) == loop && after.BreakIsSafe(loop)
            ? ImmutableArray.Create<StatementSyntax>(SyntaxFactory.BreakStatement())
            : default;
    }

    /// <summary>
    /// <c>return;</c> in an async function that returns nothing, <c>Task</c> or <c>ValueTask</c>; in one that returns a
    /// value, the <c>return null;</c> or <c>return default;</c> it already has for a failure; otherwise none.
    /// </summary>
    private static StatementSyntax? FailureReturn(SemanticModel model, StatementSyntax append, CancellationToken cancellationToken)
    {
        if (model.GetEnclosingSymbol(append.SpanStart, cancellationToken) is not IMethodSymbol { IsAsync: true } function)
        {
            return null;
        }

        if (function.ReturnsVoid || function.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false })
        {
            return SyntaxFactory.ReturnStatement();
        }

        var body = FunctionBodies.EnclosingFunction(append);
        return body.DescendantNodes()
            .OfType<ReturnStatementSyntax>()
            .FirstOrDefault(candidate => FunctionBodies.EnclosingFunction(candidate) == body
                && candidate.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax);
    }

    private static ImmutableArray<ISymbol> FlagsSetBy(SemanticModel model, ImmutableArray<StatementSyntax> statements, CancellationToken cancellationToken) =>
        statements
            .Select(statement => model.GetOperation(statement, cancellationToken))
            .OfType<IExpressionStatementOperation>()
            .Select(statement => (statement.Operation as ISimpleAssignmentOperation)?.Target.StorageSymbol())
            .OfType<ISymbol>()
            .ToImmutableArray();
}
