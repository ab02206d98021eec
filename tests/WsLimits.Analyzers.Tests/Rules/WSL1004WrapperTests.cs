using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.MessageNeverEndedAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL1004 across files: the wrapper that forwards its caller's framing is quiet, its callers are judged.</summary>
public sealed class WSL1004WrapperTests
{
    private const string FrameSocket = Usings + """
        public interface IFrameSocket
        {
            ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType type, WebSocketMessageFlags flags, CancellationToken ct);
        }

        public sealed class FrameSocket : IFrameSocket
        {
            private readonly ClientWebSocket _socket = new();

            public ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType type, WebSocketMessageFlags flags, CancellationToken ct) =>
                _socket.SendAsync(buffer, type, flags, ct);
        }
        """;

    [Fact]
    public Task QuietOnAPassThroughThatForwardsItsCallersFlags() => Verifier.ProjectAsync(new[] { FrameSocket });

    [Fact]
    public Task FlagsALiteralZeroPassedThroughAWrapper() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket,
            Usings + """
            public sealed class Notifier
            {
                public async Task NotifyAsync(IFrameSocket socket, string text, CancellationToken ct)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, {|#0:0|}, ct);
                }
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("These flags lack EndOfMessage, and no later send ends the message"));

    [Fact]
    public Task FlagsALiteralZeroPassedThroughAWrapperOfAnotherName() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
            public sealed class Connection
            {
                private readonly ClientWebSocket _socket = new();

                public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> data, WebSocketMessageFlags flags, CancellationToken ct) =>
                    _socket.SendAsync(data, WebSocketMessageType.Text, flags, ct);

                public async Task SayAsync(string text, CancellationToken ct) =>
                    await WriteFrameAsync(Encoding.UTF8.GetBytes(text), {|#0:0|}, ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("These flags lack EndOfMessage, and no later send ends the message"));

    [Fact]
    public Task QuietWhenTheCallerEndsTheMessageThroughTheWrapper() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket,
            Usings + """
            public sealed class Notifier
            {
                public async Task NotifyAsync(IFrameSocket socket, string text, CancellationToken ct)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes("["), WebSocketMessageType.Text, 0, ct);
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text + "]"), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct);
                }
            }
            """,
        });

    /// <summary>
    /// Calls are told apart by their argument count before anything is bound; the count an interface allows is its
    /// own, even where its implementation makes the token required.
    /// </summary>
    [Fact]
    public Task FlagsALiteralZeroThroughAnInterfaceWhoseTokenIsOptional() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket.Replace("ValueTask SendAsync(", "ValueTask SendFrameAsync(")
                .Replace("WebSocketMessageFlags flags, CancellationToken ct);", "WebSocketMessageFlags flags, CancellationToken ct = default);"),
            Usings + """
            public sealed class Notifier
            {
                public async Task NotifyAsync(IFrameSocket socket, string text)
                {
                    await socket.SendFrameAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, {|#0:0|});
                }
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("These flags lack EndOfMessage, and no later send ends the message"));

    [Fact]
    public Task FlagsALiteralZeroThroughAnExtensionCalledOnItsSocket() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
            public static class SocketFrames
            {
                public static ValueTask SendTextFrameAsync(this WebSocket socket, ReadOnlyMemory<byte> data, WebSocketMessageFlags flags) =>
                    socket.SendAsync(data, WebSocketMessageType.Text, flags, CancellationToken.None);
            }
            """,
            Usings + """
            public sealed class Notifier
            {
                public async Task NotifyAsync(ClientWebSocket socket, string text) =>
                    await socket.SendTextFrameAsync(Encoding.UTF8.GetBytes(text), {|#0:0|});
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("These flags lack EndOfMessage, and no later send ends the message"));
}
