using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;
using WsLimits.PeerLab.Tests.Fixes;
using WsLimits.PeerLab.Tests.SignalR;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// The WSL3003 fix, live on Kestrel with the .NET client over WebSockets: a hub taking byte[] on a server left at
/// SignalR's 32 KB default drops a 100 KiB upload; once the fix sets MaximumReceiveMessageSize to the contract's
/// 1 MiB in the existing AddSignalR call, the upload arrives, and what is over the contract is still refused.
/// </summary>
public sealed class SignalRFixTests
{
    private const string UserCode = """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class FilesHub : Hub
        {
            public int Upload(byte[] data) => data.Length;
        }

        public static class ServerSetup
        {
            public static void ConfigureServices(IServiceCollection services)
            {
                services.AddSignalR();
            }
        }
        """;

    private const string Configuration = "wslimits.signalr.max_receive_message_bytes = 1048576";

    private const string ClosedWithError = "The server closed the connection with the following error: Connection closed with an error.";

    private static readonly Lazy<Assembly> Original = new(() => FixedCode.Compile(new[] { UserCode }));

    private static readonly Lazy<Task<Assembly>> Fixed = new(CompileFixedAsync);

    [Fact]
    public async Task WithoutTheFixAHundredKilobyteUploadClosesTheConnection()
    {
        await using var server = await StartAsync(Original.Value);
        await using var client = await SignalRHost.ConnectAsync(server);

        // Base64 in JSON: about 137 KB on the wire, over the 32 KB default.
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<int>("Upload", new byte[100 * 1024]));

        Assert.Equal(ClosedWithError, refused.Message);
        Assert.NotEqual(HubConnectionState.Connected, await SignalRHost.SettledStateAsync(client));
    }

    [Fact]
    public async Task WithTheInsertedConfigurationTheUploadArrives()
    {
        await using var server = await StartAsync(await Fixed.Value);
        await using var client = await SignalRHost.ConnectAsync(server);

        Assert.Equal(100 * 1024, await client.InvokeAsync<int>("Upload", new byte[100 * 1024]));

        // The contract is a limit, not its removal: 2 MiB is over 1 MiB.
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<int>("Upload", new byte[2 * 1024 * 1024]));
        Assert.Equal(ClosedWithError, refused.Message);
    }

    private static async Task<Assembly> CompileFixedAsync()
    {
        var sources = (await FixedCode.ApplyAsync(
            UserCode,
            new[] { new SignalRPayloadOverReceiveLimitAnalyzer() },
            new[] { new SignalRPayloadOverReceiveLimitCodeFixProvider() },
            Configuration)).ToArray();
        Assert.Contains("MaximumReceiveMessageSize = 1_048_576", sources[0], StringComparison.Ordinal);
        return FixedCode.Compile(sources);
    }

    /// <summary>Kestrel with the compiled ServerSetup.ConfigureServices and the compiled FilesHub at /hub.</summary>
    private static Task<WebApplication> StartAsync(Assembly code) => SignalRHost.StartAsync(
        code.GetType("FilesHub")!,
        services => code.GetType("ServerSetup")!.GetMethod("ConfigureServices")!.Invoke(null, new object[] { services }));
}
