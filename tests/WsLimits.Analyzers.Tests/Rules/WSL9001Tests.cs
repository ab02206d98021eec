using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.LimitOptionsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL9001Tests
{
    private static readonly string Source = InMethod("await ws.SendAsync(new byte[16].AsMemory(), WebSocketMessageType.Binary, true, ct);");

    [Theory]
    [InlineData("64k")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public Task ReportsAFrameLimitThatIsNotAPositiveWholeNumber(string value) => RunAsync(
        $"wslimits.max_frame_bytes = {value}",
        Verifier.Diagnostic().WithArguments(
            $"'wslimits.max_frame_bytes = {value}' is not a whole number of bytes from 1 to 2147483647; using the peer profile's frame limit, or the default 65536"));

    [Fact]
    public Task ReportsAnUnknownKeyWithTheKnownOnes() => RunAsync(
        "wslimits.max_frame_size = 1024",
        Verifier.Diagnostic().WithArguments("'wslimits.max_frame_size' is not a WsLimits option; known options: wslimits.peer, wslimits.max_frame_bytes, wslimits.max_message_bytes, wslimits.max_receive_message_bytes, wslimits.signalr.max_receive_message_bytes, wslimits.public_callers"));

    [Fact]
    public Task ReportsAPublicCallersValueItDoesNotKnow() => RunAsync(
        "wslimits.public_callers = mine",
        Verifier.Diagnostic().WithArguments("'wslimits.public_callers = mine' is neither 'any' nor 'visible'; using 'any'"));

    [Fact]
    public Task ReportsEachProblemOnceForAllFiles()
    {
        var test = Verifier.Create(Source, editorConfig: "wslimits.max_frame_bytes = big");
        test.TestState.Sources.Add(("/0/Other.cs", "class Other { }"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithArguments(
            "'wslimits.max_frame_bytes = big' is not a whole number of bytes from 1 to 2147483647; using the peer profile's frame limit, or the default 65536"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("wslimits.max_message_bytes", "1MB", "using the peer profile's message limit, or none")]
    [InlineData("wslimits.max_receive_message_bytes", "-5", "using the default 1048576")]
    [InlineData("wslimits.signalr.max_receive_message_bytes", "32KB", "using SignalR's default 32768")]
    public Task ReportsEveryByteCountKeyWithItsFallback(string key, string value, string fallback) => RunAsync(
        $"{key} = {value}",
        Verifier.Diagnostic().WithArguments($"'{key} = {value}' is not a whole number of bytes from 1 to 2147483647; {fallback}"));

    [Fact]
    public Task ReportsAnUnknownPeerWithTheKnownProfiles() => RunAsync(
        "wslimits.peer = nginx",
        Verifier.Diagnostic().WithArguments(
            "'wslimits.peer = nginx' is not a known peer profile; known profiles: netty, spring-webflux, aws-apigateway, node-ws, python-websockets, gorilla, coder-websocket, jetty, tomcat, socketio, signalr"));

    [Theory]
    [InlineData("wslimits.peer = node-ws")]
    [InlineData("wslimits.peer = Netty")]
    [InlineData("wslimits.max_message_bytes = 131072")]
    [InlineData("wslimits.max_receive_message_bytes = 4_194_304")]
    [InlineData("wslimits.max_frame_bytes = 65536")]
    [InlineData("wslimits.max_frame_bytes = 65_536")]
    [InlineData("dotnet_diagnostic.WSL1001.severity = error")]
    public Task QuietOnValidConfiguration(string line) => RunAsync(line);

    private static Task RunAsync(string editorConfig, params DiagnosticResult[] expected)
    {
        var test = Verifier.Create(Source, editorConfig: editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
