using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL1001 on serializer output, sized by the shape of what is serialized.</summary>
public sealed class WSL1001SerializedShapeTests
{
    private const string Messages = """

        public sealed class Subscribe
        {
            public string Channel { get; set; } = "";
            public long Id { get; set; }
            public SubscribeKind Kind { get; set; }
        }

        public enum SubscribeKind { Trades, Quotes }

        public readonly struct Heartbeat
        {
            public int Op { get; init; }
            public long? Sequence { get; init; }
            public System.DateTimeOffset SentAt { get; init; }
        }

        public class Envelope
        {
            public int Op { get; set; }
        }

        public sealed class Batch
        {
            public int Op { get; set; }
            public System.Collections.Generic.List<string> Items { get; set; } = new();
        }
        """;

    [Theory]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new { op = 1, d = sequence })")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new { op = \"subscribe\", args = new { channel = \"trades\", id = sequence } })")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new Subscribe { Channel = \"trades\", Id = sequence, Kind = SubscribeKind.Quotes })")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(heartbeat)")]
    public Task QuietOnObjectsWhoseShapeBoundsWhatIsWritten(string serialized) => Verifier.AnalyzerAsync(InMethod(
        $"await ws.SendAsync({serialized}.AsMemory(), WebSocketMessageType.Text, true, ct);",
        "WebSocket ws, Heartbeat heartbeat, long sequence, string text, CancellationToken ct") + Messages);

    [Fact]
    public Task QuietOnALocalHoldingAFixedShapeObject() => Verifier.AnalyzerAsync(InMethod("""
        var ping = new { type = "ping", at = System.DateTime.UtcNow };
        await ws.SendAsync(JsonSerializer.SerializeToUtf8Bytes(ping).AsMemory(), WebSocketMessageType.Text, true, ct);
        """) + Messages);

    [Theory]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new { type = \"say\", text })", "JsonSerializer.SerializeToUtf8Bytes")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new Subscribe { Channel = text })", "JsonSerializer.SerializeToUtf8Bytes")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(new Batch { Op = 2 })", "JsonSerializer.SerializeToUtf8Bytes")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(envelope)", "JsonSerializer.SerializeToUtf8Bytes")]
    [InlineData("JsonSerializer.SerializeToUtf8Bytes(subscribe)", "JsonSerializer.SerializeToUtf8Bytes")]
    public Task FlagsObjectsThatCanGrow(string serialized, string origin) => Verifier.AnalyzerAsync(
        InMethod(
            $"await ws.SendAsync({{|#0:{serialized}.AsMemory()|}}, WebSocketMessageType.Text, true, ct);",
            "WebSocket ws, Envelope envelope, Subscribe subscribe, string text, CancellationToken ct") + Messages,
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments(origin, "frame", "the default frame limit (wslimits.max_frame_bytes) allows frames of at most 65536 bytes"));
}
