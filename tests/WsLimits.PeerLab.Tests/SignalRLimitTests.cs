using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WsLimits.PeerLab.Tests.SignalR;
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
        await using var server = await SignalRHost.StartAsync(typeof(SizeHub), services => services.AddSignalR());
        await using var client = await SignalRHost.ConnectAsync(server);

        Assert.Equal(16 * 1024, await client.InvokeAsync<int>(nameof(SizeHub.Upload), new string('a', 16 * 1024)));
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<int>(nameof(SizeHub.Upload), new string('a', 40 * 1024)));

        // Not a WebSocket 1009: a hub-protocol close with a generic error, then the connection is gone.
        Assert.Equal("The server closed the connection with the following error: Connection closed with an error.", refused.Message);
        Assert.NotEqual(HubConnectionState.Connected, await SignalRHost.SettledStateAsync(client));
    }

    [Fact]
    public async Task ServerToClientMessagesHaveNoLimit()
    {
        await using var server = await SignalRHost.StartAsync(typeof(SizeHub), services => services.AddSignalR());
        await using var client = await SignalRHost.ConnectAsync(server);

        var text = await client.InvokeAsync<string>(nameof(SizeHub.Download), 1024 * 1024);

        Assert.Equal(1024 * 1024, text.Length);
    }
}

public sealed class SizeHub : Hub
{
    public int Upload(string text) => text.Length;

    public string Download(int length) => new('b', length);
}
