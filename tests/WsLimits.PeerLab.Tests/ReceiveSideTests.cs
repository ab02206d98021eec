using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.PeerLab.Tests.Fixes;
using WsLimits.PeerLab.Tests.Kestrel;
using WsLimits.PeerLab.Tests.Peers;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// A Kestrel endpoint running the receive loop the WSL2002 and WSL2003 fixes write, driven by a real Node ws client:
/// oversize messages and hostile floods end in 1009 with memory held to the cap, and text split across frames
/// arrives intact.
/// </summary>
public sealed class ReceiveSideTests
{
    private const int Cap = 1_048_576;
    private const int ReceiveBuffer = 4096;

    /// <summary>Two-, three- and four-byte UTF-8 characters, so that frame ends fall inside characters.</summary>
    private static readonly string MultiByteText = string.Concat(Enumerable.Repeat("é€😀a", Cap / 5 - 10));

    [SkippableFact]
    public async Task FixedLoopRefusesAnOversizeMessageWith1009()
    {
        var run = await RunAsync(await FixedReceiver.AfterFixesAsync(), new
        {
            messages = new[] { new { text = new string('a', 2 * Cap), frameBytes = 65536 } },
        });

        Assert.Equal(1009, run.Client.CloseCode);
        Assert.Equal("Message too big", run.Client.CloseReason);
        Assert.Empty(run.Messages);
    }

    [SkippableFact]
    public async Task FixedLoopRefusesAnOversizeMessageAndStillRunsItsOwnCleanup()
    {
        var run = await RunAsync(await FixedListener.AfterFixAsync(), new
        {
            messages = new[] { new { text = new string('a', 2 * Cap), frameBytes = 65536 } },
        });

        Assert.Equal(1009, run.Client.CloseCode);
        Assert.Equal(new[] { FixedListener.StreamDisposed, FixedListener.Disconnected }, run.Messages);
    }

    [SkippableFact]
    public async Task FixedLoopHoldsAGibibyteFloodOfContinuationFramesToTheCap()
    {
        const long Gibibyte = 1L << 30;
        var run = await RunAsync(await FixedReceiver.AfterFixesAsync(), new
        {
            flood = new { frameBytes = 65536, maxBytes = Gibibyte },
        });

        Assert.Equal(1009, run.Client.CloseCode);
        Assert.InRange(run.LargestBuffered, Cap - ReceiveBuffer, Cap);
        Assert.True(run.Client.BytesSent < Gibibyte, "the server stopped reading long before the client stopped sending");
    }

    [SkippableFact]
    public async Task FixedLoopDeliversMessagesJustUnderTheCapWithSplitCharactersIntact()
    {
        var run = await RunAsync(await FixedReceiver.AfterFixesAsync(), new
        {
            messages = new[]
            {
                new { text = MultiByteText, frameBytes = 4099 },
                new { text = "after: ÿ", frameBytes = 1 },
            },
            closeAfterSend = true,
        });

        Assert.Equal(new[] { MultiByteText, "after: ÿ" }, run.Messages);
        Assert.Equal(1000, run.Client.CloseCode);
    }

    [SkippableFact]
    public async Task LoopAsWrittenCorruptsCharactersSplitAcrossFrames()
    {
        var run = await RunAsync(FixedReceiver.AsWritten, new
        {
            messages = new[] { new { text = "€€€€", frameBytes = 5 } },
            closeAfterSend = true,
        });

        var received = Assert.Single(run.Messages);
        Assert.NotEqual("€€€€", received);
        Assert.Contains('\uFFFD', received);
    }

    [SkippableFact]
    public async Task MessageReaderDeliversWholeMessagesThatFitItsBuffer()
    {
        var text = string.Concat(Enumerable.Repeat("é€😀a", 400));
        var run = await RunAsync(await FixedMessageReader.AfterFixAsync(), new
        {
            messages = new[] { new { text, frameBytes = 7 }, new { text = "second", frameBytes = 2 } },
            closeAfterSend = true,
        });

        Assert.Equal(new[] { text, "second" }, run.Messages);
        Assert.Equal(1000, run.Client.CloseCode);
    }

    [SkippableFact]
    public async Task MessageReaderRefusesAMessageLargerThanItsBufferWith1009()
    {
        var run = await RunAsync(await FixedMessageReader.AfterFixAsync(), new
        {
            messages = new[] { new { text = new string('a', FixedMessageReader.BufferBytes + 1), frameBytes = 1000 } },
        });

        Assert.Equal(1009, run.Client.CloseCode);
        Assert.Equal("Message too big", run.Client.CloseReason);
        Assert.Empty(run.Messages);
    }

    [SkippableFact]
    public async Task ClosingOutputAndReturningLosesThe1009ForAPeerStillSending()
    {
        // What the fix does not do: send the close frame with CloseOutputAsync and return at once.
        FixedReceiver.Endpoint closeOutputAndReturn = async (socket, _, _, cancellationToken) =>
        {
            var buffer = new byte[ReceiveBuffer];
            var total = 0L;
            while (total <= Cap)
            {
                total += (await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken)).Count;
            }

            await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
        };

        var run = await RunAsync(closeOutputAndReturn, new { flood = new { frameBytes = 65536, maxBytes = 64 * Cap } });

        Assert.Equal(1006, run.Client.CloseCode);
    }

    private static async Task<Run> RunAsync(FixedReceiver.Endpoint endpoint, object request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var messages = new ConcurrentQueue<string>();
        var largestBuffered = 0;
        await using var host = await KestrelHost.StartAsync(socket => endpoint(
            socket,
            messages.Enqueue,
            buffered => InterlockedMax(ref largestBuffered, buffered),
            timeout.Token));

        var client = await NodeWsClient.RunAsync(host.Uri, request);
        return new Run(client, messages.ToArray(), Volatile.Read(ref largestBuffered));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private sealed record Run(NodeClientReport Client, string[] Messages, int LargestBuffered);
}
