using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// One call that writes one WebSocket frame:
/// <list type="bullet">
/// <item>one of the three <c>WebSocket.SendAsync</c> overloads, on WebSocket or any subtype: (ArraySegment, type, bool, token),
/// (ReadOnlyMemory, type, bool, token) and (ReadOnlyMemory, type, flags, token);</item>
/// <item>a write to a .NET 10 <c>WebSocketStream</c>: from <c>Create</c> each write is a whole message, from
/// <c>CreateWritableMessageStream</c> each write is one frame of a message the stream ends when disposed;</item>
/// <item>a call to a method that forwards its payload and end-of-message flag to one of these (<see cref="SendWrappers"/>).</item>
/// </list>
/// </summary>
internal sealed class WebSocketSendCall
{
    private const int PayloadOrdinal = 0;
    private const int EndOfMessageOrdinal = 2;
    private const int EndOfMessageFlag = 1;

    private WebSocketSendCall(IInvocationOperation invocation, IArgumentOperation payload, IArgumentOperation? count, IArgumentOperation? endOfMessage, bool usesFlags, bool endsMessage, bool isWrapped = false)
    {
        Invocation = invocation;
        Payload = payload;
        Count = count;
        EndOfMessage = endOfMessage;
        UsesFlags = usesFlags;
        EndsMessage = endsMessage;
        IsWrapped = isWrapped;
    }

    public IInvocationOperation Invocation { get; }

    public IArgumentOperation Payload { get; }

    /// <summary>The count of a <c>Write(buffer, offset, count)</c>, which sends only that much of the buffer.</summary>
    public IArgumentOperation? Count { get; }

    /// <summary>The <c>endOfMessage</c> or <c>messageFlags</c> argument of a SendAsync call; null for stream writes.</summary>
    public IArgumentOperation? EndOfMessage { get; }

    public bool IsSocketSend => EndOfMessage is not null;

    public bool UsesFlags { get; }

    /// <summary>True when the call is known to finish its message: a constant true, constant flags with EndOfMessage, or a message-per-write stream.</summary>
    public bool EndsMessage { get; }

    /// <summary>True when the call is known not to finish its message: a constant false, or constant flags without EndOfMessage.</summary>
    public bool IsKnownFragment => EndOfMessage?.Value.ConstantValue.HasValue == true && !EndsMessage;

    /// <summary>True for a call to a forwarding method rather than to the socket itself; code fixes rewrite only the latter.</summary>
    public bool IsWrapped { get; }

    /// <summary>
    /// True when the end-of-message flag is a parameter of the method around the call: the method passes its caller's
    /// framing through, so the framing is judged where the method is called, not here.
    /// </summary>
    public bool ForwardsCallersFraming =>
        EndOfMessage?.Value.WithoutConversions() is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } };

    /// <summary>A send on the socket or through a method that forwards to one, as the rules see it.</summary>
    public static WebSocketSendCall? TryCreate(IInvocationOperation invocation, WebSocketUse use) =>
        TryCreate(invocation, use.Types) ?? (use.Sends.ShapeOf(invocation.TargetMethod) is { } shape ? Through(invocation, shape) : null);

    /// <summary>A call to a forwarding method, with the arguments that land in the send's payload and flag.</summary>
    public static WebSocketSendCall? Through(IInvocationOperation invocation, ForwardedSend shape)
    {
        IArgumentOperation? payload = null;
        IArgumentOperation? endOfMessage = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == shape.PayloadOrdinal)
            {
                payload = argument;
            }
            else if (argument.Parameter?.Ordinal == shape.EndOfMessageOrdinal)
            {
                endOfMessage = argument;
            }
        }

        return payload is null || endOfMessage?.Parameter is null
            ? null
            : new WebSocketSendCall(invocation, payload, count: null, endOfMessage, TakesFlags(endOfMessage), IsEndOfMessage(endOfMessage), isWrapped: true);
    }

    /// <summary>A send on the socket itself: the one shape the code fixes rewrite.</summary>
    public static WebSocketSendCall? TryCreate(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || method.Parameters.Length == 0)
        {
            return null;
        }

        return method.Name switch
        {
            "SendAsync" when method.Parameters.Length == 4 && types.IsWebSocket(method.ContainingType) => SocketSend(invocation, types),
            "WriteAsync" or "Write" when types.WebSocketStream is not null => StreamWrite(invocation, types),
            _ => null,
        };
    }

    private static WebSocketSendCall? SocketSend(IInvocationOperation invocation, WellKnownTypes types)
    {
        IArgumentOperation? payload = null;
        IArgumentOperation? endOfMessage = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Ordinal)
            {
                case PayloadOrdinal:
                    payload = argument;
                    break;
                case EndOfMessageOrdinal:
                    endOfMessage = argument;
                    break;
            }
        }

        if (payload is null || endOfMessage?.Parameter is null)
        {
            return null;
        }

        var endType = endOfMessage.Parameter.Type;
        if (!endType.Is(types.WebSocketMessageFlags) && endType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        return new WebSocketSendCall(invocation, payload, count: null, endOfMessage, TakesFlags(endOfMessage), IsEndOfMessage(endOfMessage));
    }

    private static bool TakesFlags(IArgumentOperation endOfMessage) => endOfMessage.Parameter?.Type.TypeKind == TypeKind.Enum;

    private static bool IsEndOfMessage(IArgumentOperation endOfMessage) => endOfMessage.Value.ConstantValue switch
    {
        { HasValue: true, Value: bool value } => value,
        { HasValue: true, Value: int flags } => (flags & EndOfMessageFlag) != 0,
        _ => false,
    };

    private static WebSocketSendCall? StreamWrite(IInvocationOperation invocation, WellKnownTypes types)
    {
        if (WebSocketStreamKind.Of(invocation.Instance, types) is not { } messagePerWrite)
        {
            return null;
        }

        IArgumentOperation? payload = null;
        IArgumentOperation? count = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "buffer":
                    payload = argument;
                    break;
                case "count":
                    count = argument;
                    break;
            }
        }

        return payload is null ? null : new WebSocketSendCall(invocation, payload, count, endOfMessage: null, usesFlags: false, messagePerWrite);
    }
}
