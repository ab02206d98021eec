using System.Net.WebSockets;
using Relay.App;
using Relay.Net;

using var client = new RelayClient();
await client.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var channel = new Channel(client.Join(args[1]));
Console.WriteLine(await channel.ReadGreetingAsync(CancellationToken.None));
await Mirror.ReplayAsync(args[2], channel, CancellationToken.None);

using var raw = new ClientWebSocket();
await raw.ConnectAsync(new Uri(args[0]), CancellationToken.None);
var snapshot = new byte[128 * 1024];
await raw.SendAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Binary, true, CancellationToken.None);
