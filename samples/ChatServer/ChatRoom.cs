using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatServer;

/// <summary>Everyone connected to /chat: each message one member sends is broadcast to all.</summary>
public sealed class ChatRoom
{
    private const int MaxCommandBytes = 1024;
    private readonly ConcurrentDictionary<WebSocket, byte> _members = new();

    public async Task JoinAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        _members.TryAdd(socket, 0);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                        return;
                    }

                    // WSL2002: any member can send a message of any size; the server keeps all of it.
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (JsonSerializer.Deserialize<ChatMessage>(message.ToArray()) is { } chat)
                {
                    await BroadcastAsync(chat, cancellationToken);
                }
            }
        }
        finally
        {
            _members.TryRemove(socket, out _);
        }
    }

    private async Task BroadcastAsync(ChatMessage chat, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(chat);
        foreach (var member in _members.Keys)
        {
            // WSL1001: a long message becomes one frame as long as itself.
            await member.SendAsync(payload.AsMemory(), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    /// <summary>Safe forms: a constant, and a reassembly loop with a cap that closes with 1009.</summary>
    public async Task<string?> ReceiveCommandAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        await socket.SendAsync("ready"u8.ToArray(), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, cancellationToken);

        var buffer = new byte[256];
        using var command = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            command.Write(buffer, 0, result.Count);
            if (command.Length > MaxCommandBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Command too big", cancellationToken);
                return null;
            }
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(command.GetBuffer(), 0, (int)command.Length);
    }
}
