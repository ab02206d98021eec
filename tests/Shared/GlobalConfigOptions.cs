using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Tests.Shared;

/// <summary>The 'key = value' lines of a .globalconfig, for every file, as the compiler gives them to analyzers.</summary>
internal sealed class GlobalConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    /// <param name="text">The file's text; comments, section headers and is_global are skipped.</param>
    public GlobalConfigOptions(string text) => _options = new Options(text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && line[0] is not ('#' or ';' or '[') && line.Contains('=', StringComparison.Ordinal))
        .Select(line => line.Split('=', 2))
        .Where(pair => pair[0].Trim() != "is_global")
        .ToImmutableDictionary(pair => pair[0].Trim(), pair => pair[1].Trim()));

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
