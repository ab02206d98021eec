using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.PeerLab.Tests.Peers;

/// <summary>
/// The real WebSocket servers the lab runs, each from the project's own files and the packages
/// eng/install-test-prerequisites.sh installs. A missing peer fails on CI and is skipped elsewhere, with the command
/// that installs it.
/// </summary>
internal sealed class Peer
{
    private const string InstallCommand = "bash eng/install-test-prerequisites.sh";

    private static readonly string NettyClassPath = string.Join(':', new[] { "buffer", "codec", "codec-http", "common", "handler", "resolver", "transport" }
        .Select(module => $"/usr/share/java/netty-{module}.jar"));

    public static readonly Peer Netty = new("netty", () => File.Exists("/usr/share/java/netty-codec-http.jar") && ProcessRunner.IsOnPath("javac"), StartNettyAsync);

    public static readonly Peer NodeWs = new("node-ws", () => File.Exists(Path.Combine(RepositoryPaths.Peers, "node", "node_modules", "ws", "package.json")) && ProcessRunner.IsOnPath("node"), limit =>
        PeerServer.StartAsync("node", new[] { Path.Combine(RepositoryPaths.Peers, "node", "ws-server.js") }.Concat(limit.Split(' '))));

    public static readonly Peer PythonWebsockets = new("python-websockets", () => Directory.Exists("/usr/lib/python3/dist-packages/websockets"), limit =>
        PeerServer.StartAsync("/usr/bin/python3", new[] { Path.Combine(RepositoryPaths.Peers, "python", "websockets_peer.py") }.Concat(limit.Split(' '))));

    /// <summary>split-server.js: takes "maxPayload cap [timeoutMs]" and reassembles split messages (docs/chunking-protocol.md).</summary>
    public static readonly Peer NodeWsSplit = new("node-ws-split", NodeWs._isInstalled, arguments =>
        PeerServer.StartAsync("node", new[] { Path.Combine(RepositoryPaths.Peers, "node", "split-server.js") }.Concat(arguments.Split(' '))));

    /// <summary>split_server.py: takes "max_size cap [timeoutMs]" and reassembles split messages (docs/chunking-protocol.md).</summary>
    public static readonly Peer PythonWebsocketsSplit = new("python-websockets-split", PythonWebsockets._isInstalled, arguments =>
        PeerServer.StartAsync("/usr/bin/python3", new[] { Path.Combine(RepositoryPaths.Peers, "python", "split_server.py") }.Concat(arguments.Split(' '))));

    public static readonly Peer Gorilla = new("gorilla", () => Directory.Exists("/usr/share/gocode/src/github.com/gorilla/websocket") && ProcessRunner.IsOnPath("go"), StartGorillaAsync);

    private static readonly Lazy<Task<string>> NettyBuild = new(BuildNettyAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task<string>> GorillaBuild = new(BuildGorillaAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Func<bool> _isInstalled;
    private readonly Func<string, Task<PeerServer>> _start;

    private Peer(string name, Func<bool> isInstalled, Func<string, Task<PeerServer>> start)
    {
        Name = name;
        _isInstalled = isInstalled;
        _start = start;
    }

    public string Name { get; }

    public static Peer Named(string name) => name switch
    {
        "netty" => Netty,
        "node-ws" => NodeWs,
        "python-websockets" => PythonWebsockets,
        "gorilla" => Gorilla,
        "node-ws-split" => NodeWsSplit,
        "python-websockets-split" => PythonWebsocketsSplit,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such peer"),
    };

    /// <param name="limit">The peer's size limit in bytes, or "default" for the library's own; node-ws and
    /// python-websockets also take " deflate" after it, to accept permessage-deflate.</param>
    public Task<PeerServer> StartAsync(string limit = "default")
    {
        RequireInstalled();
        return _start(limit);
    }

    private void RequireInstalled()
    {
        if (_isInstalled())
        {
            return;
        }

        var message = $"peer {Name} is not installed; run: {InstallCommand}";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(message);
        }

        Skip.If(true, message);
    }

    private static async Task<PeerServer> StartNettyAsync(string limit) =>
        await PeerServer.StartAsync("java", new[] { "-cp", await NettyBuild.Value + ":" + NettyClassPath, "NettyPeer", limit });

    private static async Task<PeerServer> StartGorillaAsync(string limit) =>
        await PeerServer.StartAsync(await GorillaBuild.Value, new[] { limit });

    private static async Task<string> BuildNettyAsync()
    {
        var output = Directory.CreateTempSubdirectory("wslimits-netty-").FullName;
        var source = Path.Combine(RepositoryPaths.Peers, "netty", "NettyPeer.java");
        await RunBuildAsync("javac", new[] { "-d", output, "-cp", NettyClassPath, source }, output);
        return output;
    }

    private static async Task<string> BuildGorillaAsync()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("wslimits-gorilla-").FullName, "gorilla-peer");
        var source = Path.Combine(RepositoryPaths.Peers, "gorilla");
        await RunBuildAsync("go", new[] { "build", "-o", output, "main.go" }, source, new Dictionary<string, string>
        {
            // Debian's packaged Go sources, built offline without modules.
            ["GO111MODULE"] = "off",
            ["GOPATH"] = "/usr/share/gocode",
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "wslimits-gocache"),
        });
        return output;
    }

    private static async Task RunBuildAsync(string tool, string[] arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var (exitCode, output, error) = await ProcessRunner.RunAsync(tool, arguments, workingDirectory, TimeSpan.FromMinutes(3), environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed:\n{output}\n{error}");
        }
    }
}
