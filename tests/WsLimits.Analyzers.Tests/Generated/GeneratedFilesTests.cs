using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Tests.Meta;
using Xunit;

namespace WsLimits.Analyzers.Tests.Generated;

/// <summary>
/// The presets and the generated parts of the docs match the built analyzers. When a rule changes, run
/// <c>WSLIMITS_UPDATE_GENERATED=1 dotnet test tests/WsLimits.Analyzers.Tests --filter GeneratedFilesTests</c>
/// to rewrite them, and commit the result.
/// </summary>
public sealed class GeneratedFilesTests
{
    private const string UpdateVariable = "WSLIMITS_UPDATE_GENERATED";

    public static IEnumerable<object[]> Modes => Presets.Modes.Select(mode => new object[] { mode });

    public static IEnumerable<object[]> RuleIds => RuleFacts.All.Select(rule => new object[] { rule.Id });

    [Theory]
    [MemberData(nameof(Modes))]
    public void PresetIsGeneratedFromTheDescriptors(string mode) =>
        Check(new[] { "src", "Package", "buildTransitive", "config", $"wslimits.{mode}.globalconfig" }, region: null, GeneratedText.Preset(mode));

    [Fact]
    public void ReadmeRuleTableIsGenerated() => Check(new[] { "README.md" }, "rules", GeneratedText.ReadmeRules());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePageHeaderIsGenerated(string id) =>
        Check(new[] { "docs", "rules", id + ".md" }, "header", GeneratedText.RuleHeader(RuleFacts.All.Single(rule => rule.Id == id)));

    [Fact]
    public void PresetTableIsGenerated() => Check(new[] { "docs", "presets.md" }, "presets", GeneratedText.PresetTable());

    [Fact]
    public void OptionReferenceIsGenerated() => Check(new[] { "docs", "configuration.md" }, "options", GeneratedText.OptionReference());

    [Fact]
    public void EveryOptionIsDescribedAndReadBySomeRule()
    {
        Assert.Equal(LimitOptions.KnownKeys.OrderBy(key => key), GeneratedText.OptionDescriptions.Keys.OrderBy(key => key));
        Assert.All(LimitOptions.KnownKeys, key => Assert.Contains(RuleFacts.All, rule => rule.Id != "WSL9001" && rule.Options.Contains(key)));
    }

    /// <param name="region">The name in the file's <c>&lt;!-- generated: name --&gt;</c> markers; null for a whole generated file.</param>
    private static void Check(string[] path, string? region, string expected)
    {
        var file = RepositoryFiles.Path(path);
        var current = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n") : string.Empty;
        var wanted = region is null ? expected : WithRegion(current, region, expected, file);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, wanted);
            return;
        }

        Assert.True(current == wanted, $"{string.Join("/", path)} is out of date: run {UpdateVariable}=1 dotnet test tests/WsLimits.Analyzers.Tests --filter GeneratedFilesTests");
    }

    private static string WithRegion(string text, string region, string content, string file)
    {
        var start = $"<!-- generated: {region} -->\n";
        const string End = "<!-- end generated -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(End, from, StringComparison.Ordinal);
        if (from < 0 || to < 0)
        {
            throw new InvalidOperationException($"{file} has no '{start.Trim()}' ... '{End}' region");
        }

        return text[..(from + start.Length)] + content + text[to..];
    }
}
