using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// A call to <c>WebSocket.ReceiveAsync</c> on WebSocket or a subtype, in either overload:
/// (ArraySegment, token) → WebSocketReceiveResult, or (Memory, token) → ValueWebSocketReceiveResult; or, where the
/// caller asks, a call to a method of the project that receives into its caller's buffer and returns that result
/// (<see cref="ReceiveWrappers"/>).
/// </summary>
internal sealed class WebSocketReceiveCall
{
    private WebSocketReceiveCall(IInvocationOperation invocation, IArgumentOperation buffer, IArgumentOperation cancellationToken)
    {
        Invocation = invocation;
        Buffer = buffer;
        CancellationToken = cancellationToken;
        BufferSymbol = ArrayBehind(buffer.Value);
        ResultSymbol = ResultStoredIn(invocation);
    }

    public IInvocationOperation Invocation { get; }

    public IArgumentOperation Buffer { get; }

    public IArgumentOperation CancellationToken { get; }

    /// <summary>The array or memory variable the received bytes land in, when the analysis can name it.</summary>
    public ISymbol? BufferSymbol { get; }

    /// <summary>The local or field the awaited result is stored in, when there is one.</summary>
    public ISymbol? ResultSymbol { get; }

    /// <summary>A receive on the socket, or through a wrapper when <paramref name="wrappers"/> is given.</summary>
    public static WebSocketReceiveCall? TryCreate(IInvocationOperation invocation, WellKnownTypes types, ReceiveWrappers? wrappers) =>
        TryCreate(invocation, types) ?? (wrappers is null ? null : Through(invocation, wrappers.BufferOrdinalOf(invocation.TargetMethod)));

    private static WebSocketReceiveCall? Through(IInvocationOperation invocation, int bufferOrdinal)
    {
        if (bufferOrdinal < 0)
        {
            return null;
        }

        IArgumentOperation? buffer = null;
        IArgumentOperation? token = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == bufferOrdinal)
            {
                buffer = argument;
            }
            else if (argument.Parameter?.Type.Name == nameof(System.Threading.CancellationToken))
            {
                token = argument;
            }
        }

        return buffer is null || token is null ? null : new WebSocketReceiveCall(invocation, buffer, token);
    }

    /// <summary>A receive on the socket itself.</summary>
    public static WebSocketReceiveCall? TryCreate(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "ReceiveAsync" || method.IsStatic || method.Parameters.Length != 2 || !types.IsWebSocket(method.ContainingType))
        {
            return null;
        }

        IArgumentOperation? buffer = null;
        IArgumentOperation? token = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                buffer = argument;
            }
            else
            {
                token = argument;
            }
        }

        return buffer is null || token is null ? null : new WebSocketReceiveCall(invocation, buffer, token);
    }

    /// <summary>The buffer and result symbols, those the analysis can name.</summary>
    public IEnumerable<ISymbol> DataSymbols
    {
        get
        {
            if (BufferSymbol is not null)
            {
                yield return BufferSymbol;
            }

            if (ResultSymbol is not null)
            {
                yield return ResultSymbol;
            }
        }
    }

    /// <summary>True when <paramref name="scope"/> touches the received bytes or the receive result.</summary>
    public bool DataFlowsInto(IOperation scope) =>
        (BufferSymbol is not null && scope.Mentions(BufferSymbol)) || (ResultSymbol is not null && scope.Mentions(ResultSymbol));

    private static ISymbol? ArrayBehind(IOperation value)
    {
        var operation = value.WithoutConversions();
        while (true)
        {
            switch (operation)
            {
                case IObjectCreationOperation { Arguments.Length: > 0 } creation:
                    operation = creation.Arguments[0].Value.WithoutConversions();
                    break;
                case IInvocationOperation { TargetMethod.Name: "AsMemory" or "AsSpan", Arguments.Length: > 0 } view when view.Instance is null:
                    operation = view.Arguments[0].Value.WithoutConversions();
                    break;
                case IInvocationOperation { TargetMethod.Name: "Slice" } slice when slice.Instance is not null:
                    operation = slice.Instance.WithoutConversions();
                    break;
                default:
                    return operation.StorageSymbol();
            }
        }
    }

    private static ISymbol? ResultStoredIn(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        if (current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured)
        {
            current = configured;
        }

        if (current.Parent is not IAwaitOperation awaited)
        {
            return null;
        }

        return awaited.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => assignment.Target.StorageSymbol(),
            _ => null,
        };
    }
}
