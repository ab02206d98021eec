using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL1001 against each peer profile, and the payload origins and safe forms the size analysis knows.</summary>
public sealed class WSL1001PeerAndSizeTests
{
    private static readonly string SerializedSend = InMethod(
        "await ws.SendAsync({|#0:JsonSerializer.SerializeToUtf8Bytes(message).AsMemory()|}, WebSocketMessageType.Text, true, ct);");

    [Theory]
    [InlineData("netty", "frame", "peer profile 'netty' allows frames of at most 65536 bytes")]
    [InlineData("spring-webflux", "frame", "peer profile 'spring-webflux' allows frames of at most 65536 bytes")]
    [InlineData("aws-apigateway", "frame", "peer profile 'aws-apigateway' allows frames of at most 32768 bytes")]
    [InlineData("node-ws", "message", "peer profile 'node-ws' allows messages of at most 104857600 bytes")]
    [InlineData("python-websockets", "message", "peer profile 'python-websockets' allows messages of at most 1048576 bytes")]
    [InlineData("coder-websocket", "message", "peer profile 'coder-websocket' allows messages of at most 32768 bytes")]
    [InlineData("jetty", "message", "peer profile 'jetty' allows messages of at most 65536 bytes")]
    [InlineData("tomcat", "message", "peer profile 'tomcat' allows messages of at most 8192 bytes")]
    [InlineData("socketio", "message", "peer profile 'socketio' allows messages of at most 1000000 bytes")]
    [InlineData("signalr", "message", "peer profile 'signalr' allows messages of at most 32768 bytes")]
    public Task NamesThePeerProfileAndHowItCounts(string peer, string unit, string limit)
    {
        var test = Verifier.Create(SerializedSend, editorConfig: $"wslimits.peer = {peer}");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes", unit, limit));
        return test.RunAsync();
    }

    [Fact]
    public Task QuietForAPeerThatLimitsNothing() =>
        Verifier.Create(InMethod("await ws.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, true, ct);"), editorConfig: "wslimits.peer = gorilla").RunAsync();

