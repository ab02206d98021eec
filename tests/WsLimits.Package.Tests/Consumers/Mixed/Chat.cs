using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Consumer
{
    // A chat client written the way the rules warn about; C# 7.3, so that it builds as it is on netstandard2.0 too.
    public static class ChatClient
    {
        public static ClientWebSocket Create()
        {
            var socket = new ClientWebSocket();
            socket.Options.SetBuffer(1024 * 1024, 1024 * 1024);
            return socket;
        }

        public static async Task SendUpdateAsync(WebSocket socket, object update, CancellationToken ct)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(update);
            await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, ct);
        }

        public static async Task<string> ReceiveGreetingAsync(WebSocket socket, CancellationToken ct)
        {
            var buffer = new byte[4096];
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            return Encoding.UTF8.GetString(buffer, 0, result.Count);
        }

        public static async Task<byte[]> ReceiveSnapshotAsync(WebSocket socket, CancellationToken ct)
        {
            var buffer = new byte[4096];
            using (var message = new MemoryStream())
            {
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                return message.ToArray();
            }
        }

        public static async Task<string> ReceiveTextAsync(WebSocket socket, int maxChars, CancellationToken ct)
        {
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (text.Length > maxChars)
                {
                    throw new InvalidDataException("Message too big");
                }
            }
            while (!result.EndOfMessage);
            return text.ToString();
        }

        public static async Task UploadAsync(WebSocket socket, Stream source, CancellationToken ct)
        {
            var buffer = new byte[4096];
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, ct)) > 0)
            {
                await socket.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, false, ct);
            }
        }

        public static Task RefuseAsync(WebSocket socket, Exception error, CancellationToken ct)
        {
            return socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, error.Message, ct);
        }
    }
}
