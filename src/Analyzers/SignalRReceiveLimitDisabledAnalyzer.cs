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
/// WSL3002: SignalR's receive limit set to null, or, where the limits contract gives a value, to more than
/// <see cref="FarAboveFactor"/> times it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignalRReceiveLimitDisabledAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the limit the fix writes, the contract's or SignalR's default.</summary>
    public const string LimitBytesProperty = "LimitBytes";

    /// <summary>Above the contract is allowed (servers accept at least what clients send); this far above is a DoS margin, not a need.</summary>
    public const int FarAboveFactor = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SignalRReceiveLimitDisabled);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.HubOptions is null)
        {
            return;
        }

        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        RegisterNamed<ISimpleAssignmentOperation>(
            context,
            ImmutableArray.Create(ReceiveLimitSetting.PropertyName),
            (assignment, report) => Analyze(assignment, report, types, options),
            SyntaxKind.SimpleAssignmentExpression);
    }

    private static void Analyze(ISimpleAssignmentOperation assignment, Action<Diagnostic> report, WellKnownTypes types, LimitOptionsCache options)
    {
        if (ReceiveLimitSetting.ValueOf(assignment, types) is not { ConstantValue.HasValue: true } value)
        {
            return;
        }

        var contract = options.For(assignment.Syntax.SyntaxTree).SignalRReceiveLimit;
        var limit = contract.IsConfigured
            ? string.Format(CultureInfo.InvariantCulture, "{0} bytes, the contract's {1}", contract.Bytes, contract.Source)
            : string.Format(CultureInfo.InvariantCulture, "such as SignalR's default of {0} bytes", contract.Bytes);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(LimitBytesProperty, contract.Bytes.ToString(CultureInfo.InvariantCulture));
        switch (value.ConstantValue.Value)
        {
            case null:
                report(Diagnostic.Create(Descriptors.SignalRReceiveLimitDisabled, assignment.Syntax.GetLocation(), properties, "is null, which removes SignalR's only receive limit", "a message of any size", limit));
                break;
            case long or int when Convert.ToInt64(value.ConstantValue.Value, CultureInfo.InvariantCulture) is var bytes && contract.IsConfigured && bytes > FarAboveFactor * contract.Bytes:
                report(Diagnostic.Create(
                    Descriptors.SignalRReceiveLimitDisabled,
                    assignment.Syntax.GetLocation(),
                    properties,
                    string.Format(CultureInfo.InvariantCulture, "is {0}, more than {1} times the contract", bytes, FarAboveFactor),
                    string.Format(CultureInfo.InvariantCulture, "{0} bytes", bytes),
                    limit));
                break;
        }
    }
}
