using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1001CodeFixTests
{
    private const string HelperFile = "/0/" + ChunkedSenderTemplate.TypeName + ".cs";

    [Theory]
    [InlineData(TargetFrameworks.Net80, nameof(ChunkedSenderVariant.MessageFlags))]
    [InlineData(TargetFrameworks.Net100, nameof(ChunkedSenderVariant.MessageFlags))]
    [InlineData(TargetFrameworks.NetStandard21, nameof(ChunkedSenderVariant.Memory))]
    [InlineData(TargetFrameworks.NetStandard20, nameof(ChunkedSenderVariant.ArraySegment))]
    public Task RewritesTheSendAndAddsTheHelperForTheTargetFramework(string framework, string variantName)
    {
        var variant = System.Enum.Parse<ChunkedSenderVariant>(variantName);
        var test = Verifier.Create(
            InMethod("await ws.SendAsync([|new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))|], WebSocketMessageType.Text, true, ct);"),
            framework);
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("await ws.SendChunkedAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, ct);"), ChunkedSenderTemplate.Render(variant, 65536)));
        return test.RunAsync();
    }

    [Fact]
    public Task SendsAKnownPayloadOverTheDefaultFrameLimitInFrames()
    {
        var test = Verifier.Create(InMethod("""
            var snapshot = new byte[1024 * 1024];
            await ws.SendAsync({|#0:new ArraySegment<byte>(snapshot)|}, WebSocketMessageType.Binary, true, ct);
            """));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic(Infrastructure.Descriptors.OversizedSingleFrameSend).WithLocation(0)
            .WithArguments(1048576, "the default frame limit (wslimits.max_frame_bytes) allows frames of at most 65536 bytes"));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("""
            var snapshot = new byte[1024 * 1024];
            await ws.SendChunkedAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Binary, ct);
            """), ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        return test.RunAsync();
    }

    [Fact]
    public Task KeepsMessageFlagsSoCompressionStaysAsChosen()
    {
        const string Flags = "WebSocketMessageFlags.EndOfMessage | WebSocketMessageFlags.DisableCompression";
        var test = Verifier.Create(InMethod($"await ws.SendAsync([|JsonSerializer.SerializeToUtf8Bytes(message).AsMemory()|], WebSocketMessageType.Text, {Flags}, ct);"));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod($"await ws.SendChunkedAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, {Flags}, ct);"), ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        return test.RunAsync();
    }

    [Fact]
    public Task DropsArgumentNamesAndKeepsLayoutAndConfigureAwait()
    {
        var test = Verifier.Create(InMethod("""
            await ws.SendAsync(
                buffer: [|File.ReadAllBytes(text).AsMemory()|],
                messageType: WebSocketMessageType.Binary,
                endOfMessage: true,
                cancellationToken: ct).ConfigureAwait(false);
            """));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("""
            await ws.SendChunkedAsync(
                File.ReadAllBytes(text).AsMemory(),
                WebSocketMessageType.Binary,
                ct).ConfigureAwait(false);
            """), ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        return test.RunAsync();
    }

    [Fact]
    public Task UsesTheConfiguredFrameLimitInTheHelper()
    {
        var test = Verifier.Create(
            InMethod("await ws.SendAsync([|new ArraySegment<byte>(File.ReadAllBytes(text))|], WebSocketMessageType.Binary, true, ct);"),
            editorConfig: "wslimits.max_frame_bytes = 16384");
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("await ws.SendChunkedAsync(new ArraySegment<byte>(File.ReadAllBytes(text)), WebSocketMessageType.Binary, ct);"), ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 16384)));
        return test.RunAsync();
    }

    [Fact]
    public Task ReusesAHelperTheProjectAlreadyHas()
    {
        var helper = ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536);
        var test = Verifier.Create(InMethod("await ws.SendAsync([|new ArraySegment<byte>(File.ReadAllBytes(text))|], WebSocketMessageType.Binary, true, ct);"));
        test.TestState.Sources.Add((HelperFile, helper));
        test.FixedState.Sources.Add(InMethod("await ws.SendChunkedAsync(new ArraySegment<byte>(File.ReadAllBytes(text)), WebSocketMessageType.Binary, ct);"));
        test.FixedState.Sources.Add((HelperFile, helper));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllRewritesEverySendAndAddsOneHelper()
    {
        var test = Verifier.Create(InMethod("""
            await ws.SendAsync([|new ArraySegment<byte>(File.ReadAllBytes(text))|], WebSocketMessageType.Binary, true, ct);
            await ws.SendAsync([|JsonSerializer.SerializeToUtf8Bytes(message).AsMemory()|], WebSocketMessageType.Text, true, ct);
            """));
        test.TestState.Sources.Add(("/0/Test1.cs", Usings + """
            public class Other
            {
                public Task SendAsync(WebSocket ws, string text, CancellationToken ct) =>
                    ws.SendAsync([|new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))|], WebSocketMessageType.Text, true, ct);
            }
            """));
        test.FixedState.Sources.Add(ExpectedHelper.AppendedTo(InMethod("""
            await ws.SendChunkedAsync(new ArraySegment<byte>(File.ReadAllBytes(text)), WebSocketMessageType.Binary, ct);
            await ws.SendChunkedAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, ct);
            """), ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536)));
        test.FixedState.Sources.Add(("/0/Test1.cs", Usings + """
            public class Other
            {
                public Task SendAsync(WebSocket ws, string text, CancellationToken ct) =>
                    ws.SendChunkedAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, ct);
            }
            """));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task PutsTheHelperInAFileScopedNamespaceAndImportsItElsewhere()
    {
        var test = Verifier.Create(Usings + """
            namespace Chat.Server;

            public class Broadcaster
            {
                public Task SendAsync(WebSocket ws, string text, CancellationToken ct) =>
                    ws.SendAsync([|new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))|], WebSocketMessageType.Text, true, ct);
            }
            """);
        test.TestState.Sources.Add(("/0/Test1.cs", Usings + """
            namespace Chat.Client;

            class Uploader
            {
                async Task SendAsync(WebSocket ws, string path, CancellationToken ct) =>
                    await ws.SendAsync([|File.ReadAllBytes(path).AsMemory()|], WebSocketMessageType.Binary, true, ct);
            }
            """));
        var helper = ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536);
        var helperClass = helper[helper.IndexOf("/// <summary>", System.StringComparison.Ordinal)..].TrimEnd('\n');
        test.FixedState.Sources.Add(Usings.Replace("using System.Net.WebSockets;\n", "using System.Net.WebSockets;\nusing System.Runtime.CompilerServices;\n") + $$"""
            namespace Chat.Server;

            public class Broadcaster
            {
                public Task SendAsync(WebSocket ws, string text, CancellationToken ct) =>
                    ws.SendChunkedAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, ct);
            }

            {{helperClass}}

            """);
        test.FixedState.Sources.Add(("/0/Test1.cs", Usings.Replace("using System.Threading.Tasks;\n", "using System.Threading.Tasks;\nusing Chat.Server;\n") + """
            namespace Chat.Client;

            class Uploader
            {
                async Task SendAsync(WebSocket ws, string path, CancellationToken ct) =>
                    await ws.SendChunkedAsync(File.ReadAllBytes(path).AsMemory(), WebSocketMessageType.Binary, ct);
            }
            """));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixWhenEndOfMessageIsNotAConstant() => NoFixAsync(InMethod(
        "await ws.SendAsync([|new ArraySegment<byte>(File.ReadAllBytes(text))|], WebSocketMessageType.Binary, last, ct);",
        parameters: "WebSocket ws, string text, bool last, CancellationToken ct"));

    [Fact]
    public Task OffersNoFixWhereTheValueTaskIsKept() => NoFixAsync(Usings + """
        public class Sender
        {
            public ValueTask SendAsync(WebSocket ws, string text, CancellationToken ct) =>
                ws.SendAsync([|Encoding.UTF8.GetBytes(text).AsMemory()|], WebSocketMessageType.Text, true, ct);
        }
        """);

    private static Task NoFixAsync(string source)
    {
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }
}
