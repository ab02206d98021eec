using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.PeerLab.Tests.Fixes;

/// <summary>
/// A client library's listen loop (WSL2002): it reassembles into a stream it owns, leaves by <c>break</c> when the
/// peer closes, and after the loop disposes the stream and raises its disconnection. After the fix, a refused
/// message leaves the same way. Its events are reported through <c>onMessage</c>.
/// </summary>
internal static class FixedListener
{
    public const string StreamDisposed = "stream disposed";
    public const string Disconnected = "disconnected";

    private const string UserCode = """
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        public static class ListenerEndpoint
        {
            public static async Task RunAsync(WebSocket socket, Action<string> onMessage, Action<int> onBuffered, CancellationToken cancellationToken)
            {
                var buffer = new byte[4096];
                using (var message = new ReportingStream(() => onMessage("stream disposed")))
                {
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                            break;
                        }

                        message.Write(buffer, 0, result.Count);
                        onBuffered((int)message.Length);
                        if (result.EndOfMessage)
                        {
                            onMessage(Encoding.UTF8.GetString(message.ToArray()));
                            message.SetLength(0);
                        }
                    }
                }

                onMessage("disconnected");
            }
        }

        sealed class ReportingStream : MemoryStream
        {
            private readonly Action _disposed;

            public ReportingStream(Action disposed) => _disposed = disposed;

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _disposed();
                }

                base.Dispose(disposing);
            }
        }
        """;

    private static readonly Lazy<Task<FixedReceiver.Endpoint>> Fixed = new(CompileAsync);

    public static Task<FixedReceiver.Endpoint> AfterFixAsync() => Fixed.Value;

    private static async Task<FixedReceiver.Endpoint> CompileAsync()
    {
        var sources = await FixedCode.ApplyAsync(UserCode, new DiagnosticAnalyzer[] { new UnboundedReassemblyAnalyzer() }, new CodeFixProvider[] { new UnboundedReassemblyCodeFixProvider() });
        var listener = string.Join("\n", sources);
        if (!listener.Contains("if (message.Length > MaxMessageBytes)", StringComparison.Ordinal) || listener.Contains("return;", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the WSL2002 fix did not break out of the loop:\n" + listener);
        }

        return FixedCode.Compile(sources).GetType("ListenerEndpoint")!.GetMethod("RunAsync")!.CreateDelegate<FixedReceiver.Endpoint>();
    }
}
