using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>No analyzer throws on empty, broken or half-typed code, and none works where no WebSocket type is referenced.</summary>
public sealed class AnalyzerRobustnessTests
{
    private const string Usings = "using System; using System.Net.WebSockets; using System.Text; using System.Threading; using System.Threading.Tasks;\n";

    public static TheoryData<string> BrokenSources => new()
    {
        "",
        "class",
        "namespace N { class C { void M( } }",
        Usings + "class C { async Task M(WebSocket ws) { await ws.SendAsync(",
        Usings + "class C { async Task M(WebSocket ws, string s) { await ws.SendAsync(Encoding.UTF8.GetBytes(s), ); } }",
        Usings + "class C { async Task M(WebSocket ws) { await ws.SendAsync(); } }",
        Usings + "class C { async Task M(WebSocket ws) { await ws.SendAsync(Missing.Bytes(), WebSocketMessageType.Text, true, default); } }",
        Usings + "class C { async Task M(WebSocket ws) { await ws.SendAsync(endOfMessage: true, buffer: new ArraySegment<byte>(Undefined), messageType: 0, cancellationToken: default); } }",
        Usings + "class C { async Task M(WebSocket ws) { var a = a; await ws.SendAsync(new ArraySegment<byte>(a), WebSocketMessageType.Text, true, default); } }",
        Usings + "class C { async Task M(WebSocket ws) { byte[] a = null; var b = a; a = b; await ws.SendAsync(new ArraySegment<byte>(a), WebSocketMessageType.Text, true, default); } }",
        Usings + "class C { async Task M(WebSocket ws, string s) { var b = Encoding.UTF8.GetBytes(s); await ws.SendAsync(b.AsMemory(..), WebSocketMessageType.Text, true, default); } }",
        Usings + "class C : WebSocket { }",
        Usings + "class C { Task SendAsync(ArraySegment<byte> b) => Task.CompletedTask; async Task M(string s) { await SendAsync(Encoding.UTF8.GetBytes(s)); } }",
        Usings + "await new ClientWebSocket().SendAsync(Encoding.UTF8.GetBytes(args[0]), WebSocketMessageType.Text, true, default);",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task AnalyzersNeverThrowOnBrokenOrHalfTypedCode(string source)
    {
        var result = await AnalyzerHost.RunAsync(AnalyzerHost.CompileWithWebSockets(source));
        Assert.Empty(result.Exceptions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("class")]
    [InlineData("class C { }")]
    public async Task AnalyzersStaySilentOnCodeWithoutSends(string source)
    {
        var result = await AnalyzerHost.RunAsync(AnalyzerHost.CompileWithWebSockets(source));
        Assert.Empty(result.Exceptions);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(PackageContents.AnalyzerNames), MemberType = typeof(PackageContents))]
    public async Task AnalyzerRegistersNothingWithoutWebSocketTypes(string analyzerName)
    {
        var result = await AnalyzerHost.RunAsync(AnalyzerHost.CompileWithoutWebSockets(
            "class SendAsyncLookalike { void SendAsync(byte[] b) { } void M() => SendAsync(new byte[1 << 20]); }"));

        var telemetry = result.Telemetry[analyzerName];
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount
            + telemetry.CompilationEndActionsCount + telemetry.CompilationActionsCount + telemetry.SyntaxTreeActionsCount
            + telemetry.OperationBlockActionsCount + telemetry.CodeBlockActionsCount + telemetry.SemanticModelActionsCount);
        Assert.Empty(result.Exceptions);
    }
}
