using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>Finds what a local is assigned within the body that declares it.</summary>
internal static class LocalWrites
{
    /// <summary>
    /// The values written to <paramref name="local"/>, or a null entry where a write cannot be followed
    /// (ref and out arguments, compound assignments, deconstructions, loop and pattern variables).
    /// Default when the local has no value the analysis can see.
    /// </summary>
    public static ImmutableArray<IOperation> Find(IOperation reference, ILocalSymbol local)
    {
        var writes = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in RootOf(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when Same(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        writes.Add(initializer.Value);
                    }
                    else if (declarator.Parent?.Parent is IForEachLoopOperation or IUsingOperation)
                    {
                        writes.Add(null!);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when IsLocal(assignment.Target, local):
                    writes.Add(assignment.Value);
                    break;
                case ICompoundAssignmentOperation compound when IsLocal(compound.Target, local):
                case IIncrementOrDecrementOperation step when IsLocal(step.Target, local):
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when IsLocal(argument.Value, local):
                case IDeclarationExpressionOperation declaration when DeclaresLocal(declaration.Expression, local):
                case IDeconstructionAssignmentOperation deconstruction when DeclaresLocal(deconstruction.Target, local):
                case IDeclarationPatternOperation pattern when Same(pattern.DeclaredSymbol, local):
                case IForEachLoopOperation loop when loop.Locals.Contains(local, SymbolEqualityComparer.Default):
                    writes.Add(null!);
                    break;
            }
        }

        return writes.ToImmutable();
    }

    /// <summary>
    /// The size a local can have: the widest of the values written to it, each sized by <paramref name="evaluate"/>.
    /// Unknown where a write cannot be followed or the code compares the local's length, which cuts it to size in a
    /// way not modelled here.
    /// </summary>
    public static PayloadSize SizeOf(ILocalReferenceOperation reference, Func<IOperation, PayloadSize> evaluate)
    {
        var writes = Find(reference, reference.Local);
        if (writes.IsDefaultOrEmpty || writes.Contains(null!) || IsLengthChecked(reference, reference.Local))
        {
            return PayloadSize.Unknown;
        }

        var result = evaluate(writes[0]);
        for (var i = 1; i < writes.Length; i++)
        {
            result = PayloadSize.Either(result, evaluate(writes[i]));
        }

        return result;
    }

    /// <summary>
    /// True where the body compares the length of the local or parameter with something: code that checks a size
    /// before sending is bounded in a way this analysis does not model, so it stays quiet.
    /// </summary>
    public static bool IsLengthChecked(IOperation reference, ISymbol variable)
    {
        foreach (var operation in RootOf(reference).Descendants())
        {
            if (operation is IBinaryOperation binary && binary.OperatorKind.IsRelational()
                && (IsLengthOf(binary.LeftOperand, variable) || IsLengthOf(binary.RightOperand, variable)))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static bool IsLengthOf(IOperation operation, ISymbol variable)
    {
        return operation.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength" } property
            && Same(property.Instance.StorageSymbol(), variable);
    }

    private static bool DeclaresLocal(IOperation operation, ILocalSymbol local)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (IsLocal(node, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local) =>
        operation is ILocalReferenceOperation reference && Same(reference.Local, local);

    private static bool Same(ISymbol? a, ISymbol b) => SymbolEqualityComparer.Default.Equals(a, b);
}
