using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsLimits.Analyzers.Infrastructure;

internal static class OperationQueries
{
    /// <summary>The symbol a value is stored in, seen through conversions: a local, field or parameter.</summary>
    public static ISymbol? StorageSymbol(this IOperation? operation) => operation.WithoutConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    public static IOperation? WithoutConversions(this IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>True when <paramref name="scope"/> or anything in it reads or writes <paramref name="symbol"/>.</summary>
    public static bool Mentions(this IOperation scope, ISymbol symbol)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (SymbolEqualityComparer.Default.Equals(operation.StorageSymbol(), symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost loop around <paramref name="operation"/> in the same function.</summary>
    public static ILoopOperation? EnclosingLoop(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The body of the method, lambda or local function <paramref name="operation"/> is in.</summary>
    public static IOperation EnclosingFunction(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    public static bool IsRelational(this BinaryOperatorKind kind) =>
        kind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;
}
