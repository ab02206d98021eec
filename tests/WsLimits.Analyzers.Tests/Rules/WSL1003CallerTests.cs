using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.FragmentedSendWithoutExclusiveAccessAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL1003 where exclusive access is decided elsewhere: by a wrapper's callers, a caller's lock, a queue pump.</summary>
public sealed class WSL1003CallerTests
{
    private const string FrameSocket = Usings + """
        public interface IFrameSocket
        {
            Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType type, bool endOfMessage, CancellationToken ct);

            Task CloseAsync(CancellationToken ct);
        }

        public sealed class FrameSocket : IFrameSocket
        {
            private readonly ClientWebSocket _socket = new();

            public Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType type, bool endOfMessage, CancellationToken ct) =>
                _socket.SendAsync(buffer, type, endOfMessage, ct);

            public Task CloseAsync(CancellationToken ct) => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        }
        """;

    [Fact]
    public Task QuietOnAPassThroughThatForwardsItsCallersEndOfMessage() => Verifier.ProjectAsync(new[] { FrameSocket });

    [Fact]
    public Task FlagsFragmentsSentThroughAWrapperInterfaceWithoutALock() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket,
            Usings + """
            public sealed class Uploader
            {
                private readonly IFrameSocket _socket;

                public Uploader(IFrameSocket socket) => _socket = socket;

                public async Task UploadAsync(byte[] data, CancellationToken ct)
                {
                    for (var offset = 0; offset < data.Length; offset += 8192)
                    {
                        var count = Math.Min(8192, data.Length - offset);
                        await {|#0:_socket.SendAsync(new ArraySegment<byte>(data, offset, count), WebSocketMessageType.Binary, offset + count == data.Length, ct)|};
                    }
                }

                public Task StopAsync(CancellationToken ct) => _socket.CloseAsync(ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("UploadAsync", "_socket"));

    [Fact]
    public Task FlagsFragmentsOnASocketHeldByAPrimaryConstructor() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket,
            Usings + """
            public sealed class Uploader(IFrameSocket socket)
            {
                public async Task UploadAsync(byte[] data, CancellationToken ct)
                {
                    var offset = 0;
                    bool last;
                    do
                    {
                        var count = Math.Min(8192, data.Length - offset);
                        last = offset + count == data.Length;
                        await {|#0:socket.SendAsync(new ArraySegment<byte>(data, offset, count), WebSocketMessageType.Binary, last, ct)|};
                        offset += count;
                    }
                    while (!last);
                }

                public Task StopAsync(CancellationToken ct) => socket.CloseAsync(ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("UploadAsync", "socket"));

    private const string FrameWriter = Usings + """
        internal sealed class FrameWriter
        {
            private readonly ClientWebSocket _socket = new();

            internal async Task WriteAsync(byte[] data, CancellationToken ct)
            {
                for (var offset = 0; offset < data.Length; offset += 4096)
                {
                    var count = Math.Min(4096, data.Length - offset);
                    await {|#0:_socket.SendAsync(new ArraySegment<byte>(data, offset, count), WebSocketMessageType.Binary, offset + count == data.Length, ct)|};
                }
            }

            internal Task PingAsync(CancellationToken ct) =>
                _socket.SendAsync(new ArraySegment<byte>(new byte[] { 9 }), WebSocketMessageType.Binary, true, ct);
        }
        """;

    private const string LockingConnection = Usings + """
        internal sealed class Connection
        {
            private readonly SemaphoreSlim _sendLock = new(1, 1);
            private readonly FrameWriter _writer = new();

            internal async Task SendAsync(byte[] data, CancellationToken ct)
            {
                await _sendLock.WaitAsync(ct);
                try
                {
                    await _writer.WriteAsync(data, ct);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        """;

    [Fact]
    public Task QuietWhenEveryCallerHoldsTheLock() => Verifier.ProjectAsync(
        new[] { FrameWriter.Replace("{|#0:", string.Empty).Replace(")|};", ");"), LockingConnection });

    [Fact]
    public Task FlagsWhenOneCallerSendsWithoutTheLock() => Verifier.ProjectAsync(
        new[]
        {
            FrameWriter,
            LockingConnection.Replace(
                "internal async Task SendAsync(",
                "internal Task SendUnlockedAsync(byte[] data, CancellationToken ct) => _writer.WriteAsync(data, ct);\n\n    internal async Task SendAsync("),
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("WriteAsync", "_socket"));

    [Fact]
    public Task QuietWhenTheOnlyCallerIsAQueuePump() => Verifier.ProjectAsync(new[]
    {
        FrameWriter.Replace("{|#0:", string.Empty).Replace(")|};", ");"),
        Usings + """
        internal sealed class Outbox
        {
            private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> _queue = new();
            private readonly FrameWriter _writer = new();

            internal void Post(byte[] message) => _queue.Enqueue(message);

            internal async Task PumpAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    while (_queue.TryDequeue(out var message))
                    {
                        await _writer.WriteAsync(message, ct);
                    }

                    await Task.Delay(10, ct);
                }
            }
        }
        """,
    });

    private const string PublicQueuePump = Usings + """
        public sealed class Outbox
        {
            private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> _queue = new();
            private readonly FrameWriter _writer = new();

            public void Post(byte[] message) => _queue.Enqueue(message);

            public async Task PumpAsync(CancellationToken ct)
            {
                while (_queue.TryDequeue(out var message))
                {
                    await _writer.WriteAsync(message, ct);
                }
            }
        }
        """;

    /// <summary>Other assemblies may call a public writer from anywhere, unless the project says none does.</summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("wslimits.public_callers = visible", false)]
    public Task JudgesAPublicWritersVisibleCallersOnlyWhenTheProjectAsks(string? editorConfig, bool flagged)
    {
        var writer = FrameWriter.Replace("internal sealed class FrameWriter", "public sealed class FrameWriter").Replace("internal async Task WriteAsync", "public async Task WriteAsync");
        var test = Verifier.Create(flagged ? writer : writer.Replace("{|#0:", string.Empty).Replace(")|};", ");"), editorConfig: editorConfig);
        test.TestState.Sources.Add(("/0/File1.cs", PublicQueuePump));
        if (flagged)
        {
            test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("WriteAsync", "_socket"));
        }

        return test.RunAsync();
    }
}
