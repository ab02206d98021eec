using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WsLimits.PeerLab.Tests.Peers;

/// <summary>
/// A real WebSocket server in its own process, on a free loopback port it prints as "READY port".
/// Disposing it ends the process and its children.
/// </summary>
internal sealed class PeerServer : IDisposable
{
    private readonly Process _process;

    private PeerServer(Process process, int port)
    {
        _process = process;
        Uri = new Uri($"ws://127.0.0.1:{port}/ws");
    }

    public Uri Uri { get; }

    public static async Task<PeerServer> StartAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var errors = process.StandardError.ReadToEndAsync();
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(30))) != ready || await ready is not { } line || !line.StartsWith("READY ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} did not start: {await errors}");
        }

        return new PeerServer(process, int.Parse(line["READY ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
