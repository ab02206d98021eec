using System.Net.WebSockets;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var buffer = new byte[4096];
using var message = new MemoryStream();
WebSocketReceiveResult result;
do
{
    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
    message.Write(buffer, 0, result.Count);
}
while (!result.EndOfMessage);
Console.WriteLine(message.Length);
