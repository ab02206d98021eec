using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Peers;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1001: a payload with no upper bound written in one frame, or as one message, to a peer that limits either; and,
/// where no limit is configured, a payload known to be over the default frame limit (WSL1002 takes that case once the
/// team names its peer). Quiet where the peer profile limits neither (gorilla by default), and on unbounded frames the
/// code marks as not the last of their message: code that frames a message itself has chosen each frame's size.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedSingleFrameSendAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnboundedSingleFrameSend, Descriptors.OversizedSingleFrameSend);

    internal override void Analyze(SentPayload sent, Action<Diagnostic> report)
    {
        if (sent.Size.IsBounded)
        {
            ReportOverDefaultFrameLimit(sent, report);
            return;
        }

        if (!sent.Size.IsUnbounded || sent.Send.IsKnownFragment || sent.Limits.TightestForWholeMessage is not { } limit)
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.UnboundedSingleFrameSend,
            sent.Location,
            sent.Properties,
            sent.Send.IsWrapped ? $"{sent.Size.Origin}, sent through '{ValueUnion.NameOf(sent.Send.Invocation.TargetMethod)}'," : sent.Size.Origin,
            limit.Scope == LimitScope.Frame ? "frame" : "message",
            limit.Describe()));
    }

    /// <summary>Only while nothing is configured: a configured limit makes a known size WSL1002's, over it or not.</summary>
    private static void ReportOverDefaultFrameLimit(SentPayload sent, Action<Diagnostic> report)
    {
        if (sent.Limits.MessageLimit is null && sent.Limits.FrameLimit is { IsConfigured: false } frame && sent.Size.Minimum > frame.Bytes)
        {
            report(Diagnostic.Create(Descriptors.OversizedSingleFrameSend, sent.Location, sent.Properties, sent.Size.Minimum, frame.Describe()));
        }
    }
}
