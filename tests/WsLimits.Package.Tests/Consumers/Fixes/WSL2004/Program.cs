using System.Net.WebSockets;
using System.Text.Json;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var buffer = new byte[4096];
var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
try
{
    using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
    Console.WriteLine(document.RootElement);
}
catch (JsonException error)
{
    await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, error.Message, CancellationToken.None);
}
