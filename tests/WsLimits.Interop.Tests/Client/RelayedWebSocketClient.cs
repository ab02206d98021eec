using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Interop.Tests.Server;
using WsLimits.Interop.Tests.Wire;

namespace WsLimits.Interop.Tests.Client;

/// <summary>A <see cref="ClientWebSocket"/> talking to the digesting server through its own frame-recording relay.</summary>
internal sealed class RelayedWebSocketClient : IAsyncDisposable
{
    private readonly FrameRecordingRelay relay;

    private RelayedWebSocketClient(ClientWebSocket socket, FrameRecordingRelay relay)
    {
        Socket = socket;
        this.relay = relay;
    }

    public ClientWebSocket Socket { get; }

    /// <summary>The data frames the client has written so far, in wire order.</summary>
    public IReadOnlyList<RecordedFrame> DataFrames => relay.ClientFrames.Where(frame => !frame.IsControl).ToArray();

    public static async Task<RelayedWebSocketClient> ConnectAsync(DigestingWebSocketServer server, CancellationToken cancellationToken)
    {
        var relay = FrameRecordingRelay.Start(server.EndPoint);
        var socket = new ClientWebSocket();

        // Keep-alive pings would be frames the test did not send.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{relay.Port}{DigestingWebSocketServer.Path}"), cancellationToken);
            return new RelayedWebSocketClient(socket, relay);
        }
        catch
        {
            socket.Dispose();
            await relay.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the server's digest of each of the next <paramref name="count"/> messages it received.</summary>
    public async Task<IReadOnlyList<MessageDigest>> ReceiveDigestsAsync(int count, CancellationToken cancellationToken)
    {
        var digests = new List<MessageDigest>(count);
        var buffer = new byte[256];
        while (digests.Count < count)
        {
            var reply = new StringBuilder();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await Socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The server closed the connection ({Socket.CloseStatus}) after {digests.Count} of {count} digests.");
                }

                reply.Append(Encoding.ASCII.GetString(buffer, 0, received.Count));
            }
            while (!received.EndOfMessage);

            digests.Add(MessageDigest.Parse(reply.ToString()));
        }

        return digests;
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // A test that already failed may leave the socket unable to close; its own failure is the one to report.
            }
        }

        Socket.Dispose();
        await relay.DisposeAsync();
    }
}
