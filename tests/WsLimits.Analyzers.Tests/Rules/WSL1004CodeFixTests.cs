using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.MessageNeverEndedAnalyzer, WsLimits.Analyzers.CodeFixes.MessageNeverEndedCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1004CodeFixTests
{
    [Theory]
    [InlineData("0", "WebSocketMessageFlags.EndOfMessage")]
    [InlineData("WebSocketMessageFlags.None", "WebSocketMessageFlags.EndOfMessage")]
    [InlineData("(WebSocketMessageFlags)0", "WebSocketMessageFlags.EndOfMessage")]
    [InlineData("WebSocketMessageFlags.DisableCompression", "WebSocketMessageFlags.DisableCompression | WebSocketMessageFlags.EndOfMessage")]
    public Task EndsTheMessageInTheFlags(string flags, string ended)
    {
        var test = Verifier.Create(InMethod($$"""
            var bytes = Encoding.UTF8.GetBytes(text);
            await ws.SendAsync(bytes, WebSocketMessageType.Text, [|{{flags}}|], ct);
            """));
        test.FixedCode = InMethod($$"""
            var bytes = Encoding.UTF8.GetBytes(text);
            await ws.SendAsync(bytes, WebSocketMessageType.Text, {{ended}}, ct);
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task QualifiesTheFlagOnlyWhereTheNamespaceIsNotImported()
    {
        const string Before = """
            class Sender
            {
                System.Threading.Tasks.Task SendAsync(System.Net.WebSockets.WebSocket ws, byte[] bytes) =>
                    ws.SendAsync(bytes, System.Net.WebSockets.WebSocketMessageType.Text, [|0|], default).AsTask();
            }
            """;
        var test = Verifier.Create(Before);
        test.FixedCode = Before.Replace("[|0|]", "System.Net.WebSockets.WebSocketMessageFlags.EndOfMessage");
        return test.RunAsync();
    }

    [Fact]
    public Task SendsAFreshPayloadAsAWholeMessage()
    {
        const string Loop = """
            var buffer = new byte[4096];
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            while (!result.CloseStatus.HasValue)
            {
                var state = JsonSerializer.Serialize(message);
                await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(state)), result.MessageType, END, CancellationToken.None);
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            }
            """;
        var test = Verifier.Create(InMethod(Loop.Replace("END", "[|result.EndOfMessage|]")));
        test.FixedCode = InMethod(Loop.Replace("END", "true"));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllEndsEveryMessageInTheDocument()
    {
        var test = Verifier.Create(InMethod("""
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, [|0|], ct);
            """) + """

            public class Other
            {
                public ValueTask PingAsync(WebSocket ws, CancellationToken ct) =>
                    ws.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, [|WebSocketMessageFlags.DisableCompression|], ct);
            }
            """);
        test.FixedCode = InMethod("""
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, ct);
            """) + """

            public class Other
            {
                public ValueTask PingAsync(WebSocket ws, CancellationToken ct) =>
                    ws.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, WebSocketMessageFlags.DisableCompression | WebSocketMessageFlags.EndOfMessage, ct);
            }
            """;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixForAFragmentLoop()
    {
        var source = InMethod("""
            foreach (var chunk in chunks)
            {
                await ws.SendAsync(chunk, WebSocketMessageType.Binary, [|WebSocketMessageFlags.None|], ct);
            }
            """, "WebSocket ws, ReadOnlyMemory<byte>[] chunks, CancellationToken ct");
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }
}
