using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Methods that receive in disguise: a source method, or an interface or abstract method whose source implementations
/// do so, that reads into its caller's buffer with <c>WebSocket.ReceiveAsync</c> and returns that call's result.
/// A call to one is a receive, with the caller's buffer and the socket's result.
/// </summary>
internal sealed class ReceiveWrappers
{
    private readonly WellKnownTypes _types;
    private readonly CallSites _calls;
    private readonly SendWrappers _sends;
    private readonly ConcurrentDictionary<IMethodSymbol, int> _bufferOrdinals = new(SymbolEqualityComparer.Default);

    public ReceiveWrappers(WellKnownTypes types, CallSites calls, SendWrappers sends)
    {
        _types = types;
        _calls = calls;
        _sends = sends;
    }

    /// <summary>The ordinal of the parameter a call to <paramref name="method"/> receives into, or -1 where it is no receive.</summary>
    public int BufferOrdinalOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (method.MethodKind != MethodKind.Ordinary || !ReturnsAReceiveResult(method) || _types.IsWebSocket(method.ContainingType))
        {
            return -1;
        }

        return _bufferOrdinals.GetOrAdd(method, Find);
    }

    /// <summary>
    /// A forwarding method hands back the socket's result, itself or in a task; checking that first spares looking for
    /// the implementations and bodies of every other method a receive loop calls.
    /// </summary>
    private bool ReturnsAReceiveResult(IMethodSymbol method)
    {
        var returned = method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } task ? task.TypeArguments[0] : method.ReturnType;
        return returned.Is(_types.WebSocketReceiveResult) || returned.Is(_types.ValueWebSocketReceiveResult);
    }

    private int Find(IMethodSymbol method)
    {
        var agreed = -1;
        foreach (var implementation in _calls.ImplementationsOf(method))
        {
            var ordinal = Forwards(implementation);
            if (ordinal < 0)
            {
                continue;
            }

            if (agreed >= 0 && agreed != ordinal)
            {
                return -1;
            }

            agreed = ordinal;
        }

        return agreed;
    }

    /// <summary>The parameter the body's returned ReceiveAsync reads into, when the method hands that call's result back.</summary>
    private int Forwards(IMethodSymbol implementation)
    {
        if (_calls.BodyOf(implementation) is not { } body)
        {
            return -1;
        }

        var returned = body is IBlockOperation ? ImmutableArray<IOperation>.Empty : ImmutableArray.Create(body);
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                returned = returned.Add(value);
            }
        }

        foreach (var value in returned)
        {
            if (Unwrapped(value) is IInvocationOperation { TargetMethod.Name: "ReceiveAsync", Arguments.Length: 2 } receive
                && _types.IsWebSocket(receive.TargetMethod.ContainingType)
                && _sends.ParameterBehind(receive.Arguments[0].Value) is { } buffer
                && SymbolEqualityComparer.Default.Equals(buffer.ContainingSymbol?.OriginalDefinition, implementation.OriginalDefinition))
            {
                return buffer.Ordinal;
            }
        }

        return -1;
    }

    /// <summary>The call behind <c>await</c>, <c>ConfigureAwait</c> and conversions.</summary>
    private static IOperation? Unwrapped(IOperation value)
    {
        var current = value.WithoutConversions();
        while (true)
        {
            switch (current)
            {
                case IAwaitOperation awaited:
                    current = awaited.Operation.WithoutConversions();
                    break;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                    current = task.WithoutConversions();
                    break;
                default:
                    return current;
            }
        }
    }
}
