using System.Collections.Generic;
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
/// The way a receive loop already leaves when the peer closes: the body of its
/// <c>if (result.MessageType == WebSocketMessageType.Close)</c>, ending in <c>break</c>, <c>return</c> or
/// <c>throw</c>. The size check leaves the same way, so whatever that exit sets (a flag, a close task), disposes or
/// returns happens on the new path too. Its own calls that close the socket are left out: the check closes with 1009.
/// </summary>
internal static class CloseBranch
{
    /// <summary>The statements to copy after the 1009 close, or default where the loop has no close branch that can be copied to the append.</summary>
    public static ImmutableArray<StatementSyntax> Find(
        SemanticModel model, StatementSyntax append, StatementSyntax loop, ISymbol? result, WellKnownTypes types, CancellationToken cancellationToken)
    {
        var function = FunctionBodies.EnclosingFunction(append);
        foreach (var branch in function.DescendantNodes().OfType<IfStatementSyntax>())
        {
            if (FunctionBodies.EnclosingFunction(branch) == function
                && TestsForClose(model, branch.Condition, types, cancellationToken)
                && Copyable(model, branch.Statement, append, loop, result, types, cancellationToken) is { IsDefault: false } statements)
            {
                return statements;
            }
        }

        return default;
    }

    private static bool TestsForClose(SemanticModel model, ExpressionSyntax condition, WellKnownTypes types, CancellationToken cancellationToken) =>
        model.GetOperation(condition, cancellationToken) is { } test
        && test.DescendantsAndSelf().Any(operation => operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => IsClose(equals.LeftOperand, types) || IsClose(equals.RightOperand, types),
            IIsPatternOperation { Pattern: IConstantPatternOperation constant } => IsClose(constant.Value, types),
            _ => false,
        });

    private static bool IsClose(IOperation operand, WellKnownTypes types) =>
        operand.WithoutConversions() is IFieldReferenceOperation { Field: { Name: "Close", ContainingType.Name: "WebSocketMessageType" } field }
        && field.ContainingNamespace.ToDisplayString() == types.WebSocket.ContainingNamespace.ToDisplayString();

    private static ImmutableArray<StatementSyntax> Copyable(
        SemanticModel model, StatementSyntax body, StatementSyntax append, StatementSyntax loop, ISymbol? result, WellKnownTypes types, CancellationToken cancellationToken)
    {
        var statements = body is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { body };
        // A rethrow (throw;) means something only in its catch.
        var exit = statements.LastOrDefault();
        if (exit is not (BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax { Expression: not null }))
        {
            return default;
        }

        // A break leaves the loop or switch it is in: the append's loop, only when both are directly in it.
        if (exit is BreakStatementSyntax && (Jumps.BreakTarget(exit) != loop || Jumps.BreakTarget(append) != loop))
        {
            return default;
        }

        var copied = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var statement in statements)
        {
            if (!TryCopy(statement, nested: false, copied, model, append, result, types, cancellationToken))
            {
                return default;
            }
        }

        return copied.ToImmutable();
    }

    /// <summary>
    /// Copies a statement of the close branch, leaving out what closes the socket. An <c>if</c> without <c>else</c> is
    /// copied with what is left of its body (<c>if (!disconnecting) { OnClose(); }</c>), and dropped where nothing is;
    /// jumps are copied only at the branch's own level, where they leave as the branch does.
    /// </summary>
    private static bool TryCopy(
        StatementSyntax statement, bool nested, ImmutableArray<StatementSyntax>.Builder copied, SemanticModel model, StatementSyntax append, ISymbol? result, WellKnownTypes types, CancellationToken cancellationToken)
    {
        if (statement is IfStatementSyntax { Else: null } conditional)
        {
            if (model.GetOperation(conditional.Condition, cancellationToken) is not { } condition || !MeansTheSameAt(condition, append, result, model))
            {
                return false;
            }

            var body = conditional.Statement is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { conditional.Statement };
            var inner = ImmutableArray.CreateBuilder<StatementSyntax>();
            foreach (var part in body)
            {
                if (!TryCopy(part, nested: true, inner, model, append, result, types, cancellationToken))
                {
                    return false;
                }
            }

            if (inner.Count > 0)
            {
                copied.Add(conditional.WithStatement(SyntaxFactory.Block(inner.Select(part => part.WithoutTrivia()))).WithoutTrivia().NormalizeWhitespace());
            }

            return true;
        }

        var allowed = nested ? statement is ExpressionStatementSyntax : statement is ExpressionStatementSyntax or BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax;
        if (!allowed || model.GetOperation(statement, cancellationToken) is not { } operation || !MeansTheSameAt(operation, append, result, model))
        {
            return false;
        }

        if (!ClosesTheSocket(operation, types))
        {
            copied.Add(statement);
        }

        return true;
    }

    /// <summary>
    /// Reads nothing about the received close (the result's status is only set for a Close) and names only what is in
    /// scope at the append.
    /// </summary>
    private static bool MeansTheSameAt(IOperation operation, StatementSyntax append, ISymbol? result, SemanticModel model)
    {
        foreach (var reference in operation.DescendantsAndSelf())
        {
            var symbol = reference switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol, result)
                || !model.LookupSymbols(append.SpanStart, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A statement that closes a WebSocket directly: <c>CloseAsync</c> or <c>CloseOutputAsync</c>, awaited or not.</summary>
    public static bool ClosesTheSocket(IOperation statement, WellKnownTypes types) =>
        statement.DescendantsAndSelf().OfType<IInvocationOperation>().Any(invocation =>
            invocation.TargetMethod.Name is "CloseAsync" or "CloseOutputAsync"
            && invocation.Instance?.Type.IsOrDerivesFrom(types.WebSocket) == true);
}
