using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Options;

/// <summary>What the build says the project targets, from the MSBuild properties the SDK passes to analyzers.</summary>
internal sealed class TargetPlatform
{
    private TargetPlatform(string targetFramework, string identifier, bool browserOnly)
    {
        TargetFramework = targetFramework;
        Identifier = identifier;
        IsBrowserOnly = browserOnly;
    }

    /// <summary>The target framework moniker, such as net8.0, or empty when the build did not say.</summary>
    public string TargetFramework { get; }

    /// <summary>.NETCoreApp, .NETFramework or .NETStandard, or empty when the build did not say.</summary>
    public string Identifier { get; }

    /// <summary>True for projects that run only in the browser (Blazor WebAssembly).</summary>
    public bool IsBrowserOnly { get; }

    public bool IsNetCore => Identifier == ".NETCoreApp";

    public static TargetPlatform Read(AnalyzerConfigOptions globalOptions)
    {
        globalOptions.TryGetValue("build_property.TargetFramework", out var targetFramework);
        globalOptions.TryGetValue("build_property.TargetFrameworkIdentifier", out var identifier);
        globalOptions.TryGetValue("build_property._SupportedPlatformList", out var platforms);
        var browserOnly = string.Equals(platforms?.Trim(), "browser", StringComparison.OrdinalIgnoreCase);
        return new TargetPlatform(targetFramework ?? string.Empty, identifier ?? string.Empty, browserOnly);
    }
}
