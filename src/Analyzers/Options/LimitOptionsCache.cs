using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Options;

/// <summary>
/// Parses each distinct set of options once per compilation, for every rule: trees under the same .editorconfig
/// sections share one <see cref="AnalyzerConfigOptions"/> instance, and the rules of one compilation share one provider.
/// </summary>
internal sealed class LimitOptionsCache
{
    private static readonly ConditionalWeakTable<AnalyzerConfigOptionsProvider, LimitOptionsCache> Shared = new();

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, LimitOptions> _parsed = new(ReferenceComparer.Instance);

    private LimitOptionsCache(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    /// <summary>The cache of a compilation's options, made by the first rule that asks.</summary>
    public static LimitOptionsCache Of(AnalyzerConfigOptionsProvider provider) => Shared.GetValue(provider, created => new LimitOptionsCache(created));

    public LimitOptions For(SyntaxTree tree) => _parsed.GetOrAdd(_provider.GetOptions(tree), LimitOptions.Parse);

    public LimitOptions Global => _parsed.GetOrAdd(_provider.GlobalOptions, LimitOptions.Parse);

    private sealed class ReferenceComparer : IEqualityComparer<AnalyzerConfigOptions>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(AnalyzerConfigOptions? x, AnalyzerConfigOptions? y) => ReferenceEquals(x, y);

        public int GetHashCode(AnalyzerConfigOptions obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