    [Fact]
    public Task ExplicitLimitsOverrideTheProfile()
    {
        var test = Verifier.Create(SerializedSend, editorConfig: "wslimits.peer = node-ws\nwslimits.max_message_bytes = 262144");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "JsonSerializer.SerializeToUtf8Bytes", "message", "wslimits.max_message_bytes allows messages of at most 262144 bytes"));
        return test.RunAsync();
    }

    [Fact]
    public Task AnExplicitFrameLimitAddsToAMessageProfile()
    {
        var test = Verifier.Create(SerializedSend, editorConfig: "wslimits.peer = python-websockets\nwslimits.max_frame_bytes = 4096");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "JsonSerializer.SerializeToUtf8Bytes", "frame", "wslimits.max_frame_bytes allows frames of at most 4096 bytes"));
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsEachWriteToAMessagePerWriteWebSocketStream() => Verifier.AnalyzerAsync(
        InMethod("""
            using var stream = WebSocketStream.Create(ws, WebSocketMessageType.Text);
            await stream.WriteAsync({|#0:JsonSerializer.SerializeToUtf8Bytes(message)|}, ct);
            await stream.WriteAsync(new byte[] { 1, 2, 3 }, ct);
            """),
        TargetFrameworks.Net100,
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsAnUnboundedFrameOfAWritableMessageStream() => Verifier.AnalyzerAsync(
        InMethod("""
            await using var stream = WebSocketStream.CreateWritableMessageStream(ws, WebSocketMessageType.Binary);
            var file = File.ReadAllBytes(text);
            stream.Write({|#0:file|}, 0, file.Length);
            await stream.WriteAsync(file.AsMemory(0, Math.Min(file.Length, 4096)), ct);
            """),
        TargetFrameworks.Net100,
        Verifier.Diagnostic().WithLocation(0).WithArguments("File.ReadAllBytes", "frame", DefaultFrameLimit));

    [Fact]
    public Task QuietOnWritesToOtherStreams() => Verifier.AnalyzerAsync(
        InMethod("""
            using var stream = new MemoryStream();
            await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message), ct);
            """),
        TargetFrameworks.Net100);

    [Fact]
    public Task FlagsGetByteCountSizedBuffersOfUnboundedText() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[Encoding.UTF8.GetByteCount(text)];
            Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
            await ws.SendAsync({|#0:new ArraySegment<byte>(buffer)|}, WebSocketMessageType.Text, true, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("the 'text' parameter of the public 'Sender.SendAsync'", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsAStringBuilderThatGrowsInALoop() => Verifier.AnalyzerAsync(InMethod("""
        var builder = new StringBuilder("[");
        foreach (var line in lines)
        {
            builder.Append(line).Append(',');
        }

        await ws.SendAsync([|Encoding.UTF8.GetBytes(builder.ToString()).AsMemory()|], WebSocketMessageType.Text, true, ct);
        """,
        parameters: "WebSocket ws, string[] lines, CancellationToken ct"));

    [Fact]
    public Task FlagsAStringBuilderPassedToOtherCode() => Verifier.AnalyzerAsync(InMethod("""
        var builder = new StringBuilder();
        Fill(builder);
        await ws.SendAsync([|Encoding.UTF8.GetBytes(builder.ToString()).AsMemory()|], WebSocketMessageType.Text, true, ct);

        static void Fill(StringBuilder target) => target.Append('x');
        """));

    [Fact]
    public Task QuietOnAStringBuilderOfBoundedPieces() => Verifier.AnalyzerAsync(InMethod("""
        var builder = new StringBuilder("ack:");
        builder.Append(id).Append(':').AppendLine(DateTime.UtcNow.ToString("O"));
        builder.Insert(0, "v1 ");
        await ws.SendAsync(Encoding.UTF8.GetBytes(builder.ToString()).AsMemory(), WebSocketMessageType.Text, true, ct);
        await ws.SendAsync(Encoding.UTF8.GetBytes(new StringBuilder("pong ").Append(id).ToString()).AsMemory(), WebSocketMessageType.Text, true, ct);
        """,
        parameters: "WebSocket ws, int id, CancellationToken ct"));

    [Fact]
    public Task QuietOnStackallocOfBoundedLength() => Verifier.AnalyzerAsync(Usings + """
        class Sender
        {
            Task SendHeaderAsync(WebSocket ws, CancellationToken ct)
            {
                Span<byte> header = stackalloc byte[16];
                header[0] = 1;
                return ws.SendAsync(header.ToArray().AsMemory(), WebSocketMessageType.Binary, true, ct).AsTask();
            }
        }
        """);

    [Fact]
    public Task QuietOnRangesOfBoundedLength() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await ws.SendAsync(bytes[..Math.Min(bytes.Length, 4096)].AsMemory(), WebSocketMessageType.Text, false, ct);
        ReadOnlyMemory<byte> view = bytes;
        await ws.SendAsync(view[..Math.Min(view.Length, 4096)], WebSocketMessageType.Text, false, ct);
        """));

    [Fact]
    public Task FlagsAnOpenEndedRangeOfAnUnboundedBuffer() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await ws.SendAsync([|bytes[4..].AsMemory()|], WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietOnPooledAndConstantSizedBuffers() => Verifier.AnalyzerAsync(InMethod("""
        const int FrameBytes = 8192;
        var rented = ArrayPool<byte>.Shared.Rent(FrameBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(rented.AsMemory(0, FrameBytes), ct)) > 0)
            {
                await ws.SendAsync(rented.AsMemory(0, read), WebSocketMessageType.Binary, false, ct);
            }

            await ws.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Binary, true, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        """,
        parameters: "WebSocket ws, Stream source, CancellationToken ct"));

    [Fact]
    public Task FlagsArrayBufferWriterContents() => Verifier.AnalyzerAsync(InMethod("""
        var writer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(writer))
        {
            JsonSerializer.Serialize(json, message);
        }

        await ws.SendAsync([|writer.WrittenMemory|], WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietOnSlicesBoundedWithMathClamp() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await ws.SendAsync(bytes.AsMemory(0, Math.Clamp(bytes.Length, 0, 4096)), WebSocketMessageType.Text, false, ct);
        """));

    [Theory]
    [InlineData("var snapshot = new byte[1024 * 1024];\nawait ws.SendAsync({|#0:new ArraySegment<byte>(snapshot)|}, WebSocketMessageType.Binary, true, ct);", 1048576)]
    [InlineData("await ws.SendAsync({|#0:new byte[65537].AsMemory()|}, WebSocketMessageType.Binary, false, ct);", 65537)]
    [InlineData("var pixels = new byte[256 * 1024];\nawait ws.SendAsync({|#0:pixels.AsMemory(0, 128 * 1024)|}, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);", 131072)]
    public Task WarnsOnAKnownSizeOverTheDefaultFrameLimit(string body, long size)
    {
        var test = Verifier.Create(InMethod(body));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic(Infrastructure.Descriptors.OversizedSingleFrameSend).WithLocation(0).WithArguments(size, DefaultFrameLimit));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("await ws.SendAsync(new byte[65536].AsMemory(), WebSocketMessageType.Binary, true, ct);")]
    [InlineData("var buffer = new byte[1024 * 1024];\nvar read = await File.OpenRead(text).ReadAsync(buffer, ct);\nawait ws.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, true, ct);")]
    public Task QuietOnAKnownSizeWithinTheDefaultFrameLimitOrOnlyBoundedByIt(string body) => Verifier.AnalyzerAsync(InMethod(body));

    /// <summary>Once the peer is named, a known size is WSL1002's, over the configured limit or not.</summary>
    [Theory]
    [InlineData("wslimits.peer = netty")]
    [InlineData("wslimits.peer = node-ws")]
    [InlineData("wslimits.peer = gorilla")]
    [InlineData("wslimits.max_frame_bytes = 2097152")]
    [InlineData("wslimits.max_message_bytes = 65536")]
    public Task LeavesAKnownSizeToWsl1002OnceALimitIsConfigured(string editorConfig) => Verifier.Create(
        InMethod("await ws.SendAsync(new byte[1024 * 1024].AsMemory(), WebSocketMessageType.Binary, true, ct);"),
        editorConfig: editorConfig).RunAsync();

    private const string DefaultFrameLimit = "the default frame limit (wslimits.max_frame_bytes) allows frames of at most 65536 bytes";
}
