using System.Net.WebSockets;

namespace ChatClient;

/// <summary>Safe: a pass-through. Its callers decide every frame, so the analyzers judge their calls instead.</summary>
public sealed class SocketFrameSink(WebSocket socket) : IFrameSink
{
    public Task SendAsync(ArraySegment<byte> frame, WebSocketMessageType type, bool endOfMessage, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, type, endOfMessage, cancellationToken);
}
