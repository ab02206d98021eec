using System.Net.WebSockets;
using System.Text.Json;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var update = JsonSerializer.SerializeToUtf8Bytes(new { args, sent = DateTime.UtcNow });
await socket.SendAsync(new ArraySegment<byte>(update), WebSocketMessageType.Text, true, CancellationToken.None);
