using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>The package, packed once from the sources into a local folder feed, with its own build outputs.</summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string Version = "0.0.0-test";

    public string Root { get; } = Directory.CreateTempSubdirectory("wslimits-package-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string NupkgPath => Path.Combine(Feed, $"WsLimits.Analyzers.{Version}.nupkg");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync() => await DotnetCli.RunAsync(
        RepositoryRoot,
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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WsLimits.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WsLimits.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
