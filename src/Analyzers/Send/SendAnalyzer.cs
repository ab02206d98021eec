using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.Send;

/// <summary>The start the size rules on sends share: each call that writes a frame, with its payload's size and the peer's limits.</summary>
public abstract class SendAnalyzer : WebSocketAnalyzer
{
    internal sealed override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        var use = WebSocketUse.Of(context.Compilation, types, options);
        void AnalyzeSend(IInvocationOperation invocation, Action<Diagnostic> report)
        {
            if (use.SentAt(invocation, options) is { } sent)
            {
                Analyze(sent, report);
            }
        }

        RegisterCalls(context, use.SendCalls, AnalyzeSend);
        if (SentPayload.StreamWriteNames(use) is { IsEmpty: false } writes)
        {
            RegisterNamedInFilesNaming<IInvocationOperation>(context, SentPayload.StreamWriteFileMention, writes, AnalyzeSend, SyntaxKind.InvocationExpression);
        }
    }

    internal abstract void Analyze(SentPayload sent, Action<Diagnostic> report);
}
