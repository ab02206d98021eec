using System.Linq;
using System.Threading.Tasks;
using WsLimits.Analyzers.CodeFixes;
using WsLimits.Analyzers.Tests.Meta;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.SignalRSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.SignalRBackPressureDisabledAnalyzer, WsLimits.Analyzers.CodeFixes.SignalRBackPressureDisabledCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL3005Tests
{
    private const string ServerLimit = "a server left at SignalR's default MaximumReceiveMessageSize allows messages of at most 32768 bytes";

    [Fact]
    public Task FlagsBothServerThresholdsSetToZeroAndRemovesThem()
    {
        var test = Verifier.Create(Routes("""
            app.MapHub<ChatHub>("/chat", options =>
            {
                {|#0:options.TransportMaxBufferSize = 0|}; // No Maximum
                {|#1:options.ApplicationMaxBufferSize = 0L|};
                options.Transports = HttpTransportType.WebSockets;
            });
            """), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("HttpConnectionDispatcherOptions.TransportMaxBufferSize", 65536, ServerLimit));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(1).WithArguments("HttpConnectionDispatcherOptions.ApplicationMaxBufferSize", 65536, ServerLimit));
        test.FixedCode = Routes("""
            app.MapHub<ChatHub>("/chat", options =>
            {
                options.Transports = HttpTransportType.WebSockets;
            });
            """);
        test.CodeActionEquivalenceKey = SignalRBackPressureDisabledCodeFixProvider.RemoveKey;
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsAClientThresholdSetToAZeroConstantAndWritesTheClientsDefault()
    {
        var test = Verifier.Create(Client("""
            const long NoMaximum = 0;

            public static HubConnection Build(string url) => new HubConnectionBuilder()
                .WithUrl(url, options =>
                {
                    {|#0:options.TransportMaxBufferSize = NoMaximum|};
                    options.SkipNegotiation = true;
                })
                .Build();
            """), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("HttpConnectionOptions.TransportMaxBufferSize", 1048576, ServerLimit));
        test.FixedCode = Client("""
            const long NoMaximum = 0;

            public static HubConnection Build(string url) => new HubConnectionBuilder()
                .WithUrl(url, options =>
                {
                    options.TransportMaxBufferSize = 1_048_576;
                    options.SkipNegotiation = true;
                })
                .Build();
            """);
        test.CodeActionEquivalenceKey = SignalRBackPressureDisabledCodeFixProvider.SetDefaultKey;
        return test.RunAsync();
    }

    [Fact]
    public Task RemovesAZeroFromAnObjectInitializer()
    {
        var test = Verifier.Create(Client("""
            public static HttpConnectionOptions Options() => new HttpConnectionOptions
            {
                SkipNegotiation = true,
                {|#0:ApplicationMaxBufferSize = 0|},
            };
            """), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("HttpConnectionOptions.ApplicationMaxBufferSize", 1048576, ServerLimit));
        test.FixedCode = Client("""
            public static HttpConnectionOptions Options() => new HttpConnectionOptions
            {
                SkipNegotiation = true,
            };
            """);
        test.CodeActionEquivalenceKey = SignalRBackPressureDisabledCodeFixProvider.RemoveKey;
        return test.RunAsync();
    }

    [Fact]
    public Task WritesTheDefaultWhereTheSettingIsALambdasWholeBody()
    {
        var test = Verifier.Create(Routes("app.MapBlazorHub(options => {|#0:options.ApplicationMaxBufferSize = 0|});"), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("HttpConnectionDispatcherOptions.ApplicationMaxBufferSize", 65536, ServerLimit));
        test.FixedCode = Routes("app.MapBlazorHub(options => options.ApplicationMaxBufferSize = 65_536);");
        test.CodeActionEquivalenceKey = SignalRBackPressureDisabledCodeFixProvider.SetDefaultKey;
        return test.RunAsync();
    }

    [Fact]
    public Task NamesTheContractsReceiveLimitAsTheRealLimit()
    {
        var test = Verifier.Create(
            Routes("app.MapHub<ChatHub>(\"/chat\", options => { {|#0:options.TransportMaxBufferSize = 0|}; });"),
            TargetFrameworks.Net100AspNetCore,
            "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "HttpConnectionDispatcherOptions.TransportMaxBufferSize", 65536, "wslimits.signalr.max_receive_message_bytes allows messages of at most 1048576 bytes"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("options.TransportMaxBufferSize = 1;")]
    [InlineData("options.ApplicationMaxBufferSize = 64 * 1024;")]
    [InlineData("options.TransportMaxBufferSize = configured;")]
    [InlineData("var unlimited = options.TransportMaxBufferSize == 0;")]
    [InlineData("new Lookalike().TransportMaxBufferSize = 0;")]
    [InlineData("new Mine.HttpConnectionDispatcherOptions().ApplicationMaxBufferSize = 0;")]
    public Task QuietOnValuesThatKeepBackPressureAndOnOtherTypes(string statement) =>
        Verifier.Create(Routes($$"""
            long configured = app.Configuration.GetValue<long>("Buffer");
            app.MapHub<ChatHub>("/chat", options =>
            {
                {{statement}}
            });
            """), TargetFrameworks.Net100AspNetCore).RunAsync();

    [Fact]
    public Task QuietWithoutSignalR() => Verifier.Create("""
        class Lookalike
        {
            public long TransportMaxBufferSize { get; set; }

            static void Configure(Lookalike options) => options.TransportMaxBufferSize = 0;
        }
        """).RunAsync();

    [Fact]
    public async Task ZeroIsReportedAsDisabledBackPressureNotAsARaisedThreshold()
    {
        var compilation = AnalyzerHost.CompileWithWebSockets(Routes("""
            app.MapHub<ChatHub>("/chat", options =>
            {
                options.TransportMaxBufferSize = 0;
                options.ApplicationMaxBufferSize = 10 * 1024 * 1024;
            });
            """)).AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore));

        var result = await AnalyzerHost.RunAsync(compilation);

        Assert.Empty(result.Exceptions);
        var reported = result.Diagnostics
            .Where(diagnostic => diagnostic.Id is "WSL3004" or "WSL3005")
            .Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan)));
        Assert.Equal(
            new[] { ("WSL3005", "options.TransportMaxBufferSize = 0"), ("WSL3004", "options.ApplicationMaxBufferSize = 10 * 1024 * 1024") },
            reported.OrderBy(diagnostic => diagnostic.Item2.Length));
    }

    [Theory]
    [InlineData("options.TransportMaxBufferSize = ;")]
    [InlineData("options.TransportMaxBufferSize = \"0\";")]
    [InlineData("options. = 0;")]
    [InlineData("Missing.ApplicationMaxBufferSize = 0;")]
    public async Task NeverThrowsOnBrokenCode(string statement)
    {
        var compilation = AnalyzerHost.CompileWithWebSockets(Routes($$"""app.MapHub<ChatHub>("/chat", options => { {{statement}} });"""))
            .AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore));

        var result = await AnalyzerHost.RunAsync(compilation);

        Assert.Empty(result.Exceptions);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == "WSL3005");
    }

    private static string Routes(string statements) => Usings + $$"""
        using Microsoft.Extensions.Configuration;

        class ChatHub : Hub { }

        class Lookalike
        {
            public long TransportMaxBufferSize { get; set; }
        }

        namespace Mine
        {
            class HttpConnectionDispatcherOptions
            {
                public long ApplicationMaxBufferSize { get; set; }
            }
        }

        static class Startup
        {
            public static void Map(WebApplication app)
            {
                {{Indent(statements, 8)}}
            }
        }
        """;

    private static string Client(string members) => Usings + $$"""
        static class Connect
        {
            {{Indent(members, 4)}}
        }
        """;

    private static string Indent(string code, int spaces) => code.Replace("\n", "\n" + new string(' ', spaces));
}
