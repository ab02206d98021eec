using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// The ways out of a loop that sends a fragment, and whether the message is ended on each: a <c>break</c> to this
/// loop or an outer one, a <c>return</c>, and the loop's own condition. An exit counts as ending the message when a
/// statement that may end it runs unconditionally before the exit in the same iteration, or, for an exit that comes
/// before the fragment, at the end of every iteration; a <c>break</c> and the condition also when something after the
/// loop may end it. Exits from <c>catch</c> blocks and exits taken when the socket is closed or the operation cancelled
/// (a condition that reads <c>State</c>, <c>CloseStatus</c> or <c>IsCancellationRequested</c>) are not judged.
/// </summary>
internal static class LoopExits
{
    /// <summary>The first exit of <paramref name="loop"/> after which nothing may end the message, or null.</summary>
    /// <returns>The exit's operation; the loop itself for its condition.</returns>
    public static IOperation? Unended(ILoopOperation loop, IOperation fragment, MessageEnds ends)
    {
        var function = fragment.EnclosingFunction();
        var endsEachIteration = EndsAfterInBody(loop, fragment, ends);
        var endsAfterLoop = ends.AnyAfter(loop);
        foreach (var exit in Exits(loop, function))
        {
            if (IsExcused(exit, loop)
                || EndedBefore(exit, loop, ends)
                || (exit.Syntax.SpanStart < fragment.Syntax.SpanStart && endsEachIteration)
                || (exit is IBranchOperation && endsAfterLoop))
            {
                continue;
            }

            return exit;
        }

        return HasCondition(loop) && !endsEachIteration && !endsAfterLoop ? loop : null;
    }

    private static IEnumerable<IOperation> Exits(ILoopOperation loop, IOperation function)
    {
        var leaves = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default) { loop.ExitLabel };
        for (var outer = loop.EnclosingLoop(); outer is not null; outer = outer.EnclosingLoop())
        {
            leaves.Add(outer.ExitLabel);
        }

        foreach (var operation in loop.Body.Descendants())
        {
            var isExit = operation switch
            {
                IBranchOperation { BranchKind: BranchKind.Break } branch => leaves.Contains(branch.Target),
                IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } => true,
                _ => false,
            };
            if (isExit && ReferenceEquals(operation.EnclosingFunction(), function))
            {
                yield return operation;
            }
        }
    }

    /// <summary>A loop ended by its own condition: while, do-while and for with a condition that is not constant true, and foreach.</summary>
    private static bool HasCondition(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation { Condition: { } condition } => condition.ConstantValue is not { HasValue: true, Value: true },
        IForLoopOperation { Condition: { } condition } => condition.ConstantValue is not { HasValue: true, Value: true },
        IForEachLoopOperation => true,
        _ => false,
    };

    /// <summary>Something after the fragment's statement, at the top of the loop body, may end the message on every iteration.</summary>
    private static bool EndsAfterInBody(ILoopOperation loop, IOperation fragment, MessageEnds ends) =>
        loop.Body is IBlockOperation body
        && body.Operations.Any(statement => statement.Syntax.SpanStart > fragment.Syntax.Span.End && IsUnconditional(statement) && ends.AnyIn(statement));

    /// <summary>A statement that may end the message runs, unconditionally, before the exit in a block between the exit and the loop.</summary>
    private static bool EndedBefore(IOperation exit, ILoopOperation loop, MessageEnds ends)
    {
        for (var current = exit; current.Parent is { } parent && !ReferenceEquals(current, loop); current = parent)
        {
            if (parent is IBlockOperation block
                && block.Operations.TakeWhile(statement => !ReferenceEquals(statement, current)).Any(statement => IsUnconditional(statement) && ends.AnyIn(statement)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnconditional(IOperation statement) => statement is not (IConditionalOperation or ILoopOperation or ISwitchOperation);

    /// <summary>An exit taken on an exception, or because the socket is closed or the work cancelled, where no one continues the message.</summary>
    private static bool IsExcused(IOperation exit, ILoopOperation loop)
    {
        for (var current = exit.Parent; current is not null && !ReferenceEquals(current, loop); current = current.Parent)
        {
            if (current is ICatchClauseOperation
                || (current is IConditionalOperation conditional && ReadsClosingState(conditional.Condition)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsClosingState(IOperation condition) =>
        condition.DescendantsAndSelf().Any(operation => operation is IPropertyReferenceOperation { Property.Name: "State" or "CloseStatus" or "IsCancellationRequested" });
}
