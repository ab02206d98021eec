using System;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace WsLimits.Interop.Tests.Server;

/// <summary>
/// An in-process Kestrel WebSocket peer on a free loopback port. At /digest it reassembles each message
/// and answers it with a text <see cref="MessageDigest"/>, so a test learns what arrived without trusting the client.
/// </summary>
public sealed class DigestingWebSocketServer : IAsyncLifetime
{
    public const string Path = "/digest";
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private WebApplication? app;

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.UseWebSockets();
        app.Map(Path, DigestEachMessageAsync);
        await app.StartAsync();

        // Port 0 means Kestrel chose the port; the addresses feature holds the one it bound.
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        EndPoint = new IPEndPoint(IPAddress.Loopback, new Uri(bound).Port);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task DigestEachMessageAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var cancellationToken = context.RequestAborted;
        var buffer = new byte[64 * 1024];
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (true)
        {
            long length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    return;
                }

                length += received.Count;
                if (length > MaxMessageBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, cancellationToken);
                    return;
                }

                sha256.AppendData(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var digest = new MessageDigest(length, Convert.ToHexStringLower(sha256.GetHashAndReset()));
            await socket.SendAsync(Encoding.ASCII.GetBytes(digest.ToString()), WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
