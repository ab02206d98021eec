using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// Reasons about how large a payload, string or count can get: within a method body, and across the compilation for a
/// parameter (what callers pass, <see cref="ParameterSizes"/>), a call's result (what the body returns,
/// <see cref="ReturnedSizes"/>) and a field (what is written to it, <see cref="FieldSizes"/>).
/// Anything it does not understand is <see cref="PayloadSize.Unknown"/>, so rules built on it stay quiet.
/// </summary>
internal sealed class PayloadSizeAnalysis
{
    private const int MaxDepth = 16;

    private static readonly ImmutableHashSet<ISymbol> NothingVisited = ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);

    private readonly WellKnownTypes _types;
    private readonly UnboundedOrigins _origins;
    private readonly ParameterSizes _parameters;
    private readonly ReturnedSizes _returns;
    private readonly FieldSizes _fields;

    public PayloadSizeAnalysis(WellKnownTypes types, CallSites calls, bool onlyVisibleCallers)
    {
        _types = types;
        _origins = new UnboundedOrigins(types);
        _parameters = new ParameterSizes(calls, IsSized, onlyVisibleCallers);
        _returns = new ReturnedSizes(calls);
        _fields = new FieldSizes(calls, IsSized);
    }

    public PayloadSize Evaluate(IOperation operation) => Evaluate(operation, depth: 0, NothingVisited);

    private PayloadSize Evaluate(IOperation? operation, int depth, ImmutableHashSet<ISymbol> visiting)
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
                return Utf8TextSize.OfConstant(utf8.Value);
            case IArrayCreationOperation array:
                return array.Initializer is { } initializer
                    ? PayloadSize.Exactly(initializer.ElementValues.Length)
                    : array.DimensionSizes.Length == 1 ? Evaluate(array.DimensionSizes[0], depth, visiting) : PayloadSize.Unknown;
            case IArrayElementReferenceOperation { Indices: { Length: 1 } indices } slice when indices[0] is IRangeOperation range:
                return SliceByRange(Evaluate(slice.ArrayReference, depth, visiting), range, depth, visiting);
            case IImplicitIndexerReferenceOperation { Argument: IRangeOperation range } slice:
                return SliceByRange(Evaluate(slice.Instance, depth, visiting), range, depth, visiting);
            case { Syntax: StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax } stackAlloc:
                return EvaluateStackAlloc(stackAlloc, depth, visiting);
            case IObjectCreationOperation creation:
                return EvaluateCreation(creation, depth, visiting);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, depth, visiting);
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, depth, visiting);
            case ILocalReferenceOperation local:
                return EvaluateLocal(local, depth, visiting);
            case IParameterReferenceOperation parameter:
                return _parameters.Evaluate(parameter, visiting, (argument, inner) => Evaluate(argument, depth, inner));
            case IFieldReferenceOperation field:
                return _fields.Evaluate(field, visiting, (written, inner) => Evaluate(written, depth, inner));
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
        null => PayloadSize.Exactly(0),
        string text => PayloadSize.Exactly(text.Length),
        int number => PayloadSize.Exactly(number),
        long number => PayloadSize.Exactly(number),
        short number => PayloadSize.Exactly(number),
        byte number => PayloadSize.Exactly(number),
        uint number => PayloadSize.Exactly(number),
        ushort number => PayloadSize.Exactly(number),
        _ => PayloadSize.Unknown,
    };

    /// <summary><c>stackalloc byte[n]</c>, or with an initializer: its one child is the size or the initializer.</summary>
    private PayloadSize EvaluateStackAlloc(IOperation stackAlloc, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (stackAlloc.Syntax is StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer })
        {
            return PayloadSize.Exactly(initializer.Expressions.Count);
        }

        if (stackAlloc.Syntax is ImplicitStackAllocArrayCreationExpressionSyntax implicitArray)
        {
            return PayloadSize.Exactly(implicitArray.Initializer.Expressions.Count);
        }

        foreach (var child in stackAlloc.ChildOperations)
        {
            return Evaluate(child, depth, visiting);
        }

        return PayloadSize.Unknown;
    }

    /// <summary><c>source[start..end]</c>: at most <c>end</c> when it counts from the start, exactly <c>end</c> from 0.</summary>
    private PayloadSize SliceByRange(PayloadSize source, IRangeOperation range, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var end = range.RightOperand?.WithoutConversions();
        var cut = end is null || end is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat }
            ? source.WithoutMinimum()
            : PayloadSize.Smaller(source, Evaluate(end, depth, visiting));
        var start = range.LeftOperand?.WithoutConversions();
        var fromZero = start is null || start.ConstantValue is { HasValue: true, Value: 0 };
        return fromZero || !cut.IsBounded ? cut : cut.WithoutMinimum();
    }

    private PayloadSize EvaluateCreation(IObjectCreationOperation creation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var type = creation.Type?.OriginalDefinition;
        if (type?.SpecialType == SpecialType.System_String && creation.Arguments.Length == 2
            && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Char)
        {
            // new string(c, count): count characters.
            return Evaluate(creation.Arguments[1], depth, visiting);
        }

        if (!IsBufferView(type) && !IsSpan(type))
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

    private PayloadSize EvaluateInvocation(IInvocationOperation invocation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType?.OriginalDefinition;
        var arguments = invocation.Arguments;

        if (_origins.Match(invocation) is { } origin)
        {
            return _origins.IsSerializer(invocation) ? EvaluateSerialized(invocation, origin, visiting) : PayloadSize.Unbounded(origin);
        }

        if (method.Name == "ToString" && FormattedValue.IsBounded(invocation.Instance?.Type))
        {
            return PayloadSize.AtMost(FormattedValue.MaxLength);
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

        if ((IsBufferView(containingType) || IsSpan(containingType)) && invocation.Instance is { } view)
        {
            return method.Name switch
            {
                "Slice" => Slice(Evaluate(view, depth, visiting), arguments.Length > 0 ? arguments[0] : null, arguments.Length > 1 ? arguments[1] : null, depth, visiting),
                "ToArray" => Evaluate(view, depth, visiting),
                _ => PayloadSize.Unknown,
            };
        }

        if (containingType.IsOrDerivesFrom(_types.Encoding) && method.Name is "GetBytes" or "GetByteCount" && arguments.Length == 1
            && (method.Name == "GetByteCount" || method.ReturnType is IArrayTypeSymbol))
        {
            return EncodedBytes(invocation, arguments[0], Evaluate(arguments[0], depth, visiting));
        }

        if (containingType.Is(_types.ArrayPool) && method.Name == "Rent" && arguments.Length == 1)
        {
            // The shared pool hands out at least the size asked for, rounded up to a power of two.
            return Evaluate(arguments[0], depth, visiting).WithBoundScaled(2);
        }

        if (containingType.Is(_types.StringBuilder) && method.Name == "ToString" && arguments.Length == 0 && invocation.Instance is { } builder)
        {
            return StringBuilderContents.Evaluate(builder, part => Evaluate(part, depth, visiting));
        }

        if (containingType.Is(_types.Convert) && arguments.Length == 1)
        {
            return method.Name switch
            {
                "ToBase64String" => Evaluate(arguments[0], depth, visiting).WithBoundScaled(2),
                "FromBase64String" => Evaluate(arguments[0], depth, visiting).WithoutMinimum(),
                _ => PayloadSize.Unknown,
            };
        }

        return _returns.Evaluate(invocation, visiting, (returned, inner) => Evaluate(returned, depth, inner));
    }

    /// <summary>
    /// What a serializer writes. Bounded for an object whose shape bounds it (<see cref="SerializedShape"/>). Otherwise
    /// unbounded as a rule: it is as large as the object graph it is given. Unknown for a type
    /// the compilation cannot resolve, and for an object a helper's callers in this compilation hand it, unless one of
    /// them passes on an object a public member accepts from anyone.
    /// </summary>
    private PayloadSize EvaluateSerialized(IInvocationOperation invocation, string origin, ImmutableHashSet<ISymbol> visiting)
    {
        if (invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 0) is { Value.Type.TypeKind: not TypeKind.Error } serialized
            && new SerializedShape(text => Evaluate(text, depth: 0, visiting)).BoundOf(serialized.Value) is { } bytes)
        {
            return PayloadSize.AtMost(bytes);
        }

        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Value.WithoutConversions())
            {
                case { Type.TypeKind: TypeKind.Error }:
                    return PayloadSize.Unknown;
                case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method } parameter when !_parameters.TakesAnyCaller(method):
                    var passed = _parameters.Evaluate(parameter, visiting, (value, inner) => EvaluateSerializedValue(value, inner), anyType: true);
                    return passed.IsUnbounded ? PayloadSize.Unbounded(origin + " of " + passed.Origin) : PayloadSize.Unknown;
            }
        }

        return PayloadSize.Unbounded(origin);
    }

    /// <summary>
    /// An object a caller passes on to be serialized: unbounded where it is itself a public member's parameter, or was
    /// read from a message by a deserializer (a relay writes out what any peer sent in).
    /// </summary>
    private PayloadSize EvaluateSerializedValue(IOperation value, ImmutableHashSet<ISymbol> visiting) => value.WithoutConversions() switch
    {
        IParameterReferenceOperation parameter => _parameters.Evaluate(parameter, visiting, (inner, further) => EvaluateSerializedValue(inner, further), anyType: true),
        ILocalReferenceOperation local when DeserializerBehind(local) is { } deserializer => PayloadSize.Unbounded("an object read by " + deserializer),
        _ => PayloadSize.Unknown,
    };

    /// <summary>The deserializer call in the statement that declares the local, as in <c>if (Deserialize&lt;T&gt;(data) is { } message)</c>.</summary>
    private string? DeserializerBehind(ILocalReferenceOperation reference)
    {
        foreach (var declaration in reference.Local.DeclaringSyntaxReferences)
        {
            var statement = declaration.GetSyntax().FirstAncestorOrSelf<StatementSyntax>();
            SyntaxNode? scope = statement is IfStatementSyntax condition ? condition.Condition : statement;
            if (scope is null || reference.SemanticModel?.GetOperation(scope) is not { } operation)
            {
                continue;
            }

            foreach (var part in operation.DescendantsAndSelf())
            {
                if (part is IInvocationOperation call && call.TargetMethod.Name.StartsWith("Deserialize", System.StringComparison.Ordinal) && _origins.IsSerializer(call))
                {
                    return call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
                }
            }
        }

        return null;
    }

    private PayloadSize Slice(PayloadSize source, IArgumentOperation? first, IArgumentOperation? second, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (second is not null)
        {
            return PayloadSize.Smaller(source, Evaluate(second, depth, visiting));
        }

        // A slice from a start index keeps the source's size class; a range may cut an unbounded source down.
        var startsAtIndex = first is null || first.Value.Type?.SpecialType == SpecialType.System_Int32;
        var fromZero = first is null || first.Value.ConstantValue is { HasValue: true, Value: 0 };
        return startsAtIndex || source.IsBounded ? (fromZero ? source : source.WithoutMinimum()) : PayloadSize.Unknown;
    }

    private static PayloadSize EncodedBytes(IInvocationOperation getBytes, IArgumentOperation argument, PayloadSize text)
    {
        var encoding = (getBytes.Instance as IPropertyReferenceOperation)?.Property.Name;
        if (argument.Value.WithoutConversions()?.ConstantValue is { HasValue: true, Value: string constant } && encoding is "UTF8" or "ASCII")
        {
            return encoding == "UTF8" ? Utf8TextSize.OfConstant(constant) : PayloadSize.Exactly(constant.Length);
        }

        if (text.IsBounded)
        {
            // Every encoding needs at least a byte per UTF-16 char; UTF-8 at most 3, others at most 4.
            return encoding == "UTF8" ? Utf8TextSize.FromChars(text) : text.WithBoundScaled(4);
        }

        // A string the analysis cannot size says nothing either way: it may be a short command or a whole document.
        return text;
    }

    private PayloadSize EvaluateProperty(IPropertyReferenceOperation property, int depth, ImmutableHashSet<ISymbol> visiting)
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

    private PayloadSize EvaluateBinary(IBinaryOperation binary, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var left = Evaluate(binary.LeftOperand, depth, visiting);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add:
                return PayloadSize.Sum(left, Evaluate(binary.RightOperand, depth, visiting));
            case BinaryOperatorKind.Multiply:
                return PayloadSize.Product(left, Evaluate(binary.RightOperand, depth, visiting));
            case BinaryOperatorKind.Subtract:
            case BinaryOperatorKind.Divide:
            case BinaryOperatorKind.Remainder:
                // Counts are never negative, so taking some away keeps a bound; it may also cut an unbounded value down.
                return left.IsBounded ? left.WithoutMinimum() : PayloadSize.Unknown;
            default:
                return PayloadSize.Unknown;
        }
    }

    private PayloadSize EvaluateInterpolation(IInterpolatedStringOperation interpolated, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var total = PayloadSize.AtMost(0);
        foreach (var part in interpolated.Parts)
        {
            var size = part switch
            {
                IInterpolatedStringTextOperation text => Evaluate(text.Text, depth, visiting),
                IInterpolationOperation { Expression: var expression } when FormattedValue.IsBounded(expression.Type) => PayloadSize.AtMost(FormattedValue.MaxLength),
                IInterpolationOperation { Expression: var expression } => Evaluate(expression, depth, visiting),
                _ => PayloadSize.Unknown,
            };
            total = PayloadSize.Sum(total, size);
        }

        return total;
    }

    private PayloadSize EvaluateLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var local = reference.Local;
        if (local.IsRef || visiting.Contains(local))
        {
            return PayloadSize.Unknown;
        }

        var inner = visiting.Add(local);
        return LocalWrites.SizeOf(reference, write => Evaluate(write, depth, inner));
    }

    private bool IsBufferView(ITypeSymbol? type) =>
        type.Is(_types.ArraySegment) || type.Is(_types.Memory) || type.Is(_types.ReadOnlyMemory);

    private bool IsSpan(ITypeSymbol? type) => type.Is(_types.Span) || type.Is(_types.ReadOnlySpan);

    private bool IsSized(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String || IsBufferView(type?.OriginalDefinition) || IsSpan(type?.OriginalDefinition);
}
