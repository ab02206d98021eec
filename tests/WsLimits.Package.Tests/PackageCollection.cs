using System.IO;
using WsLimits.Tests.Shared;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>
/// Every test class that consumes the package: one pack for all of them, and one class at a time, since each build
/// already uses both cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}

/// <summary>The checked-in consumer sources, configuration and expected diagnostics under Consumers/.</summary>
internal static class Consumers
{
    public static readonly string Path = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "WsLimits.Package.Tests", "Consumers");

    public static string Read(params string[] parts) => File.ReadAllText(System.IO.Path.Combine(Path, System.IO.Path.Combine(parts)));
}
