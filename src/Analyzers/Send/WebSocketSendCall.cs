using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// A call to one of the three <c>WebSocket.SendAsync</c> overloads, on WebSocket or any subtype:
/// (ArraySegment, type, bool, token), (ReadOnlyMemory, type, bool, token) and (ReadOnlyMemory, type, flags, token).
/// </summary>
internal sealed class WebSocketSendCall
{
    private const int PayloadOrdinal = 0;
    private const int EndOfMessageOrdinal = 2;
    private const int EndOfMessageFlag = 1;

    private WebSocketSendCall(IInvocationOperation invocation, IArgumentOperation payload, IArgumentOperation endOfMessage, bool usesFlags)
    {
        Invocation = invocation;
        Payload = payload;
        EndOfMessage = endOfMessage;
        UsesFlags = usesFlags;
    }

    public IInvocationOperation Invocation { get; }

    public IArgumentOperation Payload { get; }

    /// <summary>The <c>endOfMessage</c> or <c>messageFlags</c> argument.</summary>
    public IArgumentOperation EndOfMessage { get; }

    public bool UsesFlags { get; }

    /// <summary>True when the call is known to finish its message: a constant true, or constant flags with EndOfMessage.</summary>
    public bool EndsMessage => EndOfMessage.Value.ConstantValue switch
    {
        { HasValue: true, Value: bool value } => value,
        { HasValue: true, Value: int flags } => (flags & EndOfMessageFlag) != 0,
        _ => false,
    };

    public static WebSocketSendCall? TryCreate(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "SendAsync" || method.IsStatic || method.Parameters.Length != 4 || !types.IsWebSocket(method.ContainingType))
        {
            return null;
        }

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
        var usesFlags = endType.Is(types.WebSocketMessageFlags);
        return usesFlags || endType.SpecialType == SpecialType.System_Boolean
            ? new WebSocketSendCall(invocation, payload, endOfMessage, usesFlags)
            : null;
    }
}
