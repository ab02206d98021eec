using System.Net.WebSockets;
using System.Text;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
await PingAsync(socket);
var hello = Encoding.UTF8.GetBytes("hello");
await socket.SendAsync(hello, WebSocketMessageType.Text, 0, CancellationToken.None);

static Task PingAsync(WebSocket socket) =>
    socket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, WebSocketMessageFlags.DisableCompression, CancellationToken.None).AsTask();
