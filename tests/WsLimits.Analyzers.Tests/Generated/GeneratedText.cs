using System.Collections.Generic;
using System.Linq;
using System.Text;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.Tests.Generated;

/// <summary>
/// The text of every generated file and region: the presets, the README rule table, the rule pages' headers, the
/// presets page and the option reference. All of it comes from the built analyzers, so none of it can drift.
/// </summary>
internal static class GeneratedText
{
    /// <summary>What each option means, for the option reference; a test holds the keys to LimitOptions.KnownKeys.</summary>
    public static readonly IReadOnlyDictionary<string, (string Default, string Accepted)> OptionDescriptions = new Dictionary<string, (string, string)>
    {
        [LimitOptions.PeerKey] = ("none", "a [peer profile](peers.md) name, not case-sensitive"),
        [LimitOptions.MaxFrameBytesKey] = ("the profile's, else `65536`", "a whole number of bytes from 1 to 2147483647 (`_` separators allowed)"),
        [LimitOptions.MaxMessageBytesKey] = ("the profile's, else none", "a whole number of bytes from 1 to 2147483647"),
        [LimitOptions.MaxReceiveMessageBytesKey] = ("`wslimits.max_message_bytes`, else `1048576`", "a whole number of bytes from 1 to 2147483647"),
        [LimitOptions.SignalRMaxReceiveMessageBytesKey] = ("`32768` (SignalR's default)", "a whole number of bytes from 1 to 2147483647"),
        [LimitOptions.PublicCallersKey] = ("`any`; `visible` in a test project (one that references xUnit, NUnit, MSTest or TUnit)", "`any` (a public member's parameters carry whatever other assemblies pass) or `visible` (judge only the callers in the project); one value for the whole project"),
    };

    public static string Preset(string mode)
    {
        var text = new StringBuilder()
            .AppendLine($"# WsLimits.Analyzers preset '{mode}', chosen with <WsLimitsAnalysisMode>{mode}</WsLimitsAnalysisMode>.")
            .AppendLine("# Generated from the rule descriptors by tests/WsLimits.Analyzers.Tests/Generated: do not edit.")
            .AppendLine("# The low global_level lets any .editorconfig or .globalconfig of the project override it.")
            .AppendLine("is_global = true")
            .AppendLine("global_level = -1")
            .AppendLine();
        foreach (var rule in RuleFacts.All)
        {
            text.AppendLine($"dotnet_diagnostic.{rule.Id}.severity = {Presets.Severity(mode, rule.Descriptor)}");
        }

        return text.ToString();
    }

    public static string ReadmeRules()
    {
        var text = new StringBuilder()
            .AppendLine("| ID | Title | Category | Severity | Enabled | Code fix | Options |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rule in RuleFacts.All)
        {
            text.AppendLine($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.Descriptor.Title} | {rule.Descriptor.Category} | {rule.Descriptor.DefaultSeverity} | {YesNo(rule.Descriptor.IsEnabledByDefault)} | {YesNo(rule.HasCodeFix)} | {Keys(rule.Options)} |");
        }

        return text.ToString();
    }

    public static string RuleHeader(RuleFacts rule) => new StringBuilder()
        .AppendLine("| | |")
        .AppendLine("|---|---|")
        .AppendLine($"| Category | {rule.Descriptor.Category} |")
        .AppendLine($"| Default severity | {rule.Descriptor.DefaultSeverity} |")
        .AppendLine($"| Enabled by default | {YesNo(rule.Descriptor.IsEnabledByDefault)} |")
        .AppendLine($"| Code fix | {YesNo(rule.HasCodeFix)} |")
        .AppendLine($"| Options | {Keys(rule.Options)} |")
        .AppendLine($"| Severity in the [presets](../presets.md) | {string.Join(", ", Presets.Modes.Select(mode => $"{mode}: {Presets.Severity(mode, rule.Descriptor)}"))} |")
        .ToString();

    public static string PresetTable()
    {
        var text = new StringBuilder()
            .AppendLine($"| Rule | default | {string.Join(" | ", Presets.Modes)} |")
            .AppendLine($"|---|---|{string.Concat(Presets.Modes.Select(_ => "---|"))}");
        foreach (var rule in RuleFacts.All)
        {
            text.AppendLine($"| [{rule.Id}](rules/{rule.Id}.md) | {Presets.Default(rule.Descriptor)} | {string.Join(" | ", Presets.Modes.Select(mode => Presets.Severity(mode, rule.Descriptor)))} |");
        }

        return text.ToString();
    }

    public static string OptionReference()
    {
        var text = new StringBuilder()
            .AppendLine("| Key | Default | Accepted values | Read by |")
            .AppendLine("|---|---|---|---|");
        foreach (var key in LimitOptions.KnownKeys)
        {
            var (defaultValue, accepted) = OptionDescriptions[key];
            var readers = RuleFacts.All.Where(rule => rule.Id != "WSL9001" && rule.Options.Contains(key)).Select(rule => $"[{rule.Id}](rules/{rule.Id}.md)");
            text.AppendLine($"| `{key}` | {defaultValue} | {accepted} | {string.Join(", ", readers)} |");
        }

        return text.ToString();
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string Keys(IEnumerable<string> keys)
    {
        var list = keys.Select(key => $"`{key}`").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
