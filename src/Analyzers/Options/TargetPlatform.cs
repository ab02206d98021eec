using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Options;

/// <summary>What the build says the project targets, from the MSBuild properties the SDK passes to analyzers.</summary>
internal sealed class TargetPlatform
{
    private TargetPlatform(string identifier, bool browserOnly)
    {
        Identifier = identifier;
        IsBrowserOnly = browserOnly;
    }

    /// <summary>.NETCoreApp, .NETFramework or .NETStandard, or empty when the build did not say.</summary>
    public string Identifier { get; }

    /// <summary>True for projects that run only in the browser (Blazor WebAssembly).</summary>
    public bool IsBrowserOnly { get; }

    public bool IsNetCore => Identifier == ".NETCoreApp";

    public static TargetPlatform Read(AnalyzerConfigOptions globalOptions)
    {
        globalOptions.TryGetValue("build_property.TargetFrameworkIdentifier", out var identifier);
        globalOptions.TryGetValue("build_property._SupportedPlatformList", out var platforms);
        var browserOnly = string.Equals(platforms?.Trim(), "browser", StringComparison.OrdinalIgnoreCase);
        return new TargetPlatform(identifier ?? string.Empty, browserOnly);
    }
}
