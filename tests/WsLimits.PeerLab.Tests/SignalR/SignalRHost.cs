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

namespace WsLimits.PeerLab.Tests.SignalR;

/// <summary>A SignalR server on Kestrel at a free loopback port, and the .NET client connected to it over WebSockets.</summary>
internal static class SignalRHost
{
    /// <param name="hub">The hub mapped at /hub.</param>
    /// <param name="configureServices">Registers SignalR and its options, as the server's startup code does.</param>
    /// <param name="configureConnections">The options MapHub takes, if any.</param>
    public static async Task<WebApplication> StartAsync(Type hub, Action<IServiceCollection> configureServices, Action<HttpConnectionDispatcherOptions>? configureConnections = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configureServices(builder.Services);
        var app = builder.Build();
        typeof(HubEndpointRouteBuilderExtensions).GetMethods()
            .Single(method => method.Name == nameof(HubEndpointRouteBuilderExtensions.MapHub) && method.IsGenericMethodDefinition && method.GetParameters().Length == 3)
            .MakeGenericMethod(hub)
            .Invoke(null, new object[] { app, "/hub", configureConnections ?? (_ => { }) });
        await app.StartAsync();
        return app;
    }

    /// <summary>The server's address, http://127.0.0.1:port.</summary>
    public static string Address(WebApplication server) => server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<HubConnection> ConnectAsync(WebApplication server)
    {
        var address = Address(server);
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

    /// <summary>
    /// The state a connection settles in after the server closed it: the failed invocation returns as soon as the close
    /// message arrives, and the state leaves Connected a moment later, on another thread. Waits at most 10 seconds.
    /// </summary>
    public static async Task<HubConnectionState> SettledStateAsync(HubConnection client)
    {
        for (var waited = 0; client.State == HubConnectionState.Connected && waited < 10_000; waited += 50)
        {
            await Task.Delay(50);
        }

        return client.State;
    }
}
