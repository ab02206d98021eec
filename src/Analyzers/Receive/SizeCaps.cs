using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// The checks that bound a reassembled message: a comparison whose side reads something that grows with the message
/// (the store, a running total of what was received), or a close with MessageTooBig under a condition on the store.
/// The receive buffer's length and the last receive's count stay the same however long the message gets, so a
/// comparison of only those bounds nothing.
/// </summary>
internal static class SizeCaps
{
    /// <summary>A relational comparison with a limit that can fire (see <see cref="NoLimits"/>).</summary>
    public static IBinaryOperation? AsLimitComparison(IOperation operation, CallSites? calls) =>
        operation is IBinaryOperation binary
        && binary.OperatorKind.IsRelational()
        && (calls is null || (!NoLimits.BoundsNothing(binary.LeftOperand, calls) && !NoLimits.BoundsNothing(binary.RightOperand, calls)))
            ? binary
            : null;

    /// <summary>True when a side of <paramref name="comparison"/> reads, directly or through locals, a symbol that <paramref name="grows"/>.</summary>
    public static bool Compares(IBinaryOperation comparison, ComparedValues values, Func<ISymbol, bool> grows) =>
        values.Read(comparison.LeftOperand).Symbols.Any(grows) || values.Read(comparison.RightOperand).Symbols.Any(grows);

    public static bool ClosesWithMessageTooBig(IConditionalOperation conditional)
    {
        foreach (var operation in conditional.Descendants())
        {
            if (operation is IFieldReferenceOperation { Field.Name: "MessageTooBig" })
            {
                return true;
            }
        }

        return false;
    }
}
