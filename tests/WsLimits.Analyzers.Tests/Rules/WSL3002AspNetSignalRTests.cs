using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsLimits.Analyzers.Tests.Meta;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.SignalRSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.SignalRReceiveLimitDisabledAnalyzer, WsLimits.Analyzers.CodeFixes.SignalRReceiveLimitDisabledCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL3002 on ASP.NET SignalR 2's <c>MaxIncomingWebSocketMessageSize</c>, with and without its assembly.</summary>
public sealed class WSL3002AspNetSignalRTests
{
    private const string NullRemovesTheLimit = "MaxIncomingWebSocketMessageSize is null, which removes SignalR 2's limit on WebSocket messages";

    [Fact]
    public Task FlagsANullLimitAndRestoresSignalR2sDefault()
    {
        var test = Verifier.Create(Startup("{|#0:GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = null|};"), TargetFrameworks.Net472AspNetSignalR);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            NullRemovesTheLimit, "a message of any size", "such as SignalR 2's default of 65536 bytes"));
        test.FixedCode = Startup("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = 65_536;");
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsAnUnboundingLimitOnAConfigurationManagerClassAndWritesTheContractsLimit()
    {
        var test = Verifier.Create(
            Startup("var configuration = new DefaultConfigurationManager(); {|#0:configuration.MaxIncomingWebSocketMessageSize = int.MaxValue|};"),
            TargetFrameworks.Net472AspNetSignalR,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaxIncomingWebSocketMessageSize is 2147483647, which bounds nothing in practice",
            "a message of any size",
            "1048576 bytes, the contract's wslimits.signalr.max_receive_message_bytes"));
        test.FixedCode = Startup("var configuration = new DefaultConfigurationManager(); configuration.MaxIncomingWebSocketMessageSize = 1_048_576;");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = 32 * 1024;")]
    [InlineData("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = 4 * 1024 * 1024;")]
    [InlineData("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = Environment.ProcessorCount > 0 ? null : 1;")]
    [InlineData("GlobalHost.Configuration.DefaultMessageBufferSize = 100;")]
    [InlineData("GlobalHost.Configuration.DefaultMessageBufferSize = int.MaxValue;")]
    [InlineData("new Lookalike().MaxIncomingWebSocketMessageSize = null;")]
    public Task QuietOnSettingsThatKeepALimitOrAreNoReceiveLimit(string statement) =>
        Verifier.Create(Startup(statement), TargetFrameworks.Net472AspNetSignalR).RunAsync();

    [Fact]
    public Task FlagsTheUnboundMemberByNameWhereSignalR2IsNotReferenced()
    {
        var test = Verifier.Create(
            Startup("""
                {|#0:GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = null|};
                GlobalHost.Configuration.DefaultMessageBufferSize = 100;
                """),
            TargetFrameworks.Net100AspNetCore);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            NullRemovesTheLimit, "a message of any size", "such as SignalR 2's default of 65536 bytes"));
        test.FixedCode = Startup("""
            GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = 65_536;
            GlobalHost.Configuration.DefaultMessageBufferSize = 100;
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task QuietOnALookalikeThatBindsWhereSignalR2IsNotReferenced() =>
        Verifier.Create(Startup("new Lookalike().MaxIncomingWebSocketMessageSize = null;", Usings), TargetFrameworks.Net100AspNetCore).RunAsync();

    [Fact]
    public async Task RegistersNothingWhereNeitherSignalRIsReferenced()
    {
        var result = await AnalyzerHost.RunAsync(AnalyzerHost.CompileWithWebSockets(Startup("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = null;")));

        Assert.Empty(result.Exceptions);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == "WSL3002");
        Assert.Equal(0, result.Telemetry[nameof(SignalRReceiveLimitDisabledAnalyzer)].SemanticModelActionsCount);
    }

    [Theory]
    [InlineData("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = ;")]
    [InlineData("GlobalHost.Configuration.MaxIncomingWebSocketMessageSize = Missing;")]
    [InlineData("GlobalHost.Configuration. = null;")]
    [InlineData("Missing.MaxIncomingWebSocketMessageSize = null; options.MaximumReceiveMessageSize = null;")]
    [InlineData("new HubOptions().MaximumReceiveMessageSize = \"64\";")]
    [InlineData("MaxIncomingWebSocketMessageSize = null; MaximumReceiveMessageSize = long.MaxValue + 1;")]
    public async Task NeverThrowsOnBrokenCode(string statement)
    {
        var compilation = AnalyzerHost.CompileWithWebSockets(Startup(statement))
            .AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore));

        var result = await AnalyzerHost.RunAsync(compilation);

        Assert.Empty(result.Exceptions);
        Assert.NotEmpty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    private static string Startup(string statements, string usings = AspNetSignalRUsings) => usings + $$"""
        class Lookalike
        {
            public int? MaxIncomingWebSocketMessageSize { get; set; }
        }

        static class Startup
        {
            public static void Configuration()
            {
                {{statements}}
            }
        }
        """;
}
