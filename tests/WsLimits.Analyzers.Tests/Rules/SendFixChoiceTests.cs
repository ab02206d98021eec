using System.Threading.Tasks;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.CodeFixes.MessageSplit;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;
using WSL1002Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.PayloadOverLimitAnalyzer, WsLimits.Analyzers.CodeFixes.PayloadOverLimitCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>
/// The send fixes follow the peer: frames of the limit where only frames are limited, split messages where messages
/// are, with parts that fit the smaller of the two limits.
/// </summary>
public sealed class SendFixChoiceTests
{
    private static readonly string Send = InMethod(
        "await ws.SendAsync([|JsonSerializer.SerializeToUtf8Bytes(message).AsMemory()|], WebSocketMessageType.Text, true, ct);");

    private static readonly string Chunked = InMethod(
        "await ws.SendChunkedAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, ct);");

    private static readonly string Split = InMethod(
        "await ws.SendSplitAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, ct);");

    [Theory]
    [InlineData("netty", 65536)]
    [InlineData("spring-webflux", 65536)]
    public Task PerFramePeersGetFramesOfTheirLimit(string peer, int maxFrameBytes) =>
        FixAsync(peer, ExpectedHelper.AppendedTo(Chunked, ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, maxFrameBytes)));

    [Theory]
    [InlineData("aws-apigateway", 32768)]
    [InlineData("node-ws", 104857600)]
    [InlineData("python-websockets", 1048576)]
    [InlineData("coder-websocket", 32768)]
    [InlineData("jetty", 65536)]
    [InlineData("tomcat", 8192)]
    [InlineData("socketio", 1000000)]
    [InlineData("signalr", 32768)]
    public Task PerMessagePeersGetSplitMessagesThatFitEveryLimit(string peer, int maxPartBytes) =>
        FixAsync(peer, ExpectedHelper.AppendedTo(Split, SplitMessageTemplate.Render(ChunkedSenderVariant.MessageFlags, maxPartBytes)));

    [Fact]
    public Task WithoutAProfileTheDefaultFrameLimitGetsFrames()
    {
        var test = Verifier.Create(Send);
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(Chunked, ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        return test.RunAsync();
    }

    [Fact]
    public Task SplitsForTheArraySegmentOnlyFrameworks()
    {
        var test = Verifier.Create(
            InMethod("await ws.SendAsync([|new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))|], WebSocketMessageType.Text, true, ct);"),
            TargetFrameworks.NetStandard20,
            editorConfig: "wslimits.peer = python-websockets");
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod("await ws.SendSplitAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, ct);"),
            SplitMessageTemplate.Render(ChunkedSenderVariant.ArraySegment, 1048576)));
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoSplitThatWouldDropCompressionFlags()
    {
        var source = InMethod("await ws.SendAsync([|File.ReadAllBytes(text).AsMemory()|], WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage | WebSocketMessageFlags.DisableCompression, ct);");
        var test = Verifier.Create(source, editorConfig: "wslimits.peer = node-ws");
        test.FixedCode = source;
        return test.RunAsync();
    }

    [Fact]
    public Task PayloadsOverTheLimitGetTheSameChoice()
    {
        var test = WSL1002Verifier.Create(
            InMethod("await ws.SendAsync({|WSL1002:new byte[100_000].AsMemory()|}, WebSocketMessageType.Binary, true, ct);"),
            editorConfig: "wslimits.peer = jetty");
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(
            InMethod("await ws.SendSplitAsync(new byte[100_000].AsMemory(), WebSocketMessageType.Binary, ct);"),
            SplitMessageTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        return test.RunAsync();
    }

    private static Task FixAsync(string peer, string expected)
    {
        var test = Verifier.Create(Send, editorConfig: $"wslimits.peer = {peer}");
        test.FixedState.Sources.Add(expected);
        return test.RunAsync();
    }
}
