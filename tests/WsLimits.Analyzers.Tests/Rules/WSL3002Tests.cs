using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.SignalRSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.SignalRReceiveLimitDisabledAnalyzer, WsLimits.Analyzers.CodeFixes.SignalRReceiveLimitDisabledCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL3002Tests
{
    [Fact]
    public Task FlagsANullLimitAndRestoresTheDefault()
    {
        var test = Verifier.Create(Server("services.AddSignalR(options => {|#0:options.MaximumReceiveMessageSize = null|});"), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is null, which removes SignalR's only receive limit",
            "a message of any size",
            "such as SignalR's default of 32768 bytes"));
        test.FixedCode = Server("services.AddSignalR(options => options.MaximumReceiveMessageSize = 32_768);");
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsPerHubOptionsAndWritesTheContractsLimit()
    {
        var test = Verifier.Create(
            Server("services.AddSignalR().AddHubOptions<ChatHub>(options => { {|#0:options.MaximumReceiveMessageSize = null|}; });"),
            TargetFrameworks.Net100AspNetCore,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is null, which removes SignalR's only receive limit",
            "a message of any size",
            "1048576 bytes, the contract's wslimits.signalr.max_receive_message_bytes"));
        test.FixedCode = Server("services.AddSignalR().AddHubOptions<ChatHub>(options => { options.MaximumReceiveMessageSize = 1_048_576; });");
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsALimitFarAboveTheContract()
    {
        var test = Verifier.Create(
            Server("services.Configure<HubOptions>(options => {|#0:options.MaximumReceiveMessageSize = 512L * 1024 * 1024|});"),
            TargetFrameworks.Net100AspNetCore,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 65536");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is 536870912, more than 8 times the contract",
            "536870912 bytes",
            "65536 bytes, the contract's wslimits.signalr.max_receive_message_bytes"));
        test.FixedCode = Server("services.Configure<HubOptions>(options => options.MaximumReceiveMessageSize = 65_536);");
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsANullLimitInANamedOptionsMethod() => Verifier.AnalyzerAsync(
        Usings + """
            static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddSignalR(ConfigureHubs);

                static void ConfigureHubs(HubOptions hubs)
                {
                    hubs.EnableDetailedErrors = true;
                    {|#0:hubs.MaximumReceiveMessageSize = null|};
                }
            }
            """,
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is null, which removes SignalR's only receive limit",
            "a message of any size",
            "such as SignalR's default of 32768 bytes"));

    [Theory]
    [InlineData("long.MaxValue", "9223372036854775807")]
    [InlineData("int.MaxValue", "2147483647")]
    [InlineData("2L * 1024 * 1024 * 1024", "2147483648")]
    [InlineData("uint.MaxValue", "4294967295")]
    public Task FlagsALimitTooLargeToBoundAnythingAndRestoresTheDefault(string value, string bytes)
    {
        var test = Verifier.Create(Server($"services.AddSignalR(options => {{|#0:options.MaximumReceiveMessageSize = {value}|}});"), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            $"MaximumReceiveMessageSize is {bytes}, which bounds nothing in practice",
            "a message of any size",
            "such as SignalR's default of 32768 bytes"));
        test.FixedCode = Server("services.AddSignalR(options => options.MaximumReceiveMessageSize = 32_768);");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("services.AddSignalR().AddHubOptions<ChatHub>(options => {0});")]
    [InlineData("services.Configure<HubOptions>(options => {0});")]
    [InlineData("services.Configure<HubOptions<ChatHub>>(options => {0});")]
    [InlineData("services.AddServerSideBlazor().AddHubOptions(options => {0});")]
    [InlineData("services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(options => {0});")]
    public Task FlagsAnUnboundingLimitWhereverHubOptionsAreConfigured(string place)
    {
        var test = Verifier.Create(Server(string.Format(place, "{|#0:options.MaximumReceiveMessageSize = long.MaxValue|}")), TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is 9223372036854775807, which bounds nothing in practice",
            "a message of any size",
            "such as SignalR's default of 32768 bytes"));
        test.FixedCode = Server(string.Format(place, "options.MaximumReceiveMessageSize = 32_768"));
        return test.RunAsync();
    }

    [Fact]
    public Task SaysAnUnboundingLimitBoundsNothingEvenUnderAContract()
    {
        var test = Verifier.Create(
            Server("services.AddSignalR(options => {|#0:options.MaximumReceiveMessageSize = int.MaxValue|});"),
            TargetFrameworks.Net100AspNetCore,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 65536");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is 2147483647, which bounds nothing in practice",
            "a message of any size",
            "65536 bytes, the contract's wslimits.signalr.max_receive_message_bytes"));
        test.FixedCode = Server("services.AddSignalR(options => options.MaximumReceiveMessageSize = 65_536);");
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllLimitsEveryUnboundedSetting()
    {
        var test = Verifier.Create(
            Server("""
                services.AddSignalR(options => {|#0:options.MaximumReceiveMessageSize = null|});
                services.Configure<HubOptions>(options => {|#1:options.MaximumReceiveMessageSize = long.MaxValue|});
                """),
            TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "MaximumReceiveMessageSize is null, which removes SignalR's only receive limit", "a message of any size", "such as SignalR's default of 32768 bytes"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(1).WithArguments(
            "MaximumReceiveMessageSize is 9223372036854775807, which bounds nothing in practice", "a message of any size", "such as SignalR's default of 32768 bytes"));
        test.FixedCode = Server("""
            services.AddSignalR(options => options.MaximumReceiveMessageSize = 32_768);
            services.Configure<HubOptions>(options => options.MaximumReceiveMessageSize = 32_768);
            """);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("options.MaximumReceiveMessageSize = 64 * 1024", null)]
    [InlineData("options.MaximumReceiveMessageSize = 512L * 1024 * 1024", null)]
    [InlineData("options.MaximumReceiveMessageSize = 1024 * 1024 * 1024", null)]
    [InlineData("options.MaximumReceiveMessageSize = 4 * 1024 * 1024", "wslimits.signalr.max_receive_message_bytes = 1048576")]
    [InlineData("options.EnableDetailedErrors = true", null)]
    public Task QuietOnLimitsThatKeepALimit(string setting, string? editorConfig) =>
        Verifier.Create(Server($"services.AddSignalR(options => {setting});"), TargetFrameworks.Net100AspNetCore, editorConfig).RunAsync();

    private static string Server(string configure) => Usings + $$"""
        class ChatHub : Hub { }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                {{configure}}
            }
        }
        """;
}
