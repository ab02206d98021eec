using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>Finds reads of EndOfMessage on WebSocketReceiveResult or ValueWebSocketReceiveResult.</summary>
internal static class EndOfMessageChecks
{
    public static bool AnyIn(IOperation scope, WellKnownTypes types)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (IsEndOfMessageRead(operation, types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Like <see cref="AnyIn"/>, leaving out reads that only pass EndOfMessage on to a WebSocket send of other data: a
    /// reply built from the decoded read and sent with <c>result.EndOfMessage</c> still took that read for a whole
    /// message. A relay that sends the received bytes themselves with it does handle the fragments.
    /// </summary>
    public static bool AnyActedOnIn(IOperation scope, WellKnownTypes types, Func<IOperation, bool> isReceivedData)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (IsEndOfMessageRead(operation, types) && !IsOnlySentWithOtherData(operation, types, isReceivedData))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="condition"/> holds only at the end of a message: <c>result.EndOfMessage</c>, alone or in an <c>&amp;&amp;</c>.</summary>
    public static bool HoldsOnlyAtEnd(IOperation condition, WellKnownTypes types) => condition.WithoutConversions() switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both => HoldsOnlyAtEnd(both.LeftOperand, types) || HoldsOnlyAtEnd(both.RightOperand, types),
        var read => read is not null && IsEndOfMessageRead(read, types),
    };

    private static bool IsEndOfMessageRead(IOperation operation, WellKnownTypes types) =>
        operation is IPropertyReferenceOperation { Property: { Name: "EndOfMessage" } property }
        && (property.ContainingType.Is(types.WebSocketReceiveResult) || property.ContainingType.Is(types.ValueWebSocketReceiveResult));

    private static bool IsOnlySentWithOtherData(IOperation read, WellKnownTypes types, Func<IOperation, bool> isReceivedData)
    {
        var current = read;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        if (current.Parent is not IArgumentOperation { Parameter.Name: "endOfMessage", Parent: IInvocationOperation { TargetMethod.Name: "SendAsync" } send }
            || !types.IsWebSocket(send.TargetMethod.ContainingType))
        {
            return false;
        }

        foreach (var argument in send.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return !isReceivedData(argument.Value);
            }
        }

        return false;
    }
}
