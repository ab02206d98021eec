using System.Collections.Generic;
using System.Globalization;

namespace WsLimits.Bench;

/// <summary>
/// Generated C#: ordinary service code, with one file in fifty holding WebSocket code, each rule's trigger beside its
/// safe forms.
/// </summary>
internal static class Corpus
{
    public const int WebSocketShare = 50;

    public static IEnumerable<(string Path, string Text)> Files(int count, bool withWebSockets)
    {
        for (var i = 0; i < count; i++)
        {
            var text = withWebSockets && i % WebSocketShare == 0 ? WebSocketFile(i) : OrdinaryFile(i);
            yield return ($"File{i.ToString(CultureInfo.InvariantCulture)}.cs", text);
        }
    }

    private static string OrdinaryFile(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;

        namespace Corpus.Services;

        public sealed class Service{{i}}
        {
            private readonly Dictionary<string, int> _counts = new();

            public string Describe(IEnumerable<string> names)
            {
                var builder = new StringBuilder();
                foreach (var name in names.Where(n => n.Length > 2).OrderBy(n => n))
                {
                    _counts[name] = _counts.TryGetValue(name, out var count) ? count + 1 : 1;
                    builder.Append(name).Append('=').Append(_counts[name]).AppendLine();
                }

                return builder.ToString();
            }

            public async Task<int> SumAsync(int[] values)
            {
                var total = 0;
                for (var index = 0; index < values.Length; index++)
                {
                    total += values[index] % 7 == 0 ? values[index] * 2 : values[index];
                    if (index % 100 == 0)
                    {
                        await Task.Yield();
                    }
                }

                return total;
            }

            public int Parse(string text) => int.TryParse(text, out var value) ? Math.Max(0, value) : -1;
        }
        """;

    private static string WebSocketFile(int i) => $$"""
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Corpus.Sockets;

        public sealed class Socket{{i}}
        {
            public async Task SendAsync(WebSocket socket, object message, string path, CancellationToken ct)
            {
                await socket.SendAsync(new ArraySegment<byte>(JsonSerializer.SerializeToUtf8Bytes(message)), WebSocketMessageType.Text, true, ct);
                await socket.SendAsync(File.ReadAllBytes(path).AsMemory(), WebSocketMessageType.Binary, true, ct);
                await socket.SendAsync(Encoding.UTF8.GetBytes("ping").AsMemory(), WebSocketMessageType.Text, true, ct);
                var buffer = new byte[4096];
                await using var file = File.OpenRead(path);
                int read;
                while ((read = await file.ReadAsync(buffer, ct)) > 0)
                {
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, false, ct);
                }
            }

            public async Task<string> ReceiveAsync(WebSocket socket, CancellationToken ct)
            {
                var buffer = new byte[4096];
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                var single = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                return text + Encoding.UTF8.GetString(buffer, 0, single.Count);
            }

            public void Configure(ClientWebSocket socket) => socket.Options.SetBuffer(65536, 65536);
        }
        """;
}
