using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>The one place descriptors are made, so every rule links to its own doc page.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/WsLimits/WsLimits.Analyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor UnboundedSingleFrameSend = Create(
        DiagnosticIds.UnboundedSingleFrameSend,
        title: "WebSocket payload of unbounded size sent as a single frame",
        messageFormat: "The payload from {0} has no upper bound, but SendAsync writes it as one frame; a peer with a per-frame limit of {1} bytes closes the connection with 1009 (message too big)",
        RuleCategories.Send,
        DiagnosticSeverity.Warning,
        description: "One SendAsync call writes exactly one WebSocket frame: .NET never splits it. Peers such as Netty and Spring WebFlux reject frames over 64 KiB with close code 1009. Send large payloads in frames no larger than the peer's limit, holding a per-socket lock for the whole message.");

    public static readonly DiagnosticDescriptor InvalidLimitOption = Create(
        DiagnosticIds.InvalidLimitOption,
        title: "Invalid WsLimits configuration value",
        messageFormat: "{0}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        description: "A 'wslimits.*' key in .editorconfig or .globalconfig is unknown or has a value the analyzers cannot use; the documented default applies instead.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", customTags);
}
