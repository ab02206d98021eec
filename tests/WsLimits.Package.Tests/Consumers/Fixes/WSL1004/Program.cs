using System.Net.WebSockets;
using System.Text;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var hello = Encoding.UTF8.GetBytes("hello");
await socket.SendAsync(hello, WebSocketMessageType.Text, 0, CancellationToken.None);
await socket.SendAsync(hello, WebSocketMessageType.Binary, WebSocketMessageFlags.DisableCompression, CancellationToken.None);
