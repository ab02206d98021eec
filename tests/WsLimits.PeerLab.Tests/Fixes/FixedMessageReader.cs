using System;
using System.Linq;
using System.Net.WebSockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.PeerLab.Tests.Fixes;

/// <summary>
/// The documentation-sample loop that decodes each ReceiveAsync as a whole message (WSL2001), after the WSL2001 fix:
/// it receives through the inserted ReceiveMessageAsync helper.
/// </summary>
internal static class FixedMessageReader
{
    public const int BufferBytes = 4096;

    private const string UserCode = """
        using System;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        public static class EchoEndpoint
        {
            public static async Task RunAsync(WebSocket socket, Action<string> onMessage, Action<int> onBuffered, CancellationToken cancellationToken)
            {
                var buffer = new byte[4096];
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                while (result.MessageType != WebSocketMessageType.Close)
                {
                    onMessage(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                }

                await socket.CloseAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, result.CloseStatusDescription, cancellationToken);
            }
        }
        """;

    private static readonly Lazy<Task<FixedReceiver.Endpoint>> Fixed = new(CompileAsync);

    public static Task<FixedReceiver.Endpoint> AfterFixAsync() => Fixed.Value;

    private static async Task<FixedReceiver.Endpoint> CompileAsync()
    {
        var sources = (await FixedCode.ApplyAsync(UserCode, new[] { new EndOfMessageIgnoredAnalyzer() }, new[] { new EndOfMessageIgnoredCodeFixProvider() })).ToArray();
        if (!sources[0].Contains("await socket.ReceiveMessageAsync(", StringComparison.Ordinal) || !sources[0].Contains("class WebSocketMessageReceiver", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the WSL2001 fix did not rewrite the loop:\n" + string.Join("\n----\n", sources));
        }

        return FixedCode.Compile(sources).GetType("EchoEndpoint")!.GetMethod("RunAsync")!.CreateDelegate<FixedReceiver.Endpoint>();
    }
}
