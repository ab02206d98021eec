using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.SignalR;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL3002: a SignalR server's receive limit (ASP.NET Core's or SignalR 2's) set to null or to
/// <see cref="UnboundedBytes"/> or more, or, where the limits contract gives a value, to more than
/// <see cref="FarAboveFactor"/> times it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignalRReceiveLimitDisabledAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the limit the fix writes, the contract's or the server's default.</summary>
    public const string LimitBytesProperty = "LimitBytes";

    /// <summary>Above the contract is allowed (servers accept at least what clients send); this far above is a DoS margin, not a need.</summary>
    public const int FarAboveFactor = 8;

    /// <summary>
    /// From int.MaxValue up a limit bounds nothing: no .NET array or string is that long, so no hub argument is read
    /// from such a message, and int.MaxValue and long.MaxValue are how code writes "no limit" as a number.
    /// </summary>
    public const long UnboundedBytes = int.MaxValue;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SignalRReceiveLimitDisabled);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (ReceiveLimitSettings.For(context.Compilation, types) is not { } settings)
        {
            return;
        }

        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        RegisterNamed<ISimpleAssignmentOperation>(
            context,
            ReceiveLimitSettings.PropertyNames,
            (assignment, report) => Analyze(assignment, report, settings, options),
            SyntaxKind.SimpleAssignmentExpression);
    }

    private static void Analyze(ISimpleAssignmentOperation assignment, Action<Diagnostic> report, ReceiveLimitSettings settings, LimitOptionsCache options)
    {
        if (settings.Of(assignment) is not { Value.ConstantValue.HasValue: true } setting)
        {
            return;
        }

        var server = setting.Server;
        var contract = options.For(assignment.Syntax.SyntaxTree).SignalRReceiveLimit;
        if (Problem(server, setting.Value.ConstantValue.Value, contract) is not { } problem)
        {
            return;
        }

        var limitBytes = contract.IsConfigured ? contract.Bytes : server.DefaultBytes;
        var limit = contract.IsConfigured
            ? string.Format(CultureInfo.InvariantCulture, "{0} bytes, the contract's {1}", contract.Bytes, contract.Source)
            : string.Format(CultureInfo.InvariantCulture, "such as {0}'s default of {1} bytes", server.Name, server.DefaultBytes);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(LimitBytesProperty, limitBytes.ToString(CultureInfo.InvariantCulture));
        report(Diagnostic.Create(Descriptors.SignalRReceiveLimitDisabled, assignment.Syntax.GetLocation(), properties, server.LimitProperty + " " + problem.What, problem.Buffered, limit));
    }

    /// <summary>What is wrong with the value, and what a client can then make the server buffer; null when nothing is.</summary>
    private static (string What, string Buffered)? Problem(SignalRServer server, object? value, SendLimit contract)
    {
        if (value is null)
        {
            return ("is null, which removes " + server.LimitDescription, "a message of any size");
        }

        if (value is not (int or long or uint))
        {
            return null;
        }

        var bytes = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (bytes >= UnboundedBytes)
        {
            return (string.Format(CultureInfo.InvariantCulture, "is {0}, which bounds nothing in practice", bytes), "a message of any size");
        }

        return contract.IsConfigured && bytes > FarAboveFactor * contract.Bytes
            ? (string.Format(CultureInfo.InvariantCulture, "is {0}, more than {1} times the contract", bytes, FarAboveFactor), string.Format(CultureInfo.InvariantCulture, "{0} bytes", bytes))
            : null;
    }
}
