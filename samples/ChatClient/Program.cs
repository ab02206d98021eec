using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

// Usage: ChatClient ws://localhost:5000/chat <user> [file-to-upload]
using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var client = new ChatClient.Client(socket);

await client.SayAsync(args[1], "hello", CancellationToken.None);
if (args.Length > 2)
{
    await client.UploadAsync(args[2], CancellationToken.None);
    await client.StreamAsync(args[2], CancellationToken.None);
}

await client.PrintIncomingAsync(CancellationToken.None);
