using System.Net.WebSockets;
using System.Text;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var buffer = new byte[4096];
var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
