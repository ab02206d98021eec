using System.Net.WebSockets;
using Relay.Net;

namespace Relay.App;

/// <summary>Replays a recorded file to the relay, on a socket of its own.</summary>
internal static class Mirror
{
    public static async Task ReplayAsync(string recording, Channel channel, CancellationToken cancellationToken)
    {
        var snapshot = await File.ReadAllBytesAsync(recording, cancellationToken);
        using var echo = new ClientWebSocket();
        await echo.ConnectAsync(new Uri("ws://localhost/" + channel.Name), cancellationToken);
        await echo.SendAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Binary, true, cancellationToken);
    }
}
