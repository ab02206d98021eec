using System;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.PeerLab.Tests.Fixes;

/// <summary>
/// A sender as users write it, one SendAsync of a whole MemoryStream (WSL1001), after the WSL1001 fix:
/// the same method now sends through the inserted chunked-send helper.
/// </summary>
internal static class FixedSender
{
    private const string UserCode = """
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Uploader
        {
            public static async Task UploadAsync(WebSocket socket, Stream source, CancellationToken cancellationToken)
            {
                using var buffer = new MemoryStream();
                await source.CopyToAsync(buffer, cancellationToken);
                await socket.SendAsync(new ArraySegment<byte>(buffer.ToArray()), WebSocketMessageType.Binary, true, cancellationToken);
            }
        }
        """;

    private static readonly Lazy<Task<MethodInfo>> Upload = new(CompileAsync);

    /// <summary>The fixed user code, with the helper the fix added to it.</summary>
    public static async Task<string[]> SourcesAsync() =>
        (await FixedCode.ApplyAsync(UserCode, new[] { new UnboundedSingleFrameSendAnalyzer() }, new[] { new UnboundedSingleFrameSendCodeFixProvider() })).ToArray();

    public static async Task SendAsync(WebSocket socket, byte[] payload, CancellationToken cancellationToken) =>
        await (Task)(await Upload.Value).Invoke(null, new object[] { socket, new MemoryStream(payload), cancellationToken })!;

    private static async Task<MethodInfo> CompileAsync()
    {
        var sources = await SourcesAsync();
        if (!sources[0].Contains("await socket.SendChunkedAsync(", StringComparison.Ordinal) || !sources[0].Contains("class WebSocketChunkedSender", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the WSL1001 fix did not rewrite the upload:\n" + string.Join("\n----\n", sources));
        }

        return FixedCode.Compile(sources).GetType("Uploader")!.GetMethod("UploadAsync")!;
    }
}
