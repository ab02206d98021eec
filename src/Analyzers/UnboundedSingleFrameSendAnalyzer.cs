using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.PayloadSize;
using WsLimits.Analyzers.Peers;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1001: a payload with no upper bound written in one frame, or as one message, to a peer that limits either.
/// Quiet where the peer profile limits neither (gorilla by default).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedSingleFrameSendAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnboundedSingleFrameSend);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var sizes = new PayloadSizeAnalysis(types);
        var options = new LimitOptionsCache(context.Options.AnalyzerConfigOptionsProvider);
        RegisterNamed<IInvocationOperation>(context, SentPayload.CallNames(types), (invocation, report) => Analyze(invocation, report, types, sizes, options), SyntaxKind.InvocationExpression);
    }

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WellKnownTypes types, PayloadSizeAnalysis sizes, LimitOptionsCache options)
    {
        if (SentPayload.TryCreate(invocation, types, sizes, options) is not { Size.IsUnbounded: true } sent
            || sent.Limits.TightestForWholeMessage is not { } limit)
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.UnboundedSingleFrameSend,
            sent.Location,
            sent.Properties,
            sent.Size.Origin,
            limit.Scope == LimitScope.Frame ? "frame" : "message",
            limit.Describe()));
    }
}
