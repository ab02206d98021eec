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
/// WSL3005: SignalR's TransportMaxBufferSize or ApplicationMaxBufferSize set to 0, on the server or the .NET client,
/// usually as if it lifted a message limit; it turns off back-pressure instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignalRBackPressureDisabledAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the threshold's default on that side, which the second fix writes.</summary>
    public const string DefaultBytesProperty = "DefaultBytes";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SignalRBackPressureDisabled);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.HttpConnectionOptions is null && types.HttpConnectionDispatcherOptions is null)
        {
            return;
        }

        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        RegisterNamed<ISimpleAssignmentOperation>(
            context,
            BackPressureThreshold.PropertyNames,
            (assignment, report) => Analyze(assignment, report, types, options),
            SyntaxKind.SimpleAssignmentExpression);
    }

    private static void Analyze(ISimpleAssignmentOperation assignment, Action<Diagnostic> report, WellKnownTypes types, LimitOptionsCache options)
    {
        if (BackPressureThreshold.Of(assignment, types) is not { DisablesBackPressure: true } threshold)
        {
            return;
        }

        var properties = RemovableSetting.Properties(assignment)
            .Add(DefaultBytesProperty, threshold.DefaultBytes.ToString(CultureInfo.InvariantCulture));
        report(Diagnostic.Create(
            Descriptors.SignalRBackPressureDisabled,
            assignment.Syntax.GetLocation(),
            properties,
            threshold.Property.ContainingType.Name + "." + threshold.Property.Name,
            threshold.DefaultBytes,
            options.For(assignment.Syntax.SyntaxTree).SignalRReceiveLimit.Describe()));
    }
}
