#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Relay.Net.Archive;

/// <summary>Uploads recorded sessions to the relay's archive; .NET 8 only, for File.ReadAllBytesAsync.</summary>
public static class Uploader
{
    public static async Task UploadAsync(System.Net.WebSockets.WebSocket socket, string recording, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(recording, cancellationToken);
        await socket.SendAsync(new ArraySegment<byte>(bytes), System.Net.WebSockets.WebSocketMessageType.Binary, true, cancellationToken);
    }
}
#endif
