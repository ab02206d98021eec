using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

/// <summary>
/// What runs after the size check leaves the loop, read statement by statement, to tell which exit keeps the code's
/// own behaviour. A statement that reads the store handles the message, which must not happen to a refused one; one
/// that disposes or returns something, or does anything else (raise an event, reconnect), is the loop's cleanup, which
/// must. A statement that closes the socket is for a socket the check has already closed.
/// </summary>
internal sealed class CodeAfterLoop
{
    private readonly SemanticModel _model;
    private readonly ISymbol _store;
    private readonly ImmutableArray<ISymbol> _flags;
    private readonly WellKnownTypes _types;
    private readonly CancellationToken _cancellationToken;

    /// <param name="flags">What the exit sets before it leaves; a later test of one of them leaves too.</param>
    public CodeAfterLoop(SemanticModel model, ISymbol store, ImmutableArray<ISymbol> flags, WellKnownTypes types, CancellationToken cancellationToken)
    {
        _model = model;
        _store = store;
        _flags = flags;
        _types = types;
        _cancellationToken = cancellationToken;
    }

    private enum Kind
    {
        HandlesTheMessage,
        ClosesTheSocket,
        Leaves,
        CleansUp,
    }

    /// <summary>
    /// A <c>break</c> out of <paramref name="loop"/> reaches only cleanup: no statement on its way handles the message
    /// or closes the socket again, and every loop around it ends once the socket is closed or the exit's flag is set.
    /// </summary>
    public bool BreakIsSafe(StatementSyntax loop)
    {
        SyntaxNode node = loop;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case BlockSyntax block:
                    var (next, leftLoop) = NextAfter(block.Statements, (StatementSyntax)node);
                    if (next is Guarded.Ends)
                    {
                        return true;
                    }

                    if (next is Guarded.Unsafe)
                    {
                        return false;
                    }

                    if (next is Guarded.Breaks)
                    {
                        node = leftLoop!;
                        continue;
                    }

                    break;
                case GlobalStatementSyntax global:
                    var globals = ((CompilationUnitSyntax)global.Parent!).Members.OfType<GlobalStatementSyntax>().SkipWhile(member => member != global).Skip(1);
                    return globals.All(member => Classify(member.Statement) is Kind.CleansUp or Kind.Leaves);
                case WhileStatementSyntax or DoStatementSyntax when EndsOnceClosed(parent):
                case TryStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax or LabeledStatementSyntax:
                case IfStatementSyntax or ElseClauseSyntax or CatchClauseSyntax or FinallyClauseSyntax:
                    break;
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax:
                    return true;
                default:
                    return false;
            }

            node = parent is ElseClauseSyntax or CatchClauseSyntax or FinallyClauseSyntax ? parent.Parent! : parent;
        }
    }

    /// <summary>
    /// A <c>return</c> skips only what handles the message, closes the socket, or leaves anyway: everything after the
    /// loop, up to the end of the function, is one of those.
    /// </summary>
    public bool ReturnIsSafe(StatementSyntax loop)
    {
        for (SyntaxNode node = loop; node.Parent is { } parent; node = parent)
        {
            IEnumerable<StatementSyntax> following = parent switch
            {
                BlockSyntax block => block.Statements.SkipWhile(statement => statement != node).Skip(1),
                GlobalStatementSyntax global => ((CompilationUnitSyntax)global.Parent!).Members.OfType<GlobalStatementSyntax>().SkipWhile(member => member != global).Skip(1).Select(member => member.Statement),
                _ => Enumerable.Empty<StatementSyntax>(),
            };
            if (following.Any(statement => Classify(statement) is Kind.CleansUp))
            {
                return false;
            }

            if (parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                break;
            }
        }

        return true;
    }

    private enum Guarded
    {
        Continues,
        Ends,
        Breaks,
        Unsafe,
    }

    /// <summary>How the statements after <paramref name="node"/> go on, and the loop a guard there breaks out of.</summary>
    private (Guarded Next, StatementSyntax? LeftLoop) NextAfter(SyntaxList<StatementSyntax> statements, StatementSyntax node)
    {
        foreach (var statement in statements.SkipWhile(statement => statement != node).Skip(1))
        {
            if (statement is IfStatementSyntax { Else: null } guard && IsAnExitTest(guard.Condition) && LastOf(guard.Statement) is { } jump)
            {
                if (jump is BreakStatementSyntax && Jumps.BreakTarget(jump) is { } target && Jumps.IsLoop(target))
                {
                    return (Guarded.Breaks, target);
                }

                if (jump is ReturnStatementSyntax or ThrowStatementSyntax)
                {
                    return (Guarded.Ends, null);
                }
            }

            switch (Classify(statement))
            {
                case Kind.HandlesTheMessage or Kind.ClosesTheSocket:
                    return (Guarded.Unsafe, null);
                case Kind.Leaves:
                    return (statement is BreakStatementSyntax or ContinueStatementSyntax ? Guarded.Unsafe : Guarded.Ends, null);
            }
        }

        return (Guarded.Continues, null);
    }

    private static StatementSyntax? LastOf(StatementSyntax statement) =>
        statement is BlockSyntax block ? block.Statements.LastOrDefault() : statement;

    private Kind Classify(StatementSyntax statement)
    {
        if (statement is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax)
        {
            return statement is ReturnStatementSyntax { Expression: { } value } && Mentions(value, _store) ? Kind.HandlesTheMessage : Kind.Leaves;
        }

        if (_model.GetOperation(statement, _cancellationToken) is not { } operation)
        {
            return Kind.CleansUp;
        }

        if (CloseBranch.ClosesTheSocket(operation, _types))
        {
            return Kind.ClosesTheSocket;
        }

        var releases = operation.DescendantsAndSelf().OfType<IInvocationOperation>().Any(invocation => invocation.TargetMethod.Name is "Dispose" or "DisposeAsync" or "Return");
        return !releases && operation.Mentions(_store) ? Kind.HandlesTheMessage : Kind.CleansUp;
    }

    /// <summary>A test of a flag the exit sets, or of the socket's State, which the 1009 close changes.</summary>
    private bool IsAnExitTest(SyntaxNode condition) =>
        _model.GetOperation(condition, _cancellationToken) is { } test
        && (_flags.Any(flag => test.Mentions(flag))
            || test.DescendantsAndSelf().OfType<IPropertyReferenceOperation>().Any(property => property.Property.Name == "State" && _types.IsWebSocket(property.Instance?.Type)));

    private bool EndsOnceClosed(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax whileLoop => IsAnExitTest(whileLoop.Condition),
        DoStatementSyntax doLoop => IsAnExitTest(doLoop.Condition),
        _ => false,
    };

    private bool Mentions(SyntaxNode node, ISymbol symbol) =>
        _model.GetOperation(node, _cancellationToken) is { } operation && operation.Mentions(symbol);
}
