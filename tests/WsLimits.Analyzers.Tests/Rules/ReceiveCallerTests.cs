using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using WSL2001 = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.EndOfMessageIgnoredAnalyzer, WsLimits.Analyzers.CodeFixes.EndOfMessageIgnoredCodeFixProvider>;
using WSL2002 = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL2001 and WSL2002 where the receive or the use of its bytes lies in another method or file.</summary>
public sealed class ReceiveCallerTests
{
    private const string FrameSource = Usings + """
        public interface IFrameSource
        {
            Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken ct);
        }

        public sealed class FrameSource(ClientWebSocket socket) : IFrameSource
        {
            public Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken ct) => socket.ReceiveAsync(buffer, ct);
        }
        """;

    private const string Reader = Usings + """
        public sealed class MessageReader(IFrameSource source)
        {
            public async Task<byte[]> ReadAsync(CancellationToken ct)
            {
                var chunk = new byte[8192];
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await source.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
                    {|#0:message.Write(chunk, 0, result.Count)|};
                }
                while (!result.EndOfMessage);

                return message.ToArray();
            }
        }
        """;

    [Fact]
    public Task FlagsReassemblyThroughAReceiveWrapperInAnotherFile() => WSL2002.ProjectAsync(
        new[] { FrameSource, Reader },
        WSL2002.Diagnostic().WithLocation(0).WithArguments("message", "1048576"));

    /// <summary>A receive wrapper is found by what it does, not by its name.</summary>
    [Fact]
    public Task FlagsReassemblyThroughAReceiveWrapperOfAnotherName() => WSL2002.ProjectAsync(
        new[]
        {
            FrameSource.Replace("ReceiveAsync(ArraySegment<byte> buffer", "ReadFrameAsync(ArraySegment<byte> buffer"),
            Reader.Replace("source.ReceiveAsync(", "source.ReadFrameAsync("),
        },
        WSL2002.Diagnostic().WithLocation(0).WithArguments("message", "1048576"));

    /// <summary>A receive through an interface whose token is optional is a receive, with the one argument it needs.</summary>
    [Fact]
    public Task FlagsReassemblyThroughAReceiveWrapperCalledWithoutItsOptionalToken() => WSL2002.ProjectAsync(
        new[]
        {
            FrameSource.Replace("(ArraySegment<byte> buffer, CancellationToken ct);", "(ArraySegment<byte> buffer, CancellationToken ct = default);"),
            Reader.Replace("source.ReceiveAsync(new ArraySegment<byte>(chunk), ct)", "source.ReceiveAsync(new ArraySegment<byte>(chunk))"),
        },
        WSL2002.Diagnostic().WithLocation(0).WithArguments("message", "1048576"));

    [Fact]
    public Task QuietOnReassemblyThroughAWrapperWithACap() => WSL2002.ProjectAsync(new[]
    {
        FrameSource,
        Reader.Replace("{|#0:message.Write(chunk, 0, result.Count)|};", """
            if (message.Length + result.Count > 65536)
                    {
                        throw new InvalidDataException("message too big");
                    }

                    message.Write(chunk, 0, result.Count);
            """),
    });

    private const string Poller = Usings + """
        internal sealed partial class Poller
        {
            private readonly ClientWebSocket _socket = new();

            internal async Task PollAsync(CancellationToken ct)
            {
                var buffer = new byte[1024];
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await {|#0:_socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|};
                    Handle(new ReadOnlyMemory<byte>(buffer, 0, result.Count));
                }
            }
        }
        """;

    [Fact]
    public Task FlagsOneReadHandedToAHandlerThatParsesItAsAMessage() => WSL2001.ProjectAsync(
        new[]
        {
            Poller,
            Usings + """
            internal sealed partial class Poller
            {
                private void Handle(ReadOnlyMemory<byte> data)
                {
                    var json = data.Span;
                    using var document = JsonDocument.Parse(data);
                    Console.WriteLine(document.RootElement.GetProperty("op").GetInt32() + json.Length);
                }
            }
            """,
        },
        WSL2001.Diagnostic().WithLocation(0));

    [Fact]
    public Task QuietWhenTheHandlerOnlyCountsTheBytes() => WSL2001.ProjectAsync(new[]
    {
        Poller.Replace("{|#0:", string.Empty).Replace(")|};", ");"),
        Usings + """
        internal sealed partial class Poller
        {
            private long _received;

            private void Handle(ReadOnlyMemory<byte> data) => _received += data.Length;
        }
        """,
    });

    [Fact]
    public Task FlagsAReadParsedWithAJsonContextTheCompilationDoesNotHave() => WSL2001.ProjectAsync(
        new[]
        {
            Poller,
            Usings + """
            internal sealed partial class Poller
            {
                private void Handle(ReadOnlyMemory<byte> data)
                {
                    var update = JsonSerializer.Deserialize(data.Span, {|#1:UpdateContext|}.Default.Update);
                    Console.WriteLine(update);
                }
            }
            """,
        },
        WSL2001.Diagnostic().WithLocation(0),
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0103").WithLocation(1).WithArguments("UpdateContext"));

    private const string CappedReader = Usings + """
        internal sealed class CappedReader
        {
            internal async Task<byte[]> ReadAsync(WebSocket socket, CancellationToken ct, long maxMessageBytes = long.MaxValue)
            {
                var chunk = new byte[8192];
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
                    if (message.Length + result.Count > maxMessageBytes)
                    {
                        throw new InvalidDataException("message too big");
                    }

                    {|#0:message.Write(chunk, 0, result.Count)|};
                }
                while (!result.EndOfMessage);

                return message.ToArray();
            }
        }
        """;

    [Fact]
    public Task FlagsACapWhoseDefaultIsNoLimitAndThatNoCallerSets() => WSL2002.ProjectAsync(
        new[]
        {
            CappedReader,
            Usings + """
            internal sealed class Session
            {
                internal Task<byte[]> NextAsync(WebSocket socket, CancellationToken ct) => new CappedReader().ReadAsync(socket, ct);
            }
            """,
        },
        WSL2002.Diagnostic().WithLocation(0).WithArguments("message", "1048576"));

    [Fact]
    public Task QuietWhenACallerSetsTheCap() => WSL2002.ProjectAsync(new[]
    {
        CappedReader.Replace("{|#0:", string.Empty).Replace(")|};", ");"),
        Usings + """
        internal sealed class Session
        {
            internal Task<byte[]> NextAsync(WebSocket socket, CancellationToken ct) => new CappedReader().ReadAsync(socket, ct, 1 << 20);
        }
        """,
    });
}
