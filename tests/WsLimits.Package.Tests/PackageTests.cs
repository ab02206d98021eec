using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>The package as users get it: its contents, a build that warns, and dotnet format applying the fixes.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private const string RiskyProgram = """
        using System.Net.WebSockets;
        using System.Text;
        using System.Text.Json;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(args[0]), CancellationToken.None);
        var update = JsonSerializer.Serialize(new { args, sent = DateTime.UtcNow });
        await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(update)), WebSocketMessageType.Text, true, CancellationToken.None);

        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Console.WriteLine(Encoding.UTF8.GetString(message.ToArray()));
        """;

    private readonly PackedPackage _package;

    public PackageTests(PackedPackage package) => _package = package;

    [Fact]
    public void PackageHoldsOnlyTheAnalyzerAssembliesPresetsReadmeAndLicence()
    {
        using var archive = ZipFile.OpenRead(_package.NupkgPath);
        var ours = archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml"
                && !name.EndsWith(".nuspec", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "LICENSE",
                "README.md",
                "analyzers/dotnet/cs/WsLimits.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/WsLimits.Analyzers.dll",
                "buildTransitive/WsLimits.Analyzers.targets",
                "buildTransitive/config/wslimits.all-errors.globalconfig",
                "buildTransitive/config/wslimits.all-warnings.globalconfig",
                "buildTransitive/config/wslimits.none.globalconfig",
                "buildTransitive/config/wslimits.recommended.globalconfig",
            },
            ours);

        using var nuspec = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(element => element.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), element => element.Name.LocalName == "dependencies");
    }

    [Fact]
    public void PackageNamesItsSourceAndReleaseNotes()
    {
        using var archive = ZipFile.OpenRead(_package.NupkgPath);
        using var nuspec = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");

        Assert.Equal("https://github.com/WsLimits/WsLimits.Analyzers", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
        Assert.Contains("CHANGELOG.md", metadata.Elements().Single(element => element.Name.LocalName == "releaseNotes").Value, StringComparison.Ordinal);
    }

    /// <summary>
    /// The PDB travels inside each assembly. Source Link fills in its source URLs from the checkout's GitHub origin
    /// remote, which a checkout without one (as here) does not have, so only the embedding is checked.
    /// </summary>
    [Theory]
    [InlineData("analyzers/dotnet/cs/WsLimits.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/WsLimits.Analyzers.CodeFixes.dll")]
    public void AnalyzerAssemblyEmbedsItsPdb(string entryName)
    {
        using var archive = ZipFile.OpenRead(_package.NupkgPath);
        using var image = new MemoryStream();
        using (var entry = archive.GetEntry(entryName)!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var embedded = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        Assert.NotEmpty(pdb.GetMetadataReader().Documents);
    }

    [Fact]
    public async Task BuildWarnsOnUnboundedSendAndReassembly()
    {
        var output = await _package.CreateConsumer(RiskyProgram).BuildAsync();

        Assert.True(output.Contains("Program.cs(8,24): warning WSL1001", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Program.cs(16,5): warning WSL2002", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task DotnetFormatAppliesTheChunkedSendFix()
    {
        var consumer = _package.CreateConsumer(RiskyProgram);

        await consumer.FormatAsync("WSL1001");

        var program = consumer.Read("Program.cs");
        Assert.Contains("await socket.SendChunkedAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(update)), WebSocketMessageType.Text, CancellationToken.None);", program);
        Assert.Contains("internal static class WebSocketChunkedSender", program);
        var rebuilt = await consumer.BuildAsync();
        Assert.DoesNotContain("WSL1001", rebuilt);
        Assert.Contains("0 Error(s)", rebuilt);
    }

    [Fact]
    public async Task DotnetFormatAppliesTheReassemblyCapFix()
    {
        var consumer = _package.CreateConsumer(RiskyProgram);

        await consumer.FormatAsync("WSL2002");

        Assert.Contains("if (message.Length > MaxMessageBytes)", consumer.Read("Program.cs"));
        var rebuilt = await consumer.BuildAsync();
        Assert.DoesNotContain("WSL2002", rebuilt);
        Assert.Contains("0 Error(s)", rebuilt);
    }
}
