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
/// A publisher as users write it, one SendAsync of a whole MemoryStream (WSL1001), after the WSL1001 fix with a peer
/// that limits messages to 64 KiB: the send goes through the inserted splitter, and the inserted reassembler comes with
/// it. Both are compiled and called through typed delegates.
/// </summary>
internal static class SplitMessaging
{
    public const int MaxPartBytes = 65536;

    private const string UserCode = """
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Publisher
        {
            public static async Task PublishAsync(WebSocket socket, byte[] payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                using var buffer = new MemoryStream();
                buffer.Write(payload, 0, payload.Length);
                await socket.SendAsync(buffer.ToArray().AsMemory(), messageType, true, cancellationToken);
            }
        }
        """;

    private const string Configuration = "wslimits.peer = node-ws\nwslimits.max_message_bytes = 65536";

    public delegate Task SendSplit(WebSocket socket, byte[] payload, WebSocketMessageType messageType, CancellationToken cancellationToken);

    private static readonly Lazy<Task<Assembly>> Compiled = new(CompileAsync);

    /// <summary>Publisher.PublishAsync, as the fix left it.</summary>
    public static async Task SendSplitAsync(WebSocket socket, byte[] payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
    {
        var publish = (await Compiled.Value).GetType("Publisher")!.GetMethod("PublishAsync")!.CreateDelegate<SendSplit>();
        await publish(socket, payload, messageType, cancellationToken);
    }

    private static async Task<Assembly> CompileAsync()
    {
        var sources = (await FixedCode.ApplyAsync(
            UserCode,
            new[] { new UnboundedSingleFrameSendAnalyzer() },
            new[] { new UnboundedSingleFrameSendCodeFixProvider() },
            Configuration)).ToArray();
        if (!sources[0].Contains("await socket.SendSplitAsync(", StringComparison.Ordinal)
            || !sources[0].Contains("MaxPartBytes = 65536", StringComparison.Ordinal)
            || !sources[0].Contains("class SplitMessageReassembler", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the WSL1001 fix did not split the message:\n" + string.Join("\n----\n", sources));
        }

        return FixedCode.Compile(sources);
    }

    /// <summary>A SplitMessageReassembler of the inserted helpers.</summary>
    public sealed class Reassembler
    {
        private readonly int _maxMessageBytes;
        private readonly TimeSpan _timeout;
        private object? _instance;

        public Reassembler(int maxMessageBytes, TimeSpan timeout)
        {
            _maxMessageBytes = maxMessageBytes;
            _timeout = timeout;
        }

        public async Task<(WebSocketMessageType MessageType, byte[] Data)> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
        {
            var type = (await Compiled.Value).GetType("SplitMessageReassembler")!;
            _instance ??= Activator.CreateInstance(type, _maxMessageBytes, _timeout)!;
            var task = (Task)type.GetMethod("ReceiveAsync")!.Invoke(_instance, new object[] { socket, cancellationToken })!;
            await task;
            var message = task.GetType().GetProperty("Result")!.GetValue(task)!;
            var messageType = message.GetType();
            return ((WebSocketMessageType)messageType.GetProperty("MessageType")!.GetValue(message)!, (byte[])messageType.GetProperty("Data")!.GetValue(message)!);
        }
    }
}
