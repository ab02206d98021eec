using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// SignalR's limit, live on Kestrel with the .NET client over WebSockets: 32 KB for hub messages from client to
/// server, on the server only, and none the other way.
/// </summary>
public sealed class SignalRLimitTests
{

    [Fact]
    public async Task ServerRefusesAClientMessageOver32KiBByDefault()
    {
        await using var server = await StartAsync();
        await using var client = await ConnectAsync(server);

        Assert.Equal(16 * 1024, await client.InvokeAsync<int>(nameof(SizeHub.Upload), new string('a', 16 * 1024)));
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<int>(nameof(SizeHub.Upload), new string('a', 40 * 1024)));

        // Not a WebSocket 1009: a hub-protocol close with a generic error, then the connection is gone.
        Assert.Equal("The server closed the connection with the following error: Connection closed with an error.", refused.Message);
        Assert.NotEqual(HubConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task ServerToClientMessagesHaveNoLimit()
    {
        await using var server = await StartAsync();
        await using var client = await ConnectAsync(server);

        var text = await client.InvokeAsync<string>(nameof(SizeHub.Download), 1024 * 1024);

        Assert.Equal(1024 * 1024, text.Length);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<SizeHub>("/hub");
        await app.StartAsync();
        return app;
    }

    private static async Task<HubConnection> ConnectAsync(WebApplication server)
    {
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HubConnectionBuilder()
            .WithUrl(address + "/hub", options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.StartAsync(timeout.Token);
        return client;
    }
}

public sealed class SizeHub : Hub
{
    public int Upload(string text) => text.Length;

    public string Download(int length) => new('b', length);
}
