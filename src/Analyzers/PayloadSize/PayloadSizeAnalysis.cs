using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// Reasons, within one method body, about how large a payload, string or count can get.
/// Anything it does not understand is <see cref="PayloadSize.Unknown"/>, so rules built on it stay quiet.
/// </summary>
internal sealed class PayloadSizeAnalysis
{
    private const int MaxDepth = 16;

    /// <summary>A formatted number, bool, Guid, date or enum name fits in this many characters.</summary>
    private const int MaxFormattedValueLength = 64;

    private readonly WellKnownTypes _types;
    private readonly UnboundedOrigins _origins;

    public PayloadSizeAnalysis(WellKnownTypes types)
    {
        _types = types;
        _origins = new UnboundedOrigins(types);
    }

    public PayloadSize Evaluate(IOperation operation) => Evaluate(operation, depth: 0, ImmutableHashSet<ILocalSymbol>.Empty);

    private PayloadSize Evaluate(IOperation? operation, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        if (operation is null || depth > MaxDepth)
        {
            return PayloadSize.Unknown;
        }

        if (operation.ConstantValue.HasValue)
        {
            return FromConstant(operation.ConstantValue.Value);
        }

        depth++;
        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, depth, visiting);
            case IArgumentOperation argument:
                return Evaluate(argument.Value, depth, visiting);
            case IAwaitOperation awaited:
                return Evaluate(awaited.Operation, depth, visiting);
            case IUtf8StringOperation utf8:
                return PayloadSize.AtMost(Encoding.UTF8.GetByteCount(utf8.Value));
            case IArrayCreationOperation array:
                return array.Initializer is { } initializer
                    ? PayloadSize.AtMost(initializer.ElementValues.Length)
                    : array.DimensionSizes.Length == 1 ? Evaluate(array.DimensionSizes[0], depth, visiting) : PayloadSize.Unknown;
            case IObjectCreationOperation creation:
                return EvaluateCreation(creation, depth, visiting);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, depth, visiting);
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, depth, visiting);
            case ILocalReferenceOperation local:
                return EvaluateLocal(local, depth, visiting);
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return PayloadSize.Either(Evaluate(conditional.WhenTrue, depth, visiting), Evaluate(conditional.WhenFalse, depth, visiting));
            case ICoalesceOperation coalesce:
                return PayloadSize.Either(Evaluate(coalesce.Value, depth, visiting), Evaluate(coalesce.WhenNull, depth, visiting));
            case IBinaryOperation binary:
                return EvaluateBinary(binary, depth, visiting);
            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolation(interpolated, depth, visiting);
            default:
                return PayloadSize.Unknown;
        }
    }

    private static PayloadSize FromConstant(object? value) => value switch
    {
        null => PayloadSize.AtMost(0),
        string text => PayloadSize.AtMost(text.Length),
        int number => PayloadSize.AtMost(number),
        long number => PayloadSize.AtMost(number),
        short number => PayloadSize.AtMost(number),
        byte number => PayloadSize.AtMost(number),
        uint number => PayloadSize.AtMost(number),
        ushort number => PayloadSize.AtMost(number),
        _ => PayloadSize.Unknown,
    };

    private PayloadSize EvaluateCreation(IObjectCreationOperation creation, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var type = creation.Type?.OriginalDefinition;
        if (!IsBufferView(type))
        {
            return PayloadSize.Unknown;
        }

        var arguments = creation.Arguments;
        return arguments.Length switch
        {
            1 => Evaluate(arguments[0], depth, visiting),
            3 => PayloadSize.Smaller(Evaluate(arguments[0], depth, visiting), Evaluate(arguments[2], depth, visiting)),
            _ => PayloadSize.Unknown,
        };
    }

    private PayloadSize EvaluateInvocation(IInvocationOperation invocation, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType?.OriginalDefinition;
        var arguments = invocation.Arguments;

        if (_origins.Match(invocation) is { } origin)
        {
            return PayloadSize.Unbounded(origin);
        }

        if (containingType.Is(_types.Math))
        {
            return method.Name switch
            {
                "Min" when arguments.Length == 2 => PayloadSize.Smaller(Evaluate(arguments[0], depth, visiting), Evaluate(arguments[1], depth, visiting)),
                "Clamp" when arguments.Length == 3 => PayloadSize.Smaller(Evaluate(arguments[0], depth, visiting), Evaluate(arguments[2], depth, visiting)),
                _ => PayloadSize.Unknown,
            };
        }

        if (containingType.Is(_types.MemoryExtensions) && method.Name is "AsMemory" or "AsSpan" && arguments.Length > 0)
        {
            return Slice(Evaluate(arguments[0], depth, visiting), arguments.Length > 1 ? arguments[1] : null, arguments.Length > 2 ? arguments[2] : null, depth, visiting);
        }

        if (IsBufferView(containingType) && invocation.Instance is { } view)
        {
            return method.Name switch
            {
                "Slice" => Slice(Evaluate(view, depth, visiting), arguments.Length > 0 ? arguments[0] : null, arguments.Length > 1 ? arguments[1] : null, depth, visiting),
                "ToArray" => Evaluate(view, depth, visiting),
                _ => PayloadSize.Unknown,
            };
        }

        if (containingType.IsOrDerivesFrom(_types.Encoding) && method.Name == "GetBytes" && arguments.Length == 1 && method.ReturnType is IArrayTypeSymbol)
        {
            return EncodedBytes(invocation, Evaluate(arguments[0], depth, visiting));
        }

        if (containingType.Is(_types.ArrayPool) && method.Name == "Rent" && arguments.Length == 1)
        {
            // The shared pool hands out arrays rounded up to a power of two.
            return Evaluate(arguments[0], depth, visiting).Scaled(2);
        }

        if (containingType.Is(_types.Convert) && arguments.Length == 1)
        {
            return method.Name switch
            {
                "ToBase64String" => Evaluate(arguments[0], depth, visiting).Scaled(2),
                "FromBase64String" => EncodedFromString(Evaluate(arguments[0], depth, visiting), "Convert.FromBase64String"),
                _ => PayloadSize.Unknown,
            };
        }

        return PayloadSize.Unknown;
    }

    private PayloadSize Slice(PayloadSize source, IArgumentOperation? first, IArgumentOperation? second, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        if (second is not null)
        {
            return PayloadSize.Smaller(source, Evaluate(second, depth, visiting));
        }

        // A slice from a start index keeps the source's size class; a range may cut an unbounded source down.
        var startsAtIndex = first is null || first.Value.Type?.SpecialType == SpecialType.System_Int32;
        return startsAtIndex || source.IsBounded ? source : PayloadSize.Unknown;
    }

    private static PayloadSize EncodedBytes(IInvocationOperation getBytes, PayloadSize text)
    {
        if (text.IsBounded)
        {
            // UTF-8 needs at most 3 bytes per UTF-16 char; other encodings at most 4.
            var isUtf8 = getBytes.Instance is IPropertyReferenceOperation { Property.Name: "UTF8" };
            return text.Scaled(isUtf8 ? 3 : 4);
        }

        var encoding = getBytes.Instance is IPropertyReferenceOperation property ? "Encoding." + property.Property.Name : "Encoding";
        return EncodedFromString(text, encoding + ".GetBytes");
    }

    private static PayloadSize EncodedFromString(PayloadSize text, string conversion) => text.Kind switch
    {
        PayloadSizeKind.Bounded => text,
        PayloadSizeKind.Unbounded => PayloadSize.Unbounded(text.Origin),
        _ => PayloadSize.Unbounded(conversion + " of a non-constant string"),
    };

    private PayloadSize EvaluateProperty(IPropertyReferenceOperation property, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        if (_origins.Match(property) is { } origin)
        {
            return PayloadSize.Unbounded(origin);
        }

        // The length of a buffer, string or view is as large as the thing itself.
        return property.Property.Name is "Length" or "Count" or "LongLength" && property.Instance is { } instance && IsSized(instance.Type)
            ? Evaluate(instance, depth, visiting)
            : PayloadSize.Unknown;
    }

    private PayloadSize EvaluateBinary(IBinaryOperation binary, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var left = Evaluate(binary.LeftOperand, depth, visiting);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
                return PayloadSize.Sum(left, Evaluate(binary.RightOperand, depth, visiting));
            case BinaryOperatorKind.Multiply:
                var right = Evaluate(binary.RightOperand, depth, visiting);
                return left.IsBounded && right.IsBounded ? left.Scaled(right.Bound) : PayloadSize.Unknown;
            case BinaryOperatorKind.Subtract:
            case BinaryOperatorKind.Divide:
            case BinaryOperatorKind.Remainder:
                // Counts are never negative, so taking some away keeps a bound; it may also cut an unbounded value down.
                return left.IsBounded ? left : PayloadSize.Unknown;
            default:
                return PayloadSize.Unknown;
        }
    }

    private PayloadSize EvaluateInterpolation(IInterpolatedStringOperation interpolated, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var total = PayloadSize.AtMost(0);
        foreach (var part in interpolated.Parts)
        {
            var size = part switch
            {
                IInterpolatedStringTextOperation text => Evaluate(text.Text, depth, visiting),
                IInterpolationOperation { Expression: var expression } when HasBoundedFormat(expression.Type) => PayloadSize.AtMost(MaxFormattedValueLength),
                IInterpolationOperation { Expression: var expression } => Evaluate(expression, depth, visiting),
                _ => PayloadSize.Unknown,
            };
            total = PayloadSize.Sum(total, size);
        }

        return total;
    }

    private PayloadSize EvaluateLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var local = reference.Local;
        if (local.IsRef || visiting.Contains(local))
        {
            return PayloadSize.Unknown;
        }

        var writes = LocalWrites.Find(reference, local);
        if (writes.IsDefaultOrEmpty || writes.Contains(null!) || LocalWrites.IsLengthChecked(reference, local))
        {
            return PayloadSize.Unknown;
        }

        var inner = visiting.Add(local);
        var result = Evaluate(writes[0], depth, inner);
        for (var i = 1; i < writes.Length; i++)
        {
            result = PayloadSize.Either(result, Evaluate(writes[i], depth, inner));
        }

        return result;
    }

    private bool IsBufferView(ITypeSymbol? type) =>
        type.Is(_types.ArraySegment) || type.Is(_types.Memory) || type.Is(_types.ReadOnlyMemory);

    private bool IsSized(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String || IsBufferView(type?.OriginalDefinition);

    private static bool HasBoundedFormat(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.ContainingNamespace?.ToDisplayString() == "System" && type.Name is "Guid" or "DateTimeOffset" or "TimeSpan";
    }
}
