using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace WsLimits.Interop.Tests.Wire;

/// <summary>
/// A TCP relay for one connection between a client and a server on loopback. It forwards bytes unchanged
/// both ways and records the header of every frame the client writes, so a test sees the frames on the wire.
/// </summary>
internal sealed class FrameRecordingRelay : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint server;
    private readonly WebSocketFrameRecorder recorder = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task relaying;

    private FrameRecordingRelay(IPEndPoint server)
    {
        this.server = server;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        relaying = RelayOneConnectionAsync(stopping.Token);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<RecordedFrame> ClientFrames => recorder.Snapshot();

    public static FrameRecordingRelay Start(IPEndPoint server) => new(server);

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            await relaying;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            // Stopping mid-transfer cancels or resets the pumps; that is how a relay ends.
        }

        stopping.Dispose();
    }

    private async Task RelayOneConnectionAsync(CancellationToken cancellationToken)
    {
        using var client = await listener.AcceptSocketAsync(cancellationToken);
        listener.Stop();
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await upstream.ConnectAsync(server, cancellationToken);
        client.NoDelay = upstream.NoDelay = true;

        await Task.WhenAll(
            PumpAsync(client, upstream, recorder.Observe, cancellationToken),
            PumpAsync(upstream, client, _ => { }, cancellationToken));
    }

    private static async Task PumpAsync(Socket from, Socket to, Action<ReadOnlySpan<byte>> observe, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                // Pass the half-close on, so each side sees the other finish as it would without the relay.
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            observe(buffer.AsSpan(0, read));
            var sent = 0;
            while (sent < read)
            {
                sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken);
            }
        }
    }
}
