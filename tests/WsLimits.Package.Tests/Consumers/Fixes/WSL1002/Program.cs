using System.Net.WebSockets;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var snapshot = new byte[128 * 1024];
await socket.SendAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Binary, true, CancellationToken.None);
