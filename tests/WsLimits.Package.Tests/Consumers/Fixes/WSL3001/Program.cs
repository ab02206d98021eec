using System.Net.WebSockets;

using var socket = new ClientWebSocket();
socket.Options.SetBuffer(1024 * 1024, 1024 * 1024);
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
