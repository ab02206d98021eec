using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatClient;

public sealed class Client
{
    private const int FrameBytes = 16 * 1024;
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public Client(WebSocket socket) => _socket = socket;

    public async Task SayAsync(string user, string text, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new { user, text, sent = DateTimeOffset.UtcNow });

        // WSL1001: the text is the user's; its size has no bound.
        await _socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)), WebSocketMessageType.Text, true, cancellationToken);

        // Safe: a short acknowledgement built from bounded values.
        await _socket.SendAsync(Encoding.UTF8.GetBytes($"ack:{DateTimeOffset.UtcNow:O}").AsMemory(), WebSocketMessageType.Text, true, cancellationToken);
    }

    public async Task UploadAsync(string path, CancellationToken cancellationToken)
    {
        // WSL1001: a whole file in one frame.
        await _socket.SendAsync(File.ReadAllBytes(path).AsMemory(), WebSocketMessageType.Binary, true, cancellationToken);

        // The same file in frames bounded with Math.Min: safe in size, but WSL1003: nothing stops SayAsync from
        // sending in between, and .NET would then write its message as part of this one.
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        for (var offset = 0; offset < bytes.Length; offset += FrameBytes)
        {
            var count = Math.Min(FrameBytes, bytes.Length - offset);
            await _socket.SendAsync(new ArraySegment<byte>(bytes, offset, count), WebSocketMessageType.Binary, offset + count == bytes.Length, cancellationToken);
        }
    }

    public async Task StreamAsync(string path, CancellationToken cancellationToken)
    {
        // Safe: a loop that sends a fixed 4096-byte buffer, holding the send lock for the whole message.
        await using var file = File.OpenRead(path);
        var buffer = new byte[4096];
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await _socket.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, false, cancellationToken);
            }

            await _socket.SendAsync(ArraySegment<byte>.Empty, WebSocketMessageType.Binary, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task PrintIncomingAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (_socket.State == WebSocketState.Open)
        {
            // WSL2001: a message longer than 4096 bytes, or sent in several frames, is cut into pieces.
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    public async Task<string> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var text = new StringBuilder();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);

            // WSL2002 (no limit on the text) and WSL2003 (a character split between two reads is garbled).
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return text.ToString();
    }
}
