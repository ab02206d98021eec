using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatClient;

/// <summary>The socket as the rest of the client sees it: it sends in whatever frames its caller chooses.</summary>
public interface IFrameSink
{
    Task SendAsync(ArraySegment<byte> frame, WebSocketMessageType type, bool endOfMessage, CancellationToken cancellationToken);
}

/// <summary>Presence updates, sent through a sink whose implementation (SocketFrameSink.cs) forwards to the socket.</summary>
public sealed class Presence(IFrameSink sink)
{
    public Task OnlineAsync(CancellationToken cancellationToken) => SendStatusAsync("online", cancellationToken);

    public Task AwayAsync(CancellationToken cancellationToken) => SendStatusAsync("away", cancellationToken);

    // WSL1001: the profile is any caller's object, serialized into one frame through the sink.
    public Task PublishProfileAsync(object profile, CancellationToken cancellationToken) =>
        sink.SendAsync(JsonSerializer.SerializeToUtf8Bytes(profile), WebSocketMessageType.Text, true, cancellationToken);

    // Safe: every caller of this helper passes a short constant.
    private Task SendStatusAsync(string status, CancellationToken cancellationToken) =>
        sink.SendAsync(Encoding.UTF8.GetBytes($"{{\"status\":\"{status}\"}}"), WebSocketMessageType.Text, true, cancellationToken);
}
