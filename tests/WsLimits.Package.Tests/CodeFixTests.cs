using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>
/// `dotnet format analyzers` with the packed package applies every rule's code fix, one consumer per rule from
/// Consumers/Fixes/&lt;ID&gt;/ (its Program.cs and any .editorconfig), and the fixed code builds without that diagnostic.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CodeFixTests
{
    private readonly PackedPackage _package;

    public CodeFixTests(PackedPackage package) => _package = package;

    /// <summary>Rule ID, the project SDK, text the fixed Program.cs must hold and text it must no longer hold.</summary>
    private static readonly Dictionary<string, (string Sdk, string[] Added, string[] Removed)> Cases = new()
    {
        ["WSL1001"] = (Console, new[] { "await socket.SendChunkedAsync(new ArraySegment<byte>(update)", "internal static class WebSocketChunkedSender" }, new[] { "await socket.SendAsync(new ArraySegment<byte>(update)" }),
        ["WSL1002"] = (Console, new[] { "await socket.SendChunkedAsync(new ArraySegment<byte>(snapshot)", "internal static class WebSocketChunkedSender" }, new[] { "await socket.SendAsync(new ArraySegment<byte>(snapshot)" }),
        ["WSL1004"] = (Console, new[] { "WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage,", "WebSocketMessageFlags.DisableCompression | WebSocketMessageFlags.EndOfMessage," }, new[] { "WebSocketMessageType.Text, 0," }),
        ["WSL2001"] = (Console, new[] { "var result = await socket.ReceiveMessageAsync(", "class WebSocketMessageReceiver" }, new[] { "var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)" }),
        ["WSL2002"] = (Console, new[] { "if (message.Length > MaxMessageBytes)", "const int MaxMessageBytes = 1_048_576", "WebSocketCloseStatus.MessageTooBig" }, Array.Empty<string>()),
        ["WSL2003"] = (Console, new[] { "var decoder = Encoding.UTF8.GetDecoder();", "text.Append(chars);" }, new[] { "text.Append(Encoding.UTF8.GetString(" }),
        ["WSL2004"] = (Console, new[] { "CloseDescription.Truncate(error.Message)", "internal static class CloseDescription" }, new[] { "InvalidPayloadData, error.Message," }),
        ["WSL3001"] = (Console, Array.Empty<string>(), new[] { "SetBuffer" }),
        ["WSL3002"] = (Web, new[] { "MaximumReceiveMessageSize = 32_768" }, new[] { "MaximumReceiveMessageSize = null" }),
        ["WSL3003"] = (Web, new[] { "AddSignalR(options => options.MaximumReceiveMessageSize = 1_048_576)" }, new[] { "AddSignalR();" }),
        ["WSL3004"] = (Web, Array.Empty<string>(), new[] { "TransportMaxBufferSize" }),
        ["WSL3005"] = (Web, new[] { "app.MapHub<ChatHub>(\"/chat\", options =>" }, new[] { "TransportMaxBufferSize", "ApplicationMaxBufferSize" }),
    };

    private const string Console = "Microsoft.NET.Sdk";

    private const string Web = "Microsoft.NET.Sdk.Web";

    public static TheoryData<string> RulesWithFixes => new(Cases.Keys);

    [Fact]
    public void EveryRuleWithACodeFixHasAConsumer()
    {
        // The README's rule table says which rules have a code fix.
        var readme = File.ReadAllLines(Path.Combine(WsLimits.Tests.Shared.RepositoryRoot.Path, "README.md"))
            .Where(line => line.StartsWith("| [WSL", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells[6] == "Yes")
            .Select(cells => cells[1][1..8]);
        Assert.Equal(readme.Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(Consumers.Path, "Fixes")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RulesWithFixes))]
    public async Task DotnetFormatAppliesTheFixAndTheCodeBuildsWithoutTheDiagnostic(string id)
    {
        var (sdk, added, removed) = Cases[id];
        var folder = Path.Combine(Consumers.Path, "Fixes", id);
        var consumer = ConsumerProject.Create(_package, new ConsumerSpec
        {
            Sdk = sdk,
            Files = Directory.GetFiles(folder).ToDictionary(file => Path.GetFileName(file), File.ReadAllText),
        });
        var before = consumer.Read("Program.cs");

        await consumer.FormatAsync(id, "info");

        var after = consumer.Read("Program.cs");
        Assert.NotEqual(before, after);
        Assert.All(added, text => Assert.True(after.Contains(text, StringComparison.Ordinal), $"'{text}' not in the fixed Program.cs:\n{after}"));
        Assert.All(removed, text => Assert.False(after.Contains(text, StringComparison.Ordinal), $"'{text}' still in the fixed Program.cs:\n{after}"));
        var (exitCode, rebuilt) = await consumer.TryBuildAsync();
        Assert.True(exitCode == 0, $"The fixed code does not build:\n{after}\n\n{rebuilt}");
        Assert.DoesNotContain(consumer.DiagnosticsOf(rebuilt), diagnostic => diagnostic.Id == id);
    }
}
