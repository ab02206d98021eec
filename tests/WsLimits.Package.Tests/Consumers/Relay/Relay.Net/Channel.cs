using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebSocket = Relay.Net.WebSockets.WebSocket;
using static System.Net.WebSockets.WebSocketMessageType;

namespace Relay.Net;

/// <summary>Publishes to and reads from one relay channel.</summary>
public sealed class Channel
{
    private readonly WebSocket _socket;

    public Channel(WebSocket socket) => _socket = socket;

    public string Name => _socket.Channel;

    public Task PublishAsync(string json, CancellationToken cancellationToken)
    {
        System.Net.WebSockets.WebSocket inner = _socket.Inner;
        var payload = Encoding.UTF8.GetBytes(json);
        return inner.SendAsync(new ArraySegment<byte>(payload), Text, true, cancellationToken);
    }

    public async Task<string> ReadGreetingAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var result = await _socket.Inner.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

#if NET8_0_OR_GREATER
    public ValueTask PingAsync(CancellationToken cancellationToken) =>
        _socket.Inner.SendAsync(new byte[] { 1 }, Binary, 0, cancellationToken);
#endif
}
