using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsLimits.Analyzers.CodeFixes.MessageReceive;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.EndOfMessageIgnoredAnalyzer, WsLimits.Analyzers.CodeFixes.EndOfMessageIgnoredCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2001CodeFixTests
{
    private const string HelperFile = "/0/" + MessageReceiverTemplate.TypeName + ".cs";

    private const string DocsSampleLoop = """
        var buffer = new byte[1024 * 4];
        while (ws.State == WebSocketState.Open)
        {
            var result = await ws.RECEIVE(new ArraySegment<byte>(buffer), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            Handle(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        """;

    [Theory]
    [InlineData(TargetFrameworks.Net80)]
    [InlineData(TargetFrameworks.Net100)]
    [InlineData(TargetFrameworks.NetStandard20)]
    public Task ReceivesThroughTheHelperForTheTargetFramework(string framework)
    {
        var test = Verifier.Create(InMethod(DocsSampleLoop.Replace("ws.RECEIVE(new ArraySegment<byte>(buffer), ct)", "[|ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct)|]")), framework);
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod(DocsSampleLoop.Replace("RECEIVE", MessageReceiverTemplate.MethodName)), HelperFor(framework)));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllRewritesEveryReceiveAndAddsOneHelper()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[8192];
            var first = await [|ws.ReceiveAsync(buffer.AsMemory(), ct)|];
            var command = JsonSerializer.Deserialize<string[]>(buffer.AsSpan(0, first.Count));
            """));
        test.TestState.Sources.Add(("/0/Test1.cs", WSL1001Sources.Usings + """
            class Other
            {
                async Task<string> ReadAsync(WebSocket ws, byte[] buffer)
                {
                    var result = await [|ws.ReceiveAsync(new ArraySegment<byte>(buffer), default)|];
                    return Encoding.UTF8.GetString(buffer, 0, result.Count);
                }
            }
            """));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("""
            var buffer = new byte[8192];
            var first = await ws.ReceiveMessageAsync(buffer.AsMemory(), ct);
            var command = JsonSerializer.Deserialize<string[]>(buffer.AsSpan(0, first.Count));
            """), HelperFor(TargetFrameworks.Net80)));
        test.FixedState.Sources.Add(("/0/Test1.cs", WSL1001Sources.Usings + """
            class Other
            {
                async Task<string> ReadAsync(WebSocket ws, byte[] buffer)
                {
                    var result = await ws.ReceiveMessageAsync(new ArraySegment<byte>(buffer), default);
                    return Encoding.UTF8.GetString(buffer, 0, result.Count);
                }
            }
            """));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }

    /// <summary>The helper as the fix renders it for a framework's WebSocket type.</summary>
    private static string HelperFor(string framework)
    {
        var references = TargetFrameworks.For(framework).ResolveAsync(LanguageNames.CSharp, default).GetAwaiter().GetResult();
        var compilation = CSharpCompilation.Create("Probe", references: references);
        return MessageReceiverTemplate.Render(compilation, compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocket")!);
    }
}
