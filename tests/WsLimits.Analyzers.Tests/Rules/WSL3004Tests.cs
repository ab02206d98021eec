using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.SignalRSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.LimitRaisedOnOneSideAnalyzer, WsLimits.Analyzers.CodeFixes.LimitRaisedOnOneSideCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL3004Tests
{
    private const string Contract = "wslimits.max_frame_bytes = 32768\nwslimits.max_message_bytes = 1048576\nwslimits.signalr.max_receive_message_bytes = 1048576";

    [Fact]
    public Task FlagsClientBufferThresholdsRaisedAsLimitsAndRemovesThem()
    {
        var test = Verifier.Create(Usings + """
            static class Connect
            {
                public static HubConnection Build(string url) => new HubConnectionBuilder()
                    .WithUrl(url, options =>
                    {
                        {|#0:options.TransportMaxBufferSize = 10 * 1024 * 1024|};
                        options.SkipNegotiation = true;
                    })
                    .Build();
            }
            """, TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "HttpConnectionOptions.TransportMaxBufferSize is a back-pressure threshold, not a message size limit: raising it lets no larger hub message through; the server's HubOptions.MaximumReceiveMessageSize decides (a server left at SignalR's default MaximumReceiveMessageSize allows messages of at most 32768 bytes)"));
        test.FixedCode = Usings + """
            static class Connect
            {
                public static HubConnection Build(string url) => new HubConnectionBuilder()
                    .WithUrl(url, options =>
                    {
                        options.SkipNegotiation = true;
                    })
                    .Build();
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsServerBufferThresholds() => Verifier.AnalyzerAsync(Usings + """
        class ChatHub : Hub { }

        static class Routes
        {
            public static void Map(WebApplication app) =>
                app.MapHub<ChatHub>("/chat", options => {|#0:options.ApplicationMaxBufferSize = 1_000_000|});
        }
        """,
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments(
            "HttpConnectionDispatcherOptions.ApplicationMaxBufferSize is a back-pressure threshold, not a message size limit: raising it lets no larger hub message through; the server's HubOptions.MaximumReceiveMessageSize decides (a server left at SignalR's default MaximumReceiveMessageSize allows messages of at most 32768 bytes)"));

    /// <summary>A client library copying its own options into SignalR's leaves the choice to whoever fills them.</summary>
    [Fact]
    public Task QuietOnThresholdsPassedOnFromTheLibrarysOwnOptions() => Verifier.AnalyzerAsync(Usings + """
        public sealed class RealtimeOptions
        {
            public long TransportMaxBufferSize { get; set; } = 4 * 1024 * 1024;
        }

        public static class Realtime
        {
            public static HubConnection Connect(string url, RealtimeOptions settings, long applicationBytes) => new HubConnectionBuilder()
                .WithUrl(url, options =>
                {
                    options.TransportMaxBufferSize = settings.TransportMaxBufferSize;
                    options.ApplicationMaxBufferSize = applicationBytes;
                })
                .Build();
        }
        """,
        TargetFrameworks.Net100AspNetCore);

    [Fact]
    public Task FlagsAThresholdAWrapperTakesFromACallerThatRaisesIt() => Verifier.AnalyzerAsync(Usings + """
        static class Realtime
        {
            public static HubConnection Connect(string url, long bufferBytes) => new HubConnectionBuilder()
                .WithUrl(url, options => {|#0:options.TransportMaxBufferSize = bufferBytes|})
                .Build();
        }

        class Dashboard
        {
            private readonly HubConnection _connection = Realtime.Connect("https://example.test/hub", 10 * 1024 * 1024);
        }
        """,
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments(
            "HttpConnectionOptions.TransportMaxBufferSize is a back-pressure threshold, not a message size limit: raising it lets no larger hub message through; the server's HubOptions.MaximumReceiveMessageSize decides (a server left at SignalR's default MaximumReceiveMessageSize allows messages of at most 32768 bytes)"));

    [Fact]
    public Task LeavesAThresholdSetToZeroToWSL3005() => Verifier.AnalyzerAsync(Usings + """
        class ChatHub : Hub { }

        static class Routes
        {
            const long NoMaximum = 0;

            public static void Map(WebApplication app) =>
                app.MapHub<ChatHub>("/chat", options =>
                {
                    options.TransportMaxBufferSize = 0;
                    options.ApplicationMaxBufferSize = NoMaximum;
                });
        }
        """,
        TargetFrameworks.Net100AspNetCore);

    [Theory]
    [InlineData("WebSocketChunkedSender", "MaxFrameBytes", 131072)]
    [InlineData("WebSocketMessageSplitter", "MaxPartBytes", 65536)]
    public Task SetsAHelpersSizeOverTheContractBackToIt(string helper, string constant, int bytes)
    {
        var test = Verifier.Create(Helper(helper, constant, $"{{|#0:{constant}|}} = {bytes}"), TargetFrameworks.Net100AspNetCore, Contract);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            $"{helper}.{constant} is {bytes} bytes, but the limits contract says 32768 (wslimits.max_frame_bytes); a limit changed on one side only moves the failure to the other side"));
        test.FixedCode = Helper(helper, constant, $"{constant} = 32_768");
        return test.RunAsync();
    }

    [Fact]
    public Task SetsAReceiveCapThatDiffersFromTheContract()
    {
        var test = Verifier.Create(ReceiveLoop("const int {|#0:MaxMessageBytes|} = 4 * 1024 * 1024;"), TargetFrameworks.Net100AspNetCore, Contract);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaxMessageBytes is 4194304 bytes, but the limits contract says 1048576 (the receive cap the contract gives); a limit changed on one side only moves the failure to the other side"));
        test.FixedCode = ReceiveLoop("const int MaxMessageBytes = 1_048_576;");
        return test.RunAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wslimits.max_frame_bytes = 131072\nwslimits.max_receive_message_bytes = 4194304")]
    public Task QuietWhereNoContractSaysOtherwise(string? editorConfig)
    {
        var source = Helper("WebSocketChunkedSender", "MaxFrameBytes", "MaxFrameBytes = 131072") + ReceiveLoop("const int MaxMessageBytes = 4 * 1024 * 1024;").Replace(Usings, string.Empty);
        return Verifier.Create(source, TargetFrameworks.Net100AspNetCore, editorConfig).RunAsync();
    }

    private static string Helper(string type, string constant, string declaration) => Usings + $$"""
        static class {{type}}
        {
            public const int {{declaration}};

            public static int Frames(int bytes) => (bytes + {{constant}} - 1) / {{constant}};
        }
        """;

    private static string ReceiveLoop(string declaration) => Usings + $$"""
        static class Receiver
        {
            public static int Cap()
            {
                {{declaration}}
                return MaxMessageBytes;
            }
        }
        """;
}
