using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.CodeFixes.MessageReceive;

/// <summary>
/// The source of the helper the WSL2001 fix inserts once per project: ReceiveMessageAsync reads a whole message
/// into the caller's buffer, whose size becomes the largest message accepted. Written in C# 7.3 so it compiles
/// in .NET Framework and .NET Standard 2.0 projects too.
/// </summary>
internal static class MessageReceiverTemplate
{
    public const string TypeName = "WebSocketMessageReceiver";
    public const string MethodName = "ReceiveMessageAsync";

    public static string Render(Compilation compilation, INamedTypeSymbol webSocket) =>
        Template.Replace("$Methods$", HasMemoryOverload(webSocket) ? MemoryMethods : ArraySegmentMethod);

    /// <summary>.NET Core 2.1+ and .NET Standard 2.1 receive into Memory and can slice an ArraySegment.</summary>
    private static bool HasMemoryOverload(INamedTypeSymbol webSocket) =>
        webSocket.GetMembers("ReceiveAsync").OfType<IMethodSymbol>().Any(receive => receive.Parameters.Length == 2 && receive.Parameters[0].Type.Name == "Memory");

    private const string Template = """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        /// <summary>
        /// Receives whole WebSocket messages into the caller's buffer. A message that does not fit is refused:
        /// the socket is closed with 1009 (message too big) and a Close result is returned.
        /// </summary>
        internal static class WebSocketMessageReceiver
        {
            private const string TooBigReason = "Message too big";
        $Methods$
        }

        """;

    private const string MemoryMethods = """

            public static async Task<WebSocketReceiveResult> ReceiveMessageAsync(this WebSocket socket, ArraySegment<byte> buffer, CancellationToken cancellationToken)
            {
                var received = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.Slice(received), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return result;
                    }

                    received += result.Count;
                    if (result.EndOfMessage)
                    {
                        return new WebSocketReceiveResult(received, result.MessageType, true);
                    }

                    if (received == buffer.Count)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, TooBigReason, cancellationToken).ConfigureAwait(false);
                        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.MessageTooBig, TooBigReason);
                    }
                }
            }

            public static async ValueTask<ValueWebSocketReceiveResult> ReceiveMessageAsync(this WebSocket socket, Memory<byte> buffer, CancellationToken cancellationToken)
            {
                var received = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.Slice(received), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return result;
                    }

                    received += result.Count;
                    if (result.EndOfMessage)
                    {
                        return new ValueWebSocketReceiveResult(received, result.MessageType, true);
                    }

                    if (received == buffer.Length)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, TooBigReason, cancellationToken).ConfigureAwait(false);
                        return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, true);
                    }
                }
            }
        """;

    private const string ArraySegmentMethod = """

            public static async Task<WebSocketReceiveResult> ReceiveMessageAsync(this WebSocket socket, ArraySegment<byte> buffer, CancellationToken cancellationToken)
            {
                var received = 0;
                while (true)
                {
                    var rest = new ArraySegment<byte>(buffer.Array ?? new byte[0], buffer.Offset + received, buffer.Count - received);
                    var result = await socket.ReceiveAsync(rest, cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return result;
                    }

                    received += result.Count;
                    if (result.EndOfMessage)
                    {
                        return new WebSocketReceiveResult(received, result.MessageType, true);
                    }

                    if (received == buffer.Count)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, TooBigReason, cancellationToken).ConfigureAwait(false);
                        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.MessageTooBig, TooBigReason);
                    }
                }
            }
        """;
}
