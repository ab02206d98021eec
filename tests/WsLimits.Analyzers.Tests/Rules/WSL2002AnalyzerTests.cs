using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2002AnalyzerTests
{
    [Fact]
    public Task FlagsMemoryStreamFilledUntilEndOfMessage() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[4096];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                {|#0:message.Write(buffer, 0, result.Count)|};
            }
            while (!result.EndOfMessage);
            Handle(Encoding.UTF8.GetString(message.ToArray()));
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("message", 1048576));

    [Fact]
    public Task FlagsTheMemoryOverloadAndAsyncWrites() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
            await [|message.WriteAsync(buffer.AsMemory(0, result.Count), ct)|];
            if (result.EndOfMessage)
            {
                break;
            }
        }
        """));

    [Fact]
    public Task FlagsListStringBuilderAndStringAccumulation() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[1024];
        var bytes = new List<byte>();
        var text = new StringBuilder();
        var joined = "";
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            [|bytes.AddRange(new ArraySegment<byte>(buffer, 0, result.Count))|];
            [|text.Append(Encoding.ASCII.GetString(buffer, 0, result.Count))|];
            [|joined += Encoding.ASCII.GetString(buffer, 0, result.Count)|];
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task FlagsArrayBufferWriterAndPipeWriter() => Verifier.AnalyzerAsync(InMethod("""
        var writer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await ws.ReceiveAsync(writer.GetMemory(4096), ct);
            [|writer.Advance(result.Count)|];
            [|pipe.Advance(result.Count)|];
            if (result.EndOfMessage) break;
        }
        """,
        parameters: "WebSocket ws, PipeWriter pipe, CancellationToken ct"));

    [Fact]
    public Task FlagsABufferWriterTheCodeDeclaresByItsInterface() => Verifier.AnalyzerAsync(InMethod("""
        using var writer = new PooledBufferWriter();
        ValueWebSocketReceiveResult result;
        do
        {
            var memory = writer.GetMemory(4096);
            result = await ws.ReceiveAsync(memory, ct);
            [|writer.Advance(result.Count)|];
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(writer.WrittenSpan));
        """) + PooledBufferWriter);

    [Fact]
    public Task FlagsAnyBufferWriterFilledThroughTheWriteExtension() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
            [|output.Write(buffer.AsSpan(0, result.Count))|];
        }
        while (!result.EndOfMessage);
        """,
        parameters: "WebSocket ws, IBufferWriter<byte> output, CancellationToken ct"));

    [Fact]
    public Task FlagsReceivedTextAppendedThroughALocal() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[1024];
        while (ws.State == WebSocketState.Open)
        {
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var piece = Encoding.UTF8.GetString(buffer, 0, result.Count);
                [|reply.Append(piece)|];
            }
            while (!result.EndOfMessage);
            Handle(reply.ToString());
        }
        """));

    [Fact]
    public Task FlagsReceivedDataFollowedThroughSeveralLocals() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var parts = new List<byte[]>();
        var lines = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var chunk = new byte[result.Count];
            Array.Copy(buffer, chunk, result.Count);
            [|parts.Add(chunk)|];
            var raw = Encoding.ASCII.GetString(chunk);
            var line = raw.TrimEnd('\0');
            [|lines.Append(line)|];
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task FlagsAnArrayResizedWhenFullUntilEndOfMessage() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var count = 0;
        WebSocketReceiveResult result;
        do
        {
            if (count >= buffer.Length)
            {
                [|Array.Resize(ref buffer, buffer.Length * 2)|];
            }

            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), ct);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(buffer, 0, count));
        """));

    [Fact]
    public Task FlagsALargerArrayCopiedAndAssignedBack() => Verifier.AnalyzerAsync(InMethod("""
        var chunk = new byte[4096];
        var message = Array.Empty<byte>();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(chunk), ct);
            var grown = new byte[message.Length + result.Count];
            Buffer.BlockCopy(message, 0, grown, 0, message.Length);
            Buffer.BlockCopy(chunk, 0, grown, message.Length, result.Count);
            [|message = grown|];
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task FlagsARentedArraySwappedForALargerOne() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var filled = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (buffer.Length - filled < 512)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                [|buffer = larger|];
            }

            result = await ws.ReceiveAsync(buffer.AsMemory(filled), ct);
            filled += result.Count;
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task FlagsAStoreDeclaredOutsideAnOuterReadLoop() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        while (ws.State == WebSocketState.Open)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            [|message.Write(buffer, 0, result.Count)|];
            if (!result.EndOfMessage)
            {
                continue;
            }

            Handle(Encoding.UTF8.GetString(message.ToArray()));
            message.SetLength(0);
        }
        """));

    /// <summary>The receive cap's own key wins; without it, the contract's message limit is the cap.</summary>
    [Theory]
    [InlineData("wslimits.max_receive_message_bytes = 65536", 65536)]
    [InlineData("wslimits.max_message_bytes = 262144", 262144)]
    [InlineData("wslimits.max_message_bytes = 262144\nwslimits.max_receive_message_bytes = 65536", 65536)]
    public Task ReportsTheConfiguredLimit(string editorConfig, int limit)
    {
        var test = Verifier.Create(
            InMethod("""
                var buffer = new byte[4096];
                var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    {|#0:message.Write(buffer, 0, result.Count)|};
                }
                while (!result.EndOfMessage);
                """),
            editorConfig: editorConfig);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("message", limit));
        return test.RunAsync();
    }

    [Fact]
    public Task QuietWhenTheStoreSizeIsChecked() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            message.Write(buffer, 0, result.Count);
            if (message.Length > 1_048_576)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", ct);
                return;
            }
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietWhenARunningTotalIsChecked() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var parts = new List<byte[]>();
        var total = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            total += result.Count;
            if (total > MaxMessageBytes) throw new InvalidDataException("message too big");
            parts.Add(buffer[..result.Count]);
        }
        while (!result.EndOfMessage);
        """,
        parameters: "WebSocket ws, CancellationToken ct, int MaxMessageBytes = 65536"));

    [Fact]
    public Task QuietWhenTheLoopClosesWithMessageTooBig() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            if (!Fits(message, result.Count)) { await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, null, ct); return; }
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        static bool Fits(MemoryStream stream, int count) => true;
        """));

    [Fact]
    public Task QuietWhenTheWrittenCountOfABufferWriterIsChecked() => Verifier.AnalyzerAsync(InMethod("""
        using var writer = new PooledBufferWriter();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(writer.GetMemory(4096), ct);
            writer.Advance(result.Count);
            if (writer.WrittenCount > 65_536)
            {
                await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                return;
            }
        }
        while (!result.EndOfMessage);
        """) + PooledBufferWriter);

    [Fact]
    public Task QuietOnGetMemoryAndAdvanceOfATypeThatIsNotABufferWriter() => Verifier.AnalyzerAsync(InMethod("""
        var frame = new FixedFrame();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(frame.GetMemory(), ct);
            frame.Advance(result.Count);
        }
        while (!result.EndOfMessage);
        """) + """

        sealed class FixedFrame
        {
            private readonly byte[] _bytes = new byte[16384];

            public int Filled { get; private set; }

            public Memory<byte> GetMemory() => _bytes.AsMemory(Filled);

            public void Advance(int count) => Filled += count;
        }
        """);

    [Fact]
    public Task QuietWhenAGrowingArrayIsCapped() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var count = 0;
        WebSocketReceiveResult result;
        do
        {
            if (count >= buffer.Length)
            {
                if (buffer.Length * 2 > 1_048_576)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    return;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), ct);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietWhenAFixedArrayIsTrimmedToTheLengthFilled() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[65536];
        var count = 0;
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(count), ct);
            count += result.Count;
            if (result.EndOfMessage)
            {
                Array.Resize(ref buffer, count);
                break;
            }
        }
        """));

    [Fact]
    public Task QuietOnRelaysThatForwardEachFragment() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        while (true)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            if (result.MessageType == WebSocketMessageType.Close) break;
            await target.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, ct);
        }
        """,
        parameters: "WebSocket ws, WebSocket target, CancellationToken ct"));

    [Fact]
    public Task QuietOnSelfDelimitedStreamsThatIgnoreMessageBoundaries() => Verifier.AnalyzerAsync(InMethod("""
        while (true)
        {
            var memory = pipe.GetMemory(4096);
            var result = await ws.ReceiveAsync(memory, ct);
            if (result.MessageType == WebSocketMessageType.Close) break;
            pipe.Advance(result.Count);
            await pipe.FlushAsync(ct);
        }
        """,
        parameters: "WebSocket ws, PipeWriter pipe, CancellationToken ct"));

    [Fact]
    public Task QuietOnStoresThatLiveForOneIteration() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        while (true)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var frame = new MemoryStream();
            frame.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) break;
        }
        """));

    [Fact]
    public Task QuietWhenTextAppendedThroughALocalIsCapped() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[1024];
        var reply = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var piece = Encoding.UTF8.GetString(buffer, 0, result.Count);
            reply.Append(piece);
            if (reply.Length > 65_536)
            {
                await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                return;
            }
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietWhenALocalFromTheReceiveIsHandledButNotStored() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var log = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var piece = Encoding.UTF8.GetString(buffer, 0, result.Count);
            Handle(piece);
            var stamp = DateTime.UtcNow.ToString("O");
            log.Append(stamp);
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietOnAppendsOfOtherData() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var log = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            log.Append("fragment received");
        }
        while (!result.EndOfMessage);
        """));
}
