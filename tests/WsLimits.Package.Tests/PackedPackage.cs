using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WsLimits.Tests.Shared;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>The package, packed once from the sources into a local folder feed, with its own build outputs.</summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string Version = "0.0.0-test";

    public string Root { get; } = Directory.CreateTempSubdirectory("wslimits-package-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string NupkgPath => Path.Combine(Feed, $"WsLimits.Analyzers.{Version}.nupkg");

    public async Task InitializeAsync() => await DotnetCli.RunAsync(
        RepositoryRoot.Path,
        "pack", Path.Combine("src", "Package", "WsLimits.Analyzers.Package.csproj"),
        "-c", "Release",
        "-o", Feed,
        "-p:Version=" + Version,
        // Its own outputs, so packing never touches the builds the other tests run from.
        "--artifacts-path", Path.Combine(Root, "artifacts"));

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A new console project that references the packed package, restoring into its own package folder.</summary>
    public ConsumerProject CreateConsumer(string program) => ConsumerProject.Create(this, program);
}
