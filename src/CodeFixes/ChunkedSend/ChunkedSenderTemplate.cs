using System.Globalization;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>
/// The source of the helper the WSL1001 fix inserts once per project. It is written in C# 7.3,
/// the language version of .NET Framework and .NET Standard 2.0 projects, so it compiles everywhere.
/// </summary>
internal static class ChunkedSenderTemplate
{
    public const string TypeName = "WebSocketChunkedSender";
    public const string MethodName = "SendChunkedAsync";

    public static string Render(ChunkedSenderVariant variant, int maxFrameBytes)
    {
        var methods = variant switch
        {
            ChunkedSenderVariant.MessageFlags => MessageFlagsMethods,
            ChunkedSenderVariant.Memory => MemoryMethods,
            _ => ArraySegmentMethods,
        };

        return Header
            .Replace("$MaxFrameBytes$", maxFrameBytes.ToString(CultureInfo.InvariantCulture))
            .Replace("$Methods$", methods.TrimEnd('\n'));
    }

    private const string Header = """
        using System;
        using System.Net.WebSockets;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;

        /// <summary>
        /// Sends each WebSocket message in frames of at most <see cref="MaxFrameBytes"/> bytes,
        /// for peers that limit the size of a frame.
        /// </summary>
        internal static class WebSocketChunkedSender
        {
            /// <summary>The largest frame payload to send; keep it at or below the peer's frame limit.</summary>
            public const int MaxFrameBytes = $MaxFrameBytes$;

            // After a frame without end-of-message, .NET writes the next send on the socket as a continuation
            // frame, whoever sends it: a message must hold its socket's lock until its last frame.
            private static readonly ConditionalWeakTable<WebSocket, SemaphoreSlim> SendLocks =
                new ConditionalWeakTable<WebSocket, SemaphoreSlim>();

        $Methods$
        }

        """;

    private const string MessageFlagsMethods = """
            public static Task SendChunkedAsync(this WebSocket socket, ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                return SendChunkedAsync(socket, payload, messageType, WebSocketMessageFlags.EndOfMessage, cancellationToken);
            }

            /// <param name="flags">Must include EndOfMessage; every frame keeps the same DisableCompression choice.</param>
            public static async Task SendChunkedAsync(this WebSocket socket, ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, WebSocketMessageFlags flags, CancellationToken cancellationToken)
            {
                var sendLock = SendLocks.GetValue(socket, _ => new SemaphoreSlim(1, 1));
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var moreToCome = flags & ~WebSocketMessageFlags.EndOfMessage;
                    do
                    {
                        var frame = payload.Slice(0, Math.Min(payload.Length, MaxFrameBytes));
                        payload = payload.Slice(frame.Length);
                        await socket.SendAsync(frame, messageType, payload.IsEmpty ? flags : moreToCome, cancellationToken).ConfigureAwait(false);
                    }
                    while (!payload.IsEmpty);
                }
                finally
                {
                    sendLock.Release();
                }
            }

        """;

    private const string MemoryMethods = """
            public static async Task SendChunkedAsync(this WebSocket socket, ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                var sendLock = SendLocks.GetValue(socket, _ => new SemaphoreSlim(1, 1));
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    do
                    {
                        var frame = payload.Slice(0, Math.Min(payload.Length, MaxFrameBytes));
                        payload = payload.Slice(frame.Length);
                        await socket.SendAsync(frame, messageType, payload.IsEmpty, cancellationToken).ConfigureAwait(false);
                    }
                    while (!payload.IsEmpty);
                }
                finally
                {
                    sendLock.Release();
                }
            }

        """;

    private const string ArraySegmentMethods = """
            public static async Task SendChunkedAsync(this WebSocket socket, ArraySegment<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                var sendLock = SendLocks.GetValue(socket, _ => new SemaphoreSlim(1, 1));
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (payload.Count <= MaxFrameBytes)
                    {
                        await socket.SendAsync(payload, messageType, true, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    for (var offset = 0; offset < payload.Count; offset += MaxFrameBytes)
                    {
                        var count = Math.Min(payload.Count - offset, MaxFrameBytes);
                        var frame = new ArraySegment<byte>(payload.Array ?? new byte[0], payload.Offset + offset, count);
                        await socket.SendAsync(frame, messageType, offset + count == payload.Count, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    sendLock.Release();
                }
            }

        """;
}
