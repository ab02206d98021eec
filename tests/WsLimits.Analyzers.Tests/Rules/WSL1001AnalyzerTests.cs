using System.Threading.Tasks;
using WsLimits.Analyzers.CodeFixes;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1001AnalyzerTests
{
    private const string DefaultFrameLimit = "the default frame limit (wslimits.max_frame_bytes) allows frames of at most 65536 bytes";

    public static TheoryData<string> AllFrameworks => new()
    {
        TargetFrameworks.Net80,
        TargetFrameworks.Net100,
        TargetFrameworks.NetStandard20,
    };

    [Theory]
    [MemberData(nameof(AllFrameworks))]
    public Task FlagsSystemTextJsonBytesSentAsOneFrame(string framework) => Verifier.AnalyzerAsync(
        InMethod("await ws.SendAsync({|#0:new ArraySegment<byte>(JsonSerializer.SerializeToUtf8Bytes(message))|}, WebSocketMessageType.Text, true, ct);"),
        framework,
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes", "frame", DefaultFrameLimit));

    [Theory]
    [MemberData(nameof(AllFrameworks))]
    public Task FlagsSerializedStringEncodedThroughLocals(string framework) => Verifier.AnalyzerAsync(
        InMethod("""
            var json = JsonSerializer.Serialize(message);
            var bytes = Encoding.UTF8.GetBytes(json);
            await ws.SendAsync({|#0:new ArraySegment<byte>(bytes)|}, WebSocketMessageType.Text, true, ct);
            """),
        framework,
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsMessagePackOutputInEitherBranch() => Verifier.AnalyzerAsync(
        InMethod("""
            byte[] bytes = text.Length > 0
                ? MessagePack.MessagePackSerializer.Serialize(message)
                : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message));
            await ws.SendAsync({|#0:new ArraySegment<byte>(bytes)|}, WebSocketMessageType.Binary, true, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("MessagePackSerializer.Serialize", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsNewtonsoftJsonOutput() => Verifier.AnalyzerAsync(
        InMethod("""
            var bytes = Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(message));
            await ws.SendAsync({|#0:new ArraySegment<byte>(bytes)|}, WebSocketMessageType.Text, true, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonConvert.SerializeObject", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsEncodingOfNonConstantString() => Verifier.AnalyzerAsync(
        InMethod("await ws.SendAsync({|#0:Encoding.UTF8.GetBytes(text).AsMemory()|}, WebSocketMessageType.Text, true, ct);"),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("the 'text' parameter of the public 'Sender.SendAsync'", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsInterpolationWithAStringPart() => Verifier.AnalyzerAsync(
        InMethod("await ws.SendAsync([|Encoding.UTF8.GetBytes($\"say:{text}\").AsMemory()|], WebSocketMessageType.Text, true, ct);"));

    [Fact]
    public Task FlagsMemoryStreamContents() => Verifier.AnalyzerAsync(InMethod("""
        using var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, message);
        await ws.SendAsync([|new ArraySegment<byte>(stream.ToArray())|], WebSocketMessageType.Binary, true, ct);
        await ws.SendAsync([|new ArraySegment<byte>(stream.GetBuffer(), 0, (int)stream.Length)|], WebSocketMessageType.Binary, true, ct);
        """));

    [Fact]
    public Task FlagsWholeFileReads() => Verifier.AnalyzerAsync(InMethod("""
        var file = await File.ReadAllBytesAsync("upload.bin", ct);
        await ws.SendAsync([|file.AsMemory()|], WebSocketMessageType.Binary, true, ct);
        await ws.SendAsync([|new ArraySegment<byte>(File.ReadAllBytes("upload.bin"))|], WebSocketMessageType.Binary, true, ct);
        """));

    [Fact]
    public Task FlagsStringBuilderOutput() => Verifier.AnalyzerAsync(InMethod("""
        var builder = new StringBuilder();
        builder.Append(text).Append(text);
        await ws.SendAsync([|Encoding.UTF8.GetBytes(builder.ToString()).AsMemory()|], WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task FlagsTheMessageFlagsOverload() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await ws.SendAsync([|bytes.AsMemory()|], WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage | WebSocketMessageFlags.DisableCompression, ct);
        """));

    [Fact]
    public Task FlagsSendsOnWebSocketSubtypes() => Verifier.AnalyzerAsync(InMethod(
        "await ws.SendAsync([|new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))|], WebSocketMessageType.Text, true, ct);",
        parameters: "ClientWebSocket ws, string text, CancellationToken ct"));

    [Fact]
    public Task FlagsEitherBranchOfAConditional() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = text.Length == 0 ? new byte[16] : File.ReadAllBytes(text);
        await ws.SendAsync([|new ArraySegment<byte>(bytes)|], WebSocketMessageType.Binary, true, ct);
        """));

    [Fact]
    public Task ReportsTheConfiguredFrameLimit()
    {
        var test = Verifier.Create(
            InMethod("await ws.SendAsync({|#0:new ArraySegment<byte>(File.ReadAllBytes(text))|}, WebSocketMessageType.Binary, true, ct);"),
            editorConfig: "wslimits.max_frame_bytes = 32768");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("File.ReadAllBytes", "frame", "wslimits.max_frame_bytes allows frames of at most 32768 bytes"));
        return test.RunAsync();
    }

    [Fact]
    public Task QuietOnConstantPayloads() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("ping")), WebSocketMessageType.Text, true, ct);
        await ws.SendAsync("pong"u8.ToArray(), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct);
        await ws.SendAsync(new byte[] { 1, 2, 3 }.AsMemory(), WebSocketMessageType.Binary, true, ct);
        """));

    [Fact]
    public Task QuietOnInterpolationOfBoundedValues() => Verifier.AnalyzerAsync(InMethod(
        "await ws.SendAsync(Encoding.UTF8.GetBytes($\"ack:{id}:{DateTime.UtcNow}:{Guid.NewGuid()}\").AsMemory(), WebSocketMessageType.Text, true, ct);",
        parameters: "WebSocket ws, int id, CancellationToken ct"));

    [Fact]
    public Task QuietOnALoopSendingAFixedBuffer() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        int read;
        while ((read = await source.ReadAsync(buffer, 0, buffer.Length, ct)) > 0)
        {
            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, false, ct);
        }

        await ws.SendAsync(new ArraySegment<byte>(buffer, 0, 0), WebSocketMessageType.Binary, true, ct);
        """,
        parameters: "WebSocket ws, Stream source, CancellationToken ct"));

    [Fact]
    public Task QuietOnSlicesBoundedWithMathMin() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        for (var offset = 0; offset < bytes.Length; offset += 16384)
        {
            var count = Math.Min(16384, bytes.Length - offset);
            await ws.SendAsync(new ArraySegment<byte>(bytes, offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, ct);
            await ws.SendAsync(bytes.AsMemory(offset, Math.Min(bytes.Length - offset, 16384)), WebSocketMessageType.Text, false, ct);
        }
        """));

    [Fact]
    public Task QuietOnMemorySlicesOfBoundedLength() => Verifier.AnalyzerAsync(InMethod("""
        ReadOnlyMemory<byte> remaining = JsonSerializer.SerializeToUtf8Bytes(message);
        while (!remaining.IsEmpty)
        {
            var frame = remaining.Slice(0, Math.Min(remaining.Length, 8192));
            remaining = remaining.Slice(frame.Length);
            await ws.SendAsync(frame, WebSocketMessageType.Text, remaining.IsEmpty, ct);
        }
        """));

    [Fact]
    public Task QuietOnPooledBuffersOfBoundedSize() => Verifier.AnalyzerAsync(InMethod("""
        var rented = ArrayPool<byte>.Shared.Rent(4096);
        var written = Encoding.UTF8.GetBytes(text, 0, Math.Min(text.Length, 1024), rented, 0);
        await ws.SendAsync(new ArraySegment<byte>(rented, 0, written), WebSocketMessageType.Text, true, ct);
        ArrayPool<byte>.Shared.Return(rented);
        """));

    [Fact]
    public Task QuietWhenTheLengthIsCheckedBeforeSending() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 65536)
        {
            throw new InvalidOperationException("message too big");
        }

        await ws.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietOnParametersOfAnInternalHelperNobodyCalls() => Verifier.AnalyzerAsync(Usings + """
        internal static class Frames
        {
            internal static async Task SendAsync(WebSocket ws, byte[] payload, ArraySegment<byte> segment, CancellationToken ct)
            {
                await ws.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Binary, true, ct);
                await ws.SendAsync(segment, WebSocketMessageType.Binary, true, ct);
                var copy = payload;
                await ws.SendAsync(copy.AsMemory(), WebSocketMessageType.Binary, true, ct);
            }
        }
        """);

    [Fact]
    public Task QuietOnLocalsWrittenWhereTheAnalysisCannotFollow() => Verifier.AnalyzerAsync(InMethod("""
        var bytes = Encoding.UTF8.GetBytes(text);
        Refill(ref bytes);
        await ws.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, ct);
        foreach (var chunk in new[] { new byte[1], new byte[2] })
        {
            await ws.SendAsync(new ArraySegment<byte>(chunk), WebSocketMessageType.Binary, true, ct);
        }

        static void Refill(ref byte[] buffer) => buffer = new byte[16];
        """));

    [Fact]
    public Task QuietOnSendAsyncOfOtherTypes() => Verifier.AnalyzerAsync(Usings + """
        class Channel
        {
            public Task SendAsync(ArraySegment<byte> payload, WebSocketMessageType type, bool endOfMessage, CancellationToken ct) => Task.CompletedTask;

            async Task UseAsync(string text, CancellationToken ct)
            {
                await SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct);
            }
        }
        """);
}
