using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL2002: which comparisons bound the reassembled message, and which only look as if they did.</summary>
public sealed class WSL2002CapTests
{
    private const string Parameters = "WebSocket ws, CancellationToken ct, int maxMessageBytes = 65536";

    /// <summary>A reassembly loop that closes with 1009 under <paramref name="condition"/>, checked before each write.</summary>
    private static string LoopCheckingBeforeTheWrite(string condition, string write) => InMethod($$"""
        var chunk = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            if ({{condition}})
            {
                await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                return;
            }

            {{write}};
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters);

    [Theory]
    [InlineData("chunk.Length + result.Count > maxMessageBytes")]
    [InlineData("result.Count > maxMessageBytes")]
    [InlineData("maxMessageBytes < result.Count")]
    [InlineData("chunk.Length > maxMessageBytes")]
    public Task FlagsACheckThatDoesNotCompareTheAccumulatedSize(string condition) => Verifier.AnalyzerAsync(LoopCheckingBeforeTheWrite(condition, "[|message.Write(chunk, 0, result.Count)|]"));

    [Fact]
    public Task FlagsACheckOfTheLastCountHeldInALocal() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            var received = result.Count;
            if (received > maxMessageBytes)
            {
                throw new InvalidDataException("message too big");
            }

            [|text.Append(Encoding.UTF8.GetString(chunk, 0, received))|];
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Fact]
    public Task FlagsACheckOfATotalThatStartsAgainWithEveryFragment() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            var received = 0;
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            received += result.Count;
            if (received > maxMessageBytes)
            {
                throw new InvalidDataException("message too big");
            }

            [|message.Write(chunk, 0, received)|];
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Theory]
    [InlineData("message.Length + result.Count > maxMessageBytes")]
    [InlineData("maxMessageBytes - message.Length < result.Count")]
    [InlineData("message.Position >= maxMessageBytes")]
    public Task QuietWhenTheStoreSizeIsComparedBeforeTheWrite(string condition) => Verifier.AnalyzerAsync(LoopCheckingBeforeTheWrite(condition, "message.Write(chunk, 0, result.Count)"));

    [Fact]
    public Task QuietWhenTheStoreSizeIsComparedAfterTheWrite() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        var bytes = new List<byte>();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            bytes.AddRange(new ArraySegment<byte>(chunk, 0, result.Count));
            if (bytes.Count > maxMessageBytes)
            {
                throw new InvalidDataException("message too big");
            }
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Theory]
    [InlineData("total + result.Count > maxMessageBytes", "total += result.Count;")]
    [InlineData("total > maxMessageBytes", "total += result.Count;")]
    [InlineData("total > maxMessageBytes", "total = total + result.Count;")]
    public Task QuietWhenARunningTotalIsCompared(string condition, string addition) => Verifier.AnalyzerAsync(InMethod($$"""
        var chunk = new byte[4096];
        var text = new StringBuilder();
        var total = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            {{addition}}
            if ({{condition}})
            {
                throw new InvalidDataException("message too big");
            }

            text.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Fact]
    public Task QuietWhenTheSizeIsComparedThroughALocal() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            var size = message.Length + result.Count;
            if (size > maxMessageBytes)
            {
                throw new InvalidDataException("message too big");
            }

            message.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Fact]
    public Task FlagsALoopOverTheMessageBytesAfterwards() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            [|message.Write(chunk, 0, result.Count)|];
        }
        while (!result.EndOfMessage);

        var bytes = message.ToArray();
        var sum = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            sum += bytes[i];
        }
        """, parameters: Parameters));

    [Fact]
    public Task FlagsABufferWriterWhoseOnlyCheckIsOnTheLastCount() => Verifier.AnalyzerAsync(InMethod("""
        var writer = new ArrayBufferWriter<byte>();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(writer.GetMemory(4096), ct);
            if (result.Count > maxMessageBytes)
            {
                throw new InvalidDataException("frame too big");
            }

            [|writer.Advance(result.Count)|];
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Fact]
    public Task QuietWhenAnArrayGrownByCopyIsCappedWithTheNextCount() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        var message = Array.Empty<byte>();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            if (message.Length + result.Count > maxMessageBytes)
            {
                throw new InvalidDataException("message too big");
            }

            var grown = new byte[message.Length + result.Count];
            Buffer.BlockCopy(message, 0, grown, 0, message.Length);
            Buffer.BlockCopy(chunk, 0, grown, message.Length, result.Count);
            message = grown;
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));

    [Fact]
    public Task FlagsAnArrayWhoseOnlyCheckIsWhetherItIsFullThroughALocal() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var filled = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            var room = buffer.Length - filled;
            if (room < 512)
            {
                [|Array.Resize(ref buffer, buffer.Length * 2)|];
            }

            result = await ws.ReceiveAsync(buffer.AsMemory(filled), ct);
            filled += result.Count;
        }
        while (!result.EndOfMessage);
        """, parameters: Parameters));
}
