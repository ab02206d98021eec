using System;
using System.Linq;
using System.Net.WebSockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.PeerLab.Tests.Fixes;

/// <summary>
/// A receive loop as users write it: fragments appended to a StringBuilder until EndOfMessage with no limit
/// (WSL2002), each decoded on its own (WSL2003). The tests run it as written, and after the fixes.
/// </summary>
internal static class FixedReceiver
{
    public const string UserCode = """
        using System;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        public static class ChatEndpoint
        {
            public static async Task RunAsync(WebSocket socket, Action<string> onMessage, Action<int> onBuffered, CancellationToken cancellationToken)
            {
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var text = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                            return;
                        }

                        text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                        onBuffered(text.Length);
                    }
                    while (!result.EndOfMessage);

                    onMessage(text.ToString());
                }
            }
        }
        """;

    public delegate Task Endpoint(WebSocket socket, Action<string> onMessage, Action<int> onBuffered, CancellationToken cancellationToken);

    private static readonly Lazy<Endpoint> Original = new(() => Bind(FixedCode.Compile(new[] { UserCode })));
    private static readonly Lazy<Task<Endpoint>> Fixed = new(async () => Bind(FixedCode.Compile(await SourcesAsync())));

    public static Endpoint AsWritten => Original.Value;

    public static Task<Endpoint> AfterFixesAsync() => Fixed.Value;

    public static async Task<string[]> SourcesAsync() => (await FixedCode.ApplyAsync(
        UserCode,
        new DiagnosticAnalyzer[] { new UnboundedReassemblyAnalyzer(), new TextDecodedPerFragmentAnalyzer() },
        new CodeFixProvider[] { new UnboundedReassemblyCodeFixProvider(), new TextDecodedPerFragmentCodeFixProvider() })).ToArray();

    private static Endpoint Bind(Assembly assembly) =>
        assembly.GetType("ChatEndpoint")!.GetMethod("RunAsync")!.CreateDelegate<Endpoint>();
}
