using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers;

/// <summary>WSL2002: fragments appended to a growing store until EndOfMessage, with no check of its size.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedReassemblyAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the receive limit in force where the loop is, for the code fix.</summary>
    public const string MaxMessageBytesProperty = "MaxMessageBytes";

    /// <summary>Diagnostic property: the member that gives the store's size, where it has one.</summary>
    public const string SizeMemberProperty = "SizeMember";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnboundedReassembly);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        var use = WebSocketUse.Of(context.Compilation, types, options);
        RegisterLoops(context, use.ReceiveCalls, (loop, report) => Analyze(loop, report, types, options, use));
    }

    private static void Analyze(ILoopOperation operation, Action<Diagnostic> report, WellKnownTypes types, LimitOptionsCache options, WebSocketUse use)
    {
        // Driven by the loop, so that everything reported lies within the operation analyzed.
        if (ReceiveLoop.TryCreate(operation, types, use) is not { ReadsUntilEndOfMessage: true } loop)
        {
            return;
        }

        var maxMessageBytes = options.For(operation.Syntax.SyntaxTree).MaxReceiveMessageBytes;
        foreach (var sink in loop.GrowingSinks())
        {
            if (loop.IsSizeChecked(sink))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(MaxMessageBytesProperty, maxMessageBytes.ToString(CultureInfo.InvariantCulture));
            if (sink.SizeMember is not null)
            {
                properties = properties.Add(SizeMemberProperty, sink.SizeMember);
            }

            report(Diagnostic.Create(
                Descriptors.UnboundedReassembly,
                sink.Append.Syntax.GetLocation(),
                properties,
                sink.Symbol.Name,
                maxMessageBytes));
        }

        // Reported at the call; without a size member, so the fix, which checks the size after an append in the loop,
        // is not offered: the append is in another method.
        foreach (var append in loop.AppendsThroughCalls())
        {
            if (!loop.IsSizeChecked(append))
            {
                report(Diagnostic.Create(
                    Descriptors.UnboundedReassembly,
                    append.Call.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(MaxMessageBytesProperty, maxMessageBytes.ToString(CultureInfo.InvariantCulture)),
                    append.Append.StoreName,
                    maxMessageBytes));
            }
        }
    }
}
