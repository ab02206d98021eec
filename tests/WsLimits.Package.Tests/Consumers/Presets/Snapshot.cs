using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace Consumer
{
    // Beside Chat.cs in the preset tests: with the peer netty of .globalconfig, a payload provably over its 64 KiB frame
    // limit: WSL1002, an error by default.
    public static class SnapshotSender
    {
        public static async Task SendSnapshotAsync(WebSocket socket, CancellationToken ct)
        {
            var snapshot = new byte[128 * 1024];
            await socket.SendAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Binary, true, ct);
        }
    }
}
