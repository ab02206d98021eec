using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Peers;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1001: a payload with no upper bound written in one frame, or as one message, to a peer that limits either.
/// Quiet where the peer profile limits neither (gorilla by default), and on frames the code marks as not the last of
/// their message: code that frames a message itself has chosen each frame's size.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedSingleFrameSendAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnboundedSingleFrameSend);

    internal override void Analyze(SentPayload sent, Action<Diagnostic> report)
    {
        if (!sent.Size.IsUnbounded || sent.Send.IsKnownFragment || sent.Limits.TightestForWholeMessage is not { } limit)
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
