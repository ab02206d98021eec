using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.SignalRSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.SignalRPayloadOverReceiveLimitAnalyzer, WsLimits.Analyzers.CodeFixes.SignalRPayloadOverReceiveLimitCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL3003Tests
{
    private const string DefaultLimit = "a server left at SignalR's default MaximumReceiveMessageSize allows messages of at most 32768 bytes";
    private const string ServerDefault = "this server leaves MaximumReceiveMessageSize at SignalR's default of 32768 bytes";

    [Fact]
    public Task FlagsClientCallsWithUnboundedArguments() => Verifier.AnalyzerAsync(
        Client("""
            await connection.InvokeAsync<int>("Upload", {|#0:File.ReadAllBytes(path)|});
            await connection.SendAsync("Publish", {|#1:JsonSerializer.Serialize(report)|}, 42);
            await connection.SendCoreAsync("Publish", new object[] { {|#2:File.ReadAllText(path)|} });
            """),
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments("The argument from File.ReadAllBytes has no upper bound", DefaultLimit),
        Verifier.Diagnostic().WithLocation(1).WithArguments("The argument from JsonSerializer.Serialize has no upper bound", DefaultLimit),
        Verifier.Diagnostic().WithLocation(2).WithArguments("The argument from File.ReadAllText has no upper bound", DefaultLimit));

    [Fact]
    public Task FlagsAFixedSizeArgumentOverTheContract()
    {
        var test = Verifier.Create(
            Client("await connection.InvokeAsync(\"Upload\", {|#0:new byte[2 * 1024 * 1024]|});"),
            TargetFrameworks.Net100AspNetCore,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "This argument is at least 2097152 bytes", "wslimits.signalr.max_receive_message_bytes allows messages of at most 1048576 bytes"));
        return test.RunAsync();
    }

    [Fact]
    public Task QuietOnBoundedAndUnknownArguments() => Verifier.AnalyzerAsync(
        Client("""
            await connection.InvokeAsync("Ping", 42, DateTime.UtcNow);
            await connection.SendAsync("Rename", $"room-{Guid.NewGuid()}");
            await connection.SendAsync("Publish", report);
            await connection.SendAsync("Upload", path.Length > 100 ? "x" : "y");
            """),
        TargetFrameworks.Net100AspNetCore);

    [Fact]
    public Task FlagsByteArrayHubParametersOnADefaultServerAndConfiguresTheContractsLimit()
    {
        var test = Verifier.Create(Server("services.AddSignalR();", "public int Upload(string name, byte[] {|#0:data|}) => data.Length;"), TargetFrameworks.Net100AspNetCore, editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("Hub method 'Upload' takes 'data' as bytes of any length from clients", ServerDefault));
        test.FixedCode = Server("services.AddSignalR(options => options.MaximumReceiveMessageSize = 1_048_576);", "public int Upload(string name, byte[] data) => data.Length;");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("services.AddSignalR(o => o.EnableDetailedErrors = true);", "services.AddSignalR(o =>\n        {\n            o.EnableDetailedErrors = true;\n            o.MaximumReceiveMessageSize = 1_048_576;\n        });")]
    [InlineData("services.AddSignalR(options =>\n        {\n            options.EnableDetailedErrors = true;\n        });", "services.AddSignalR(options =>\n        {\n            options.EnableDetailedErrors = true;\n            options.MaximumReceiveMessageSize = 1_048_576;\n        });")]
    [InlineData("services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(hub => hub.EnableDetailedErrors = true);", "services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(hub =>\n        {\n            hub.EnableDetailedErrors = true;\n            hub.MaximumReceiveMessageSize = 1_048_576;\n        });")]
    public Task MergesTheLimitIntoTheExistingOptionsLambda(string configure, string fixedConfigure)
    {
        const string Method = "public int Upload(byte[] {|#0:data|}) => data.Length;";
        var test = Verifier.Create(Server(configure, Method), TargetFrameworks.Net100AspNetCore, editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("Hub method 'Upload' takes 'data' as bytes of any length from clients", ServerDefault));
        test.FixedCode = Server(fixedConfigure, Method.Replace("{|#0:data|}", "data"));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllConfiguresTheServerOnce()
    {
        var test = Verifier.Create(
            Server("services.AddSignalR();", "public int Upload(byte[] {|#0:data|}) => data.Length;\n    public int Append(string name, byte[] {|#1:chunk|}) => chunk.Length;"),
            TargetFrameworks.Net100AspNetCore,
            editorConfig: "wslimits.signalr.max_receive_message_bytes = 1048576");
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("Hub method 'Upload' takes 'data' as bytes of any length from clients", ServerDefault));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(1).WithArguments("Hub method 'Append' takes 'chunk' as bytes of any length from clients", ServerDefault));
        test.FixedCode = Server(
            "services.AddSignalR(options => options.MaximumReceiveMessageSize = 1_048_576);",
            "public int Upload(byte[] data) => data.Length;\n    public int Append(string name, byte[] chunk) => chunk.Length;");
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task ChecksTheClientInACompilationThatAlsoHoldsTheServer() => Verifier.AnalyzerAsync(
        Server("services.AddSignalR(options => options.MaximumReceiveMessageSize = 4 * 1024 * 1024);", "public int Upload(byte[] data) => data.Length;")
            + Client("await connection.InvokeAsync<int>(\"Upload\", {|#0:File.ReadAllBytes(path)|});").Replace(Usings, string.Empty),
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments("The argument from File.ReadAllBytes has no upper bound", DefaultLimit));

    [Fact]
    public Task OffersNoFixWithoutAContractValue()
    {
        var source = Server("services.AddSignalR();", "public int Upload(byte[] [|data|]) => data.Length;");
        var test = Verifier.Create(source, TargetFrameworks.Net100AspNetCore);
        test.FixedCode = source;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("services.AddSignalR(options => options.MaximumReceiveMessageSize = 4 * 1024 * 1024);", "public int Upload(byte[] data) => data.Length;")]
    [InlineData("services.AddSignalR();", "public int Send(string text, int[] ids) => ids.Length;")]
    [InlineData("services.AddSignalR();", "private int Upload(byte[] data) => data.Length;")]
    public Task QuietOnServersThatSetTheLimitAndOnOtherParameters(string configure, string method) =>
        Verifier.AnalyzerAsync(Server(configure, method), TargetFrameworks.Net100AspNetCore);

    private static string Client(string body) => Usings + $$"""
        public class Uploader
        {
            public async Task UploadAsync(HubConnection connection, string path, object report)
            {
        {{WSL1001Sources.Indent(body)}}
            }
        }
        """;

    private static string Server(string configure, string method) => Usings + $$"""
        class FilesHub : Hub
        {
            {{method}}
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                {{configure}}
            }
        }
        """;
}
