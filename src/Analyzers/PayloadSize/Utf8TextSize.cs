using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// The one place that sizes strings in UTF-8 bytes, for limits that .NET counts in bytes, such as a close frame's
/// description. Constants count exactly; a concatenation or interpolation is at least as long as its constant parts,
/// whatever the others hold; text the code does not control (an exception's message, text decoded from a received
/// message or read by a deserializer) has no bound; anything else is sized in chars by <see cref="PayloadSizeAnalysis"/>
/// and scaled to bytes.
/// </summary>
internal sealed class Utf8TextSize
{
    /// <summary>The most UTF-8 bytes one UTF-16 char takes; a surrogate pair takes 4 for its two chars.</summary>
    private const int MaxBytesPerChar = 3;

    private const int MaxDepth = 16;

    private readonly WellKnownTypes _types;
    private readonly PayloadSizeAnalysis _chars;
    private readonly UnboundedOrigins _origins;

    public Utf8TextSize(WellKnownTypes types, PayloadSizeAnalysis chars)
    {
        _types = types;
        _chars = chars;
        _origins = new UnboundedOrigins(types);
    }

    /// <summary>The exact UTF-8 length of a constant, as Encoding.UTF8 counts it (a lone surrogate as its 3-byte replacement).</summary>
    public static PayloadSize OfConstant(string text) => PayloadSize.Exactly(Encoding.UTF8.GetByteCount(text));

    /// <summary>A string sized in chars, in UTF-8 bytes: at least a byte per char, at most three.</summary>
    public static PayloadSize FromChars(PayloadSize chars) => chars.WithBoundScaled(MaxBytesPerChar);

    /// <summary>The UTF-8 bytes of the string <paramref name="text"/> evaluates to.</summary>
    public PayloadSize Evaluate(IOperation text) => Evaluate(text, depth: 0, ImmutableHashSet<ILocalSymbol>.Empty);

