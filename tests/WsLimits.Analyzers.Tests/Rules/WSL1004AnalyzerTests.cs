using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.MessageNeverEndedAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1004AnalyzerTests
{
    private const string NoLaterEnd = "These flags lack EndOfMessage, and no later send ends the message";
    private const string NothingEndsTheLoop = "This fragment is sent in a loop, and nothing in or after the loop ends the message";

    [Fact]
    public Task FlagsALiteralZeroThatBindsToTheFlagsOverload() => Verifier.AnalyzerAsync(
        InMethod("""
            var bytes = Encoding.UTF8.GetBytes(text);
            await ws.SendAsync(bytes, WebSocketMessageType.Text, {|#0:0|}, ct);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments(NoLaterEnd));

    [Theory]
    [InlineData("WebSocketMessageFlags.None")]
    [InlineData("WebSocketMessageFlags.DisableCompression")]
    [InlineData("(WebSocketMessageFlags)0")]
    public Task FlagsConstantFlagsWithoutEndOfMessage(string flags) => Verifier.AnalyzerAsync(
        InMethod($$"""
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, {|#0:{{flags}}|}, ct);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments(NoLaterEnd));

    [Fact]
    public Task FlagsOnlyTheLastOfSeveralSendsThatNeverEnd() => Verifier.AnalyzerAsync(
        InMethod("""
            await ws.SendAsync(Encoding.UTF8.GetBytes("{"), WebSocketMessageType.Text, 0, ct);
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, {|#0:WebSocketMessageFlags.None|}, ct);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments(NoLaterEnd));

    [Fact]
    public Task FlagsEachFunctionsLastSendOnItsOwn() => Verifier.AnalyzerAsync(
        InMethod("""
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, {|#0:0|}, ct);

            Task PingAsync() => ws.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, {|#1:WebSocketMessageFlags.DisableCompression|}, ct).AsTask();
            """),
        expected: new[] { Verifier.Diagnostic().WithLocation(0).WithArguments(NoLaterEnd), Verifier.Diagnostic().WithLocation(1).WithArguments(NoLaterEnd) });

    [Fact]
    public Task FlagsAFragmentLoopThatNeverSendsTheLastFrame() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[8192];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, ct);
                if (read == 0)
                {
                    break;
                }

                await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, {|#0:false|}, ct);
            }
            """, "WebSocket ws, Stream stream, CancellationToken ct"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments(NothingEndsTheLoop));

    [Fact]
    public Task FlagsForeachFragmentsWithFlagsAndNoFinalSend() => Verifier.AnalyzerAsync(
        InMethod("""
            foreach (var chunk in chunks)
            {
                await ws.SendAsync(chunk, WebSocketMessageType.Binary, {|#0:WebSocketMessageFlags.None|}, ct);
            }
            """, "WebSocket ws, ReadOnlyMemory<byte>[] chunks, CancellationToken ct"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments(NothingEndsTheLoop));

    [Fact]
    public Task FlagsABreakThatLeavesAfterAFragmentWithoutTheFinalFrame() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[8192];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, ct);
                if (read == 0)
                {
                    break;
                }

                if (read < buffer.Length)
                {
                    await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, true, ct);
                    break;
                }

                await ws.SendAsync(new ArraySegment<byte>(buffer), WebSocketMessageType.Binary, {|#0:false|}, ct);
            }
            """, "WebSocket ws, Stream stream, CancellationToken ct"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("The loop can leave through 'break' on line 19 after this fragment, and nothing ends the message on that path"));

    [Fact]
    public Task FlagsAWholePayloadSentWithTheEndOfMessageOfAReceive() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[4096];
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            while (!result.CloseStatus.HasValue)
            {
                var state = JsonSerializer.Serialize(message);
                await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(state)), result.MessageType, {|#0:result.EndOfMessage|}, CancellationToken.None);
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            }
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("'result.EndOfMessage' is the flag of a frame received here, not of this payload: after a partial receive this message stays open"));

    [Fact]
    public Task QuietWhenALaterSendEndsTheMessage() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(Encoding.UTF8.GetBytes("["), WebSocketMessageType.Text, 0, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, WebSocketMessageFlags.None, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes("]"), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct);
        """));

    [Fact]
    public Task QuietOnFlagsThatEndTheMessage() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, WebSocketMessageFlags.DisableCompression | WebSocketMessageFlags.EndOfMessage, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, (WebSocketMessageFlags)1, ct);
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietOnFlagsItCannotProve() => Verifier.AnalyzerAsync(InMethod("""
        var none = WebSocketMessageFlags.None;
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, flags, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, none, ct);
        """, "WebSocket ws, string text, WebSocketMessageFlags flags, CancellationToken ct"));

    [Fact]
    public Task QuietOnADeliberateFragmentOutsideALoop() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, false, ct);
        """));

    [Fact]
    public Task QuietOnTheTextbookFragmentLoop() => Verifier.AnalyzerAsync(InMethod("""
        for (var offset = 0; offset < data.Length; offset += 4096)
        {
            var count = Math.Min(4096, data.Length - offset);
            await ws.SendAsync(new ArraySegment<byte>(data, offset, count), WebSocketMessageType.Binary, offset + count == data.Length, ct);
        }
        """, "WebSocket ws, byte[] data, CancellationToken ct"));

    [Fact]
    public Task QuietOnALoopThatEndsTheMessageOnItsWayOut() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, 0, buffer.Length, ct);
            if (read < buffer.Length)
            {
                await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, true, ct);
                return;
            }

            await ws.SendAsync(new ArraySegment<byte>(buffer), WebSocketMessageType.Binary, false, ct);
        }
        """, "WebSocket ws, Stream stream, CancellationToken ct"));

    [Fact]
    public Task QuietOnAFragmentLoopFollowedByAnEmptyFinalFrame() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, ct)) > 0)
        {
            await ws.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, WebSocketMessageFlags.None, ct);
        }

        await ws.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);
        """, "WebSocket ws, Stream stream, CancellationToken ct"));

    [Fact]
    public Task QuietOnMessagesEndedInTheSameIteration() => Verifier.AnalyzerAsync(InMethod("""
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                break;
            }

            await ws.SendAsync(header, WebSocketMessageType.Binary, 0, ct);
            await ws.SendAsync(part, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);
        }
        """, "WebSocket ws, byte[] header, byte[][] parts, CancellationToken ct"));

    [Fact]
    public Task QuietWhenTheLoopLeavesBecauseTheSocketClosedOrOnAnException() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[8192];
        while (true)
        {
            if (ws.State != WebSocketState.Open || ct.IsCancellationRequested)
            {
                return;
            }

            int read;
            try
            {
                read = await stream.ReadAsync(buffer, 0, buffer.Length, ct);
            }
            catch (IOException)
            {
                return;
            }

            if (read < buffer.Length)
            {
                await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, true, ct);
                break;
            }

            await ws.SendAsync(new ArraySegment<byte>(buffer), WebSocketMessageType.Binary, false, ct);
        }
        """, "WebSocket ws, Stream stream, CancellationToken ct"));

    [Fact]
    public Task QuietWhenTheSocketIsHandedOnAfterTheFragment() => Verifier.AnalyzerAsync(Usings + """
        public class Sender
        {
            public async Task SendAsync(WebSocket ws, byte[] header, byte[] body, CancellationToken ct)
            {
                await ws.SendAsync(header, WebSocketMessageType.Binary, WebSocketMessageFlags.None, ct);
                await SendBodyAsync(ws, body, ct);
            }

            private static Task SendBodyAsync(WebSocket ws, byte[] body, CancellationToken ct) =>
                ws.SendAsync(body, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct).AsTask();
        }
        """);

    [Fact]
    public Task QuietOnAWriterThatEndsTheMessageInAnotherMember() => Verifier.AnalyzerAsync(Usings + """
        public sealed class MessageWriter
        {
            private readonly WebSocket _socket;

            public MessageWriter(WebSocket socket) => _socket = socket;

            public ValueTask WriteAsync(ReadOnlyMemory<byte> part, CancellationToken ct) =>
                _socket.SendAsync(part, WebSocketMessageType.Binary, WebSocketMessageFlags.None, ct);

            public ValueTask CompleteAsync(CancellationToken ct) =>
                _socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);
        }
        """);

    [Fact]
    public Task QuietOnARelayThatForwardsEachFragmentWithItsOwnFlag() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        while (!result.CloseStatus.HasValue)
        {
            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, ct);
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        }
        """));

    [Fact]
    public Task QuietOnARelayThatRewritesEachFragment() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        while (true)
        {
            var received = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var fragment = Encoding.ASCII.GetString(buffer, 0, received.Count);
            var upper = fragment.ToUpperInvariant();
            await target.SendAsync(new ArraySegment<byte>(Encoding.ASCII.GetBytes(upper)), received.MessageType, received.EndOfMessage, ct);
        }
        """, "WebSocket ws, WebSocket target, CancellationToken ct"));

    [Fact]
    public Task QuietOnAResultThatNoReceiveHereProduced() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, result.EndOfMessage, ct);
        """, "WebSocket ws, WebSocketReceiveResult result, string text, CancellationToken ct"));
}
