using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Relay.Net;

/// <summary>A client connection to a relay, over a <see cref="ClientWebSocket"/>.</summary>
public sealed class RelayClient : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    public RelayClient()
    {
        _socket.Options.SetBuffer(1024 * 1024, 1024 * 1024);
    }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public WebSockets.WebSocket Join(string channel) => new(_socket, Framing.ChannelName.Normalize(channel));

    /// <summary>The next snapshot, or null when the relay closes instead.</summary>
    public async Task<byte[]?> ReceiveSnapshotAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return message.ToArray();
    }

    public async Task<string> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (text.Length > 65536)
            {
                throw new InvalidDataException("The relay sent more than 65536 characters.");
            }
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }

    public Task RejectAsync(Exception error, CancellationToken cancellationToken) =>
        _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, error.Message, cancellationToken);

#if NET8_0_OR_GREATER
    public System.Net.HttpStatusCode HandshakeStatus => _socket.HttpStatusCode;
#endif

    public void Dispose() => _socket.Dispose();
}
