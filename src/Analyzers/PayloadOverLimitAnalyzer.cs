using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1002: a payload provably larger than a limit the user configured (a peer profile or an explicit key), such as a
/// constant or a fixed-size buffer. The unconfigured default is a guess at the peer, so it never makes this error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadOverLimitAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PayloadOverLimit);

    internal override void Analyze(SentPayload sent, Action<Diagnostic> report)
    {
        if (sent.Size.IsBounded && ExceededLimit(sent) is { } limit)
        {
            report(Diagnostic.Create(Descriptors.PayloadOverLimit, sent.Location, sent.Properties, sent.Size.Minimum, limit.Describe()));
        }
    }

    /// <summary>
    /// A message is at least as large as any of its frames, so one frame over the message limit proves the message
    /// is over it too; that limit is named first, since sending in smaller frames would not help.
    /// </summary>
    private static SendLimit? ExceededLimit(SentPayload sent)
    {
        if (sent.Limits.MessageLimit is { } message && sent.Size.Minimum > message.Bytes)
        {
            return message;
        }

        return sent.Limits.FrameLimit is { IsConfigured: true } frame && sent.Size.Minimum > frame.Bytes ? frame : null;
    }
}