    private PayloadSize Evaluate(IOperation? text, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        if (text is null || depth > MaxDepth)
        {
            return PayloadSize.Unknown;
        }

        if (text.ConstantValue.HasValue)
        {
            return text.ConstantValue.Value switch
            {
                null => PayloadSize.Exactly(0),
                string constant => OfConstant(constant),
                _ => PayloadSize.Unknown,
            };
        }

        depth++;
        switch (text)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, depth, visiting);
            case IArgumentOperation argument:
                return Evaluate(argument.Value, depth, visiting);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                return Concatenation(EvaluateOperand(concatenation.LeftOperand, depth, visiting), EvaluateOperand(concatenation.RightOperand, depth, visiting));
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.Aggregate(PayloadSize.Exactly(0), (total, part) => Concatenation(total, EvaluatePart(part, depth, visiting)));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                // A branch on a length, as in text.Length > 100 ? text.Substring(0, 100) : text, is the code cutting it to size.
                return ComparesALength(conditional.Condition)
                    ? PayloadSize.Unknown
                    : PayloadSize.Either(Evaluate(conditional.WhenTrue, depth, visiting), Evaluate(whenFalse, depth, visiting));
            case ICoalesceOperation coalesce:
                return PayloadSize.Either(Evaluate(coalesce.Value, depth, visiting), Evaluate(coalesce.WhenNull, depth, visiting));
            case ILocalReferenceOperation local:
                return EvaluateLocal(local, depth, visiting);
            case IPropertyReferenceOperation property when UncontrolledProperty(property) is { } origin:
                return PayloadSize.Unbounded(origin);
            case IInvocationOperation invocation when UncontrolledCall(invocation, depth, visiting) is { } origin:
                return PayloadSize.Unbounded(origin);
            default:
                return FromChars(_chars.Evaluate(text));
        }
    }

    /// <summary>
    /// Text joined to text: unbounded when either part is, since the whole is at least as long as each part; otherwise
    /// at least as long as both parts' minimums together, even where one part's bound is unknown.
    /// </summary>
    private static PayloadSize Concatenation(PayloadSize a, PayloadSize b)
    {
        if (a.IsUnbounded || b.IsUnbounded)
        {
            return a.IsUnbounded ? a : b;
        }

        return a.IsBounded && b.IsBounded ? PayloadSize.Sum(a, b) : PayloadSize.AtLeast(a.Minimum + b.Minimum);
    }

    private static bool ComparesALength(IOperation condition) =>
        condition.DescendantsAndSelf().Any(part => part is IPropertyReferenceOperation { Property.Name: "Length" } or IInvocationOperation { TargetMethod.Name: "GetByteCount" });

    /// <summary>A part of a concatenation; an object joined to a string is its ToString().</summary>
    private PayloadSize EvaluateOperand(IOperation operand, int depth, ImmutableHashSet<ILocalSymbol> visiting) =>
        operand.WithoutConversions()?.Type.IsOrDerivesFrom(_types.Exception) == true ? PayloadSize.Unbounded("an exception's ToString()") : Evaluate(operand, depth, visiting);

    private PayloadSize EvaluatePart(IInterpolatedStringContentOperation part, int depth, ImmutableHashSet<ILocalSymbol> visiting) => part switch
    {
        IInterpolatedStringTextOperation text => Evaluate(text.Text, depth, visiting),
        IInterpolationOperation { Expression: var expression } when expression.Type.IsOrDerivesFrom(_types.Exception) => PayloadSize.Unbounded("an exception's ToString()"),
        IInterpolationOperation { Expression: var expression } when FormattedValue.IsBounded(expression.Type) => FromChars(PayloadSize.AtMost(FormattedValue.MaxLength)),
        IInterpolationOperation { Expression: var expression } => Evaluate(expression, depth, visiting),
        _ => PayloadSize.Unknown,
    };

    private PayloadSize EvaluateLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var local = reference.Local;
        if (local.IsRef || visiting.Contains(local))
        {
            return PayloadSize.Unknown;
        }

        var inner = visiting.Add(local);
        return LocalWrites.SizeOf(reference, write => Evaluate(write, depth, inner));
    }

    /// <summary>An exception's message or stack trace, or a string property of an object a deserializer read from a message.</summary>
    private string? UncontrolledProperty(IPropertyReferenceOperation property)
    {
        // The project's own exception types carry the project's own messages, which may all be short.
        if (property.Instance?.Type is { } thrown && thrown.IsOrDerivesFrom(_types.Exception)
            && (property.Property.Name == "StackTrace" || (property.Property.Name == "Message" && !IsDeclaredInSource(thrown))))
        {
            return "an exception's " + property.Property.Name;
        }

        return property.Type?.SpecialType == SpecialType.System_String && property.Instance.WithoutConversions() is ILocalReferenceOperation instance
            ? DeserializerBehind(instance) is { } deserializer ? "a string read by " + deserializer : null
            : null;
    }

    private static bool IsDeclaredInSource(ITypeSymbol type) => type.Locations.Any(location => location.IsInSource);

    /// <summary>
    /// An exception's ToString(), text decoded from a buffer the method receives into, and string.Join, Concat or Format
    /// with a part that has no bound.
    /// </summary>
    private string? UncontrolledCall(IInvocationOperation invocation, int depth, ImmutableHashSet<ILocalSymbol> visiting)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ToString" && invocation.Arguments.IsEmpty && invocation.Instance?.Type.IsOrDerivesFrom(_types.Exception) == true)
        {
            return "an exception's ToString()";
        }

        if (method.Name == "GetString" && method.ContainingType.IsOrDerivesFrom(_types.Encoding) && invocation.Arguments.Length > 0
            && IsReceivedInto(invocation, invocation.Arguments[0].Value))
        {
            return "text decoded from a received message";
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic && method.Name is "Join" or "Concat" or "Format")
        {
            foreach (var argument in invocation.Arguments)
            {
                foreach (var value in argument.Value.WithoutConversions() is IArrayCreationOperation { Initializer: { } parts } ? parts.ElementValues : ImmutableArray.Create(argument.Value))
                {
                    if (value.WithoutConversions() is { Type.SpecialType: SpecialType.System_String } text && Evaluate(text, depth, visiting) is { IsUnbounded: true } part)
                    {
                        return part.Origin;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when a buffer that <paramref name="decoded"/> reads is also handed to a ReceiveAsync in the same body.</summary>
    private bool IsReceivedInto(IOperation within, IOperation decoded)
    {
        var buffers = decoded.DescendantsAndSelf().Select(part => part.StorageSymbol()).OfType<ISymbol>().Where(symbol => symbol is ILocalSymbol or IFieldSymbol).ToList();
        if (buffers.Count == 0)
        {
            return false;
        }

        var root = within;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Descendants().OfType<IInvocationOperation>().Any(receive =>
            receive.TargetMethod.Name == "ReceiveAsync"
            && _types.IsWebSocket(receive.TargetMethod.ContainingType)
            && receive.Arguments.Any(argument => buffers.Any(argument.Mentions)));
    }

    /// <summary>The deserializer whose result a local holds, as in <c>var message = JsonSerializer.Deserialize&lt;T&gt;(json)</c>.</summary>
    private string? DeserializerBehind(ILocalReferenceOperation reference)
    {
        var writes = LocalWrites.Find(reference, reference.Local);
        if (writes.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var write in writes)
        {
            var value = write.WithoutConversions();
            if (value is IAwaitOperation awaited)
            {
                value = awaited.Operation.WithoutConversions();
            }

            if (value is IInvocationOperation call && call.TargetMethod.Name.StartsWith("Deserialize", System.StringComparison.Ordinal) && _origins.IsSerializer(call))
            {
                return call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
            }
        }

        return null;
    }
}
