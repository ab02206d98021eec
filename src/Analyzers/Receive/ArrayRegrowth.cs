using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// <c>buffer = larger;</c> in a loop where <c>larger</c> is a new or rented, larger array that the old contents of
/// <c>buffer</c> are copied into: Array.Resize written by hand.
/// </summary>
internal static class ArrayRegrowth
{
    /// <summary>
    /// True when a new size is computed by adding or multiplying, as growth is (<c>buffer.Length * 2</c>,
    /// <c>total + result.Count</c>); a plain count is a trim to the length filled.
    /// </summary>
    public static bool Enlarges(IOperation size)
    {
        foreach (var operation in size.DescendantsAndSelf())
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Multiply or BinaryOperatorKind.LeftShift })
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(ISimpleAssignmentOperation assignment, WellKnownTypes types)
    {
        if (assignment.Target.Type is not IArrayTypeSymbol
            || assignment.Target.StorageSymbol() is not { } store
            || assignment.Value.WithoutConversions() is not ILocalReferenceOperation { Local: var larger }
            || assignment.EnclosingLoop() is not { } loop)
        {
            return false;
        }

        var allocated = false;
        var copied = false;
        foreach (var operation in loop.Descendants())
        {
            allocated |= AllocatesInto(operation, larger, types);
            copied |= operation is IInvocationOperation invocation && CopiesInto(invocation, store, larger);
        }

        return allocated && copied;
    }

    private static bool AllocatesInto(IOperation operation, ILocalSymbol local, WellKnownTypes types)
    {
        var value = operation switch
        {
            IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.GetVariableInitializer()?.Value,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
            _ => null,
        };

        return value.WithoutConversions() switch
        {
            IArrayCreationOperation { DimensionSizes.Length: 1 } creation => Enlarges(creation.DimensionSizes[0]),
            IInvocationOperation { TargetMethod.Name: "Rent", Arguments.Length: 1 } rent => rent.TargetMethod.ContainingType.Is(types.ArrayPool) && Enlarges(rent.Arguments[0].Value),
            _ => false,
        };
    }

    /// <summary>Buffer.BlockCopy, Array.Copy or CopyTo (on the array, or on a span of it) from source into destination.</summary>
    private static bool CopiesInto(IInvocationOperation invocation, ISymbol source, ISymbol destination)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        if (method.Name == "CopyTo")
        {
            var from = invocation.Instance ?? (arguments.Length > 0 ? arguments[0].Value : null);
            var to = invocation.Instance is null ? 1 : 0;
            return from is not null && arguments.Length > to && from.Mentions(source) && arguments[to].Value.Mentions(destination);
        }

        var isCopy = (method.Name == "BlockCopy" && method.ContainingType.ToDisplayString() == "System.Buffer")
            || (method.Name == "Copy" && method.ContainingType.SpecialType == SpecialType.System_Array);
        if (!isCopy || arguments.Length < 2 || !arguments[0].Value.Mentions(source))
        {
            return false;
        }

        for (var i = 1; i < arguments.Length; i++)
        {
            if (arguments[i].Value.Mentions(destination))
            {
                return true;
            }
        }

        return false;
    }
}
