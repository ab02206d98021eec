using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WsLimits.PeerLab.Tests.Peers;

/// <summary>What a peer said about one message it received whole.</summary>
internal sealed record MessageReport(long Bytes, string Sha256, int? Frames, int? LargestFrame);

/// <summary>The next thing a peer did: report a message, close the connection, or drop it.</summary>
internal sealed record PeerReply(MessageReport? Report, WebSocketCloseStatus? CloseStatus, string? CloseDescription, string? Failure)
{
    public override string ToString() => Report is not null
        ? $"report {Report}"
        : CloseStatus is not null ? $"close {(int)CloseStatus} '{CloseDescription}'" : $"dropped: {Failure}";
}

/// <summary>A .NET ClientWebSocket connected to a peer, reading the peer's reports.</summary>
internal sealed class PeerConnection : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PeerConnection(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>The extensions the peer accepted in its handshake, when the connection collected them.</summary>
    public string NegotiatedExtensions => Socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Sec-WebSocket-Extensions", out var values)
        ? string.Join(", ", values)
        : string.Empty;

    public static async Task<PeerConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken, bool deflate = false)
    {
        var socket = new ClientWebSocket();
        if (deflate)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            socket.Options.CollectHttpResponseDetails = true;
        }

        await socket.ConnectAsync(uri, cancellationToken);
        return new PeerConnection(socket);
    }

    public async Task<PeerReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await Socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage && length < buffer.Length);

            return result.MessageType == WebSocketMessageType.Close
                ? new PeerReply(null, result.CloseStatus, result.CloseStatusDescription, null)
                : new PeerReply(JsonSerializer.Deserialize<MessageReport>(Encoding.UTF8.GetString(buffer, 0, length), Json), null, null, null);
        }
        catch (WebSocketException exception)
        {
            return new PeerReply(null, null, null, exception.Message);
        }
    }

    public void Dispose() => Socket.Dispose();
}
