using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace WsLimits.Analyzers.Tests.Verifiers;

/// <summary>The reference-assembly sets the rules are tested against, each with the JSON libraries users send.</summary>
public static class TargetFrameworks
{
    public const string Net80 = "net8.0";
    public const string Net100 = "net10.0";
    public const string NetStandard20 = "netstandard2.0";
    public const string NetStandard21 = "netstandard2.1";
    public const string Net100AspNetCore = "net10.0 with ASP.NET Core";
    public const string Net472AspNetSignalR = "net472 with ASP.NET SignalR 2";

    public static readonly ImmutableArray<string> All = ImmutableArray.Create(Net80, Net100, NetStandard20, NetStandard21);

    private static readonly PackageIdentity Newtonsoft = new("Newtonsoft.Json", "13.0.3");
    private static readonly PackageIdentity Pipelines = new("System.IO.Pipelines", "8.0.0");
    private static readonly PackageIdentity MessagePack = new("MessagePack", "2.5.307");

    // The first resolution downloads packages into one shared folder. Every set is resolved once, one at a time,
    // before any test uses one, so that parallel tests never read a half-written download.
    private static readonly Lazy<bool> Downloaded = new(DownloadAll, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ReferenceAssemblies For(string name)
    {
        _ = Downloaded.Value;
        return Create(name);
    }

    private static bool DownloadAll()
    {
        foreach (var name in All.Add(Net472AspNetSignalR))
        {
            Create(name).ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        }

        return true;
    }

    private static ReferenceAssemblies Create(string name) => name switch
    {
        Net80 => ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(Newtonsoft, Pipelines, MessagePack)),
        Net100AspNetCore => Create(Net100),
        Net472AspNetSignalR => ReferenceAssemblies.NetFramework.Net472.Default,
        Net100 => new ReferenceAssemblies(
                "net10.0",
                new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
                Path.Combine("ref", "net10.0"))
            .AddPackages(ImmutableArray.Create(Newtonsoft, Pipelines)),
        NetStandard20 => ReferenceAssemblies.NetStandard.NetStandard20.AddPackages(ImmutableArray.Create(
            Newtonsoft,
            Pipelines,
            new PackageIdentity("System.Text.Json", "8.0.5"))),
        NetStandard21 => ReferenceAssemblies.NetStandard.NetStandard21.AddPackages(ImmutableArray.Create(
            Newtonsoft,
            Pipelines,
            new PackageIdentity("System.Text.Json", "8.0.5"))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such reference-assembly set"),
    };

    /// <summary>
    /// ASP.NET Core's assemblies and the SignalR client, for sets that need them: taken from the shared framework this test
    /// runs on, next to the runtime, since the reference-assembly downloader does not resolve the ASP.NET Core targeting pack.
    /// ASP.NET SignalR 2's core assembly is copied next to this test assembly (its package's OWIN dependencies are not
    /// needed to compile the tests' sources).
    /// </summary>
    public static ImmutableArray<MetadataReference> AdditionalReferences(string name) => name switch
    {
        Net100AspNetCore => AspNetCoreReferences.Value,
        Net472AspNetSignalR => AspNetSignalRReferences.Value,
        _ => ImmutableArray<MetadataReference>.Empty,
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetSignalRReferences = new(() => ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "AspNetSignalR", "Microsoft.AspNet.SignalR.Core.dll"))));

    // Read once: every compilation that shares them also shares their metadata.
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new(() =>
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var aspNetCore = Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App", runtime.Name);

        // The SignalR .NET client is a package, restored next to this test assembly.
        return Directory.GetFiles(aspNetCore, "Microsoft.AspNetCore*.dll")
            .Concat(Directory.GetFiles(aspNetCore, "Microsoft.Extensions*.dll"))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.AspNetCore.*Client*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });
}
