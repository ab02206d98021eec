using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Methods that send in disguise: a source method, or an interface or abstract method whose source implementations
/// do so, that hands its caller's payload and end-of-message flag on to a WebSocket send, directly or through
/// further such methods. A call to one is a send whose framing its caller decides.
/// </summary>
internal sealed class SendWrappers
{
    private const int MaxDepth = 3;

    private readonly WellKnownTypes _types;
    private readonly CallSites _calls;
    private readonly ConcurrentDictionary<IMethodSymbol, ForwardedSend> _shapes = new(SymbolEqualityComparer.Default);

    public SendWrappers(WellKnownTypes types, CallSites calls)
    {
        _types = types;
        _calls = calls;
    }

    /// <summary>Where a call to <paramref name="method"/> puts its payload and end-of-message flag, if it forwards them to a send.</summary>
    public ForwardedSend? ShapeOf(IMethodSymbol method) => ShapeOf(method, ImmutableHashSet<IMethodSymbol>.Empty);

    /// <summary>
    /// The parameter whose whole value a send's payload is: the parameter itself, or a view over it
    /// (<c>new ArraySegment&lt;byte&gt;(data)</c>, <c>data.AsMemory()</c>).
    /// </summary>
    public IParameterSymbol? ParameterBehind(IOperation value)
    {
        var operation = value.WithoutConversions();
        while (true)
        {
            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IObjectCreationOperation { Arguments.Length: 1 } view
                    when view.Type.Is(_types.ArraySegment) || view.Type.Is(_types.Memory) || view.Type.Is(_types.ReadOnlyMemory):
                    operation = view.Arguments[0].Value.WithoutConversions();
                    break;
                case IInvocationOperation { TargetMethod.Name: "AsMemory", Instance: null, Arguments.Length: 1 } asMemory:
                    operation = asMemory.Arguments[0].Value.WithoutConversions();
                    break;
                default:
                    return null;
            }
        }
    }

    private ForwardedSend? ShapeOf(IMethodSymbol method, ImmutableHashSet<IMethodSymbol> visiting)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind != MethodKind.Ordinary || _types.IsWebSocket(method.ContainingType) || !TakesEndOfMessage(method)
            || visiting.Count >= MaxDepth || visiting.Contains(method))
        {
            return null;
        }

        if (_shapes.TryGetValue(method, out var known))
        {
            return known.IsForwarding ? known : null;
        }

        var inner = visiting.Add(method);
        ForwardedSend? agreed = null;
        foreach (var implementation in _calls.ImplementationsOf(method))
        {
            if (Forwards(implementation, inner) is not { } shape)
            {
                continue;
            }

            if (agreed is not null && !agreed.SameOrdinals(shape))
            {
                agreed = ForwardedSend.None;
                break;
            }

            agreed = shape;
        }

        var result = agreed ?? ForwardedSend.None;
        if (visiting.IsEmpty)
        {
            _shapes.TryAdd(method, result);
        }

        return result.IsForwarding ? result : null;
    }

    /// <summary>
    /// A forwarding method takes the end-of-message flag as a parameter of its own, a bool or the flags; checking that
    /// first spares looking for the implementations and bodies of every other method with a send's name.
    /// </summary>
    private bool TakesEndOfMessage(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Boolean || parameter.Type.Is(_types.WebSocketMessageFlags))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first send in the method's body that takes its payload and end-of-message flag from the method's parameters.</summary>
    private ForwardedSend? Forwards(IMethodSymbol implementation, ImmutableHashSet<IMethodSymbol> visiting)
    {
        if (_calls.BodyOf(implementation) is not { } body)
        {
            return null;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            var send = WebSocketSendCall.TryCreate(invocation, _types)
                ?? (ShapeOf(invocation.TargetMethod, visiting) is { } shape ? WebSocketSendCall.Through(invocation, shape) : null);
            if (send?.EndOfMessage is { } endOfMessage
                && ParameterBehind(send.Payload.Value) is { } payload
                && endOfMessage.Value.WithoutConversions() is IParameterReferenceOperation flag
                && IsParameterOf(payload, implementation)
                && IsParameterOf(flag.Parameter, implementation))
            {
                return new ForwardedSend(payload.Ordinal, flag.Parameter.Ordinal);
            }
        }

        return null;
    }

    private static bool IsParameterOf(IParameterSymbol parameter, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method.OriginalDefinition);
}

/// <summary>The parameters of a forwarding method that become a send's payload and end-of-message flag.</summary>
internal sealed class ForwardedSend
{
    public static readonly ForwardedSend None = new(-1, -1);

    public ForwardedSend(int payloadOrdinal, int endOfMessageOrdinal)
    {
        PayloadOrdinal = payloadOrdinal;
        EndOfMessageOrdinal = endOfMessageOrdinal;
    }

    public int PayloadOrdinal { get; }

    public int EndOfMessageOrdinal { get; }

    public bool IsForwarding => PayloadOrdinal >= 0;

    public bool SameOrdinals(ForwardedSend other) => PayloadOrdinal == other.PayloadOrdinal && EndOfMessageOrdinal == other.EndOfMessageOrdinal;
}
