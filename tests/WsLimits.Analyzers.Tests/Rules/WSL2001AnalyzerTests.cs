using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.EndOfMessageIgnoredAnalyzer, WsLimits.Analyzers.CodeFixes.EndOfMessageIgnoredCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2001AnalyzerTests
{
    [Fact]
    public Task FlagsTheDocsSampleLoopThatDecodesEachReceive() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[1024 * 4];
        while (ws.State == WebSocketState.Open)
        {
            var result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|];
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            Handle(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        """));

    [Fact]
    public Task FlagsTheMemoryOverloadFeedingJson() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[8192];
        var result = await [|ws.ReceiveAsync(buffer.AsMemory(), ct)|];
        var command = JsonSerializer.Deserialize<string[]>(buffer.AsSpan(0, result.Count));
        """));

    [Fact]
    public Task FlagsJsonDocumentParsing() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[8192];
        var result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|];
        using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        """));

    [Fact]
    public Task FlagsAReplyOfOtherDataSentWithTheReadsEndOfMessage() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var score = 0;
        while (ws.State == WebSocketState.Open)
        {
            var result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|];
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var move = JsonSerializer.Deserialize<int[]>(Encoding.UTF8.GetString(buffer, 0, result.Count));
            score += move?.Length ?? 0;
            var state = JsonSerializer.SerializeToUtf8Bytes(new { score });
            await ws.SendAsync(new ArraySegment<byte>(state), result.MessageType, result.EndOfMessage, ct);
        }
        """));

    [Fact]
    public Task FlagsEachReadOfACloseStatusLoopThatDecodesEveryRead() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|];
        while (!result.CloseStatus.HasValue)
        {
            Handle(Encoding.UTF8.GetString(buffer, 0, result.Count));
            result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|];
        }

        await ws.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, ct);
        """));

    [Fact]
    public Task QuietWhenEndOfMessageIsChecked() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        if (!result.EndOfMessage)
        {
            await ws.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", ct);
            return;
        }

        Handle(Encoding.UTF8.GetString(buffer, 0, result.Count));
        """));

    [Fact]
    public Task QuietOnRelaysAndEchoes() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        while (!result.CloseStatus.HasValue)
        {
            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, ct);
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        }
        """));

    [Fact]
    public Task QuietOnARelayThatLogsEachFragmentAndForwardsItsBytes() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        while (!result.CloseStatus.HasValue)
        {
            Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var fragment = new ArraySegment<byte>(buffer, 0, result.Count);
            await target.SendAsync(fragment, result.MessageType, result.EndOfMessage, ct);
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        }
        """,
        parameters: "WebSocket ws, WebSocket target, CancellationToken ct"));

    [Fact]
    public Task QuietOnAnEchoWhoseReplyIsComputedFromEachPiece() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        while (ws.State == WebSocketState.Open)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var piece = Encoding.ASCII.GetString(buffer, 0, result.Count);
            var shouted = Encoding.ASCII.GetBytes(piece.ToUpperInvariant());
            await ws.SendAsync(shouted, result.MessageType, result.EndOfMessage, ct);
        }
        """));

    [Fact]
    public Task QuietWhenEndOfMessageIsHandedToOtherCode() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        while (ws.State == WebSocketState.Open)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            OnPiece(Encoding.UTF8.GetString(buffer, 0, result.Count), result.EndOfMessage);
        }

        static void OnPiece(string text, bool last) { }
        """));

    [Fact]
    public Task QuietWhenTheResultIsHandedToAnotherMethod() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        Dispatch(result, buffer);

        void Dispatch(WebSocketReceiveResult received, byte[] data) => Handle(Encoding.UTF8.GetString(data, 0, received.Count));
        """));

    [Fact]
    public Task QuietWhenTheBytesAreNotDecoded() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
        await output.WriteAsync(buffer, 0, result.Count, ct);
        """,
        parameters: "WebSocket ws, Stream output, CancellationToken ct"));
}
