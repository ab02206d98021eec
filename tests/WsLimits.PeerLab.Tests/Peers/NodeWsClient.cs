using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace WsLimits.PeerLab.Tests.Peers;

/// <summary>How a Node ws client's connection ended, and what it sent and received.</summary>
internal sealed record NodeClientReport(int? CloseCode, string CloseReason, long BytesSent, string[] Received, string? Error);

/// <summary>The real Node ws client (tests/peers/node/ws-client.js), run once per request.</summary>
internal static class NodeWsClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="request">What to send; see ws-client.js.</param>
    public static async Task<NodeClientReport> RunAsync(Uri url, object request)
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.Peers, "node", "node_modules", "ws", "package.json")))
        {
            // Node ws is a client here, not a server, but it is installed and checked the same way.
            await Peer.NodeWs.StartAsync();
        }

        var script = Path.Combine(RepositoryPaths.Peers, "node", "ws-client.js");
        var json = JsonSerializer.SerializeToNode(request, Json)!.AsObject();
        json["url"] = url.ToString();

        // Requests carry whole messages, too large for a command line.
        var requestFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(requestFile, json.ToJsonString());
            var (exitCode, output, error) = await ProcessRunner.RunAsync("node", new[] { script, requestFile }, RepositoryPaths.Peers, TimeSpan.FromMinutes(2));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"ws client failed ({exitCode}): {error}");
            }

            return JsonSerializer.Deserialize<NodeClientReport>(output, Json)!;
        }
        finally
        {
            File.Delete(requestFile);
        }
    }
}
