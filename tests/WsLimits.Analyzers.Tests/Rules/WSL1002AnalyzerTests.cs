using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.PayloadOverLimitAnalyzer, WsLimits.Analyzers.CodeFixes.PayloadOverLimitCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1002AnalyzerTests
{
    [Fact]
    public Task FlagsAFixedSizeBufferOverTheProfilesFrameLimit() => RunAsync(
        "wslimits.peer = netty",
        InMethod("""
            var buffer = new byte[128 * 1024];
            await ws.SendAsync({|#0:new ArraySegment<byte>(buffer)|}, WebSocketMessageType.Binary, true, ct);
            """),
        131072,
        "peer profile 'netty' allows frames of at most 65536 bytes");

    [Fact]
    public Task FlagsAConstantTextOverTheMessageLimit() => RunAsync(
        "wslimits.max_message_bytes = 16",
        InMethod("""await ws.SendAsync({|#0:Encoding.UTF8.GetBytes("a greeting longer than sixteen bytes")|}, WebSocketMessageType.Text, true, ct);"""),
        36,
        "wslimits.max_message_bytes allows messages of at most 16 bytes");

    [Fact]
    public Task CountsUtf8BytesOfConstantsExactly() => RunAsync(
        "wslimits.max_message_bytes = 4",
        InMethod("""await ws.SendAsync({|#0:Encoding.UTF8.GetBytes("ééé")|}, WebSocketMessageType.Text, true, ct);"""),
        6,
        "wslimits.max_message_bytes allows messages of at most 4 bytes");

    [Fact]
    public Task NamesTheMessageLimitWhenBothAreExceeded() => RunAsync(
        "wslimits.peer = aws-apigateway",
        InMethod("await ws.SendAsync({|#0:new byte[200_000]|}, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);"),
        200000,
        "peer profile 'aws-apigateway' allows messages of at most 131072 bytes");

    [Fact]
    public Task FlagsAFragmentOverTheFrameLimit() => RunAsync(
        "wslimits.max_frame_bytes = 1024",
        InMethod("""
            var chunk = ArrayPool<byte>.Shared.Rent(4096);
            await ws.SendAsync({|#0:chunk.AsMemory(0, 2048)|}, WebSocketMessageType.Binary, false, ct);
            """),
        2048,
        "wslimits.max_frame_bytes allows frames of at most 1024 bytes");

    [Fact]
    public Task FlagsAStackallocatedBufferOverTheLimit() => RunAsync(
        "wslimits.max_frame_bytes = 1024",
        Usings + """
            class Sender
            {
                Task SendAsync(WebSocket ws, CancellationToken ct)
                {
                    Span<byte> header = stackalloc byte[4096];
                    return ws.SendAsync({|#0:header.ToArray().AsMemory()|}, WebSocketMessageType.Binary, true, ct).AsTask();
                }
            }
            """,
        4096,
        "wslimits.max_frame_bytes allows frames of at most 1024 bytes");

    [Fact]
    public Task QuietOnTheUnconfiguredDefault() => Verifier.AnalyzerAsync(
        InMethod("await ws.SendAsync(new byte[1_000_000].AsMemory(), WebSocketMessageType.Binary, true, ct);"));

    [Theory]
    [InlineData("wslimits.peer = netty")]
    [InlineData("wslimits.peer = gorilla")]
    [InlineData("wslimits.max_message_bytes = 65536")]
    public Task QuietOnPayloadsThatMayFit(string editorConfig) => Verifier.Create(InMethod("""
        var buffer = new byte[128 * 1024];
        var read = await source.ReadAsync(buffer, 0, 65536, ct);
        await ws.SendAsync(new ArraySegment<byte>(buffer, 0, read), WebSocketMessageType.Binary, true, ct);
        await ws.SendAsync(new ArraySegment<byte>(buffer, 0, Math.Min(read, 4096)), WebSocketMessageType.Binary, true, ct);
        await ws.SendAsync(buffer.AsMemory(65536), WebSocketMessageType.Binary, true, ct);
        var rented = ArrayPool<byte>.Shared.Rent(1024);
        await ws.SendAsync(rented.AsMemory(0, 1024), WebSocketMessageType.Binary, true, ct);
        await ws.SendAsync(rented.AsMemory(), WebSocketMessageType.Binary, true, ct);
        """,
        parameters: "WebSocket ws, Stream source, CancellationToken ct"), editorConfig: editorConfig).RunAsync();

    private static Task RunAsync(string editorConfig, string source, long minimum, string limit)
    {
        var test = Verifier.Create(source, editorConfig: editorConfig);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(minimum, limit));
        return test.RunAsync();
    }
}
