using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers;

/// <summary>WSL2003: each fragment decoded to text on its own and the pieces joined, splitting multi-byte characters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TextDecodedPerFragmentAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TextDecodedPerFragment);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterLoops(context, use.ReceiveCalls, (loop, report) => Analyze(loop, report, types, use));
    }

    private static void Analyze(ILoopOperation loopOperation, Action<Diagnostic> report, WellKnownTypes types, WebSocketUse use)
    {
        // Driven by the loop, so that everything reported lies within the operation analyzed.
        if (ReceiveLoop.TryCreate(loopOperation, types, use) is not { ReadsUntilEndOfMessage: true } loop)
        {
            return;
        }

        var reported = new HashSet<IOperation>();
        foreach (var sink in loop.GrowingSinks())
        {
            foreach (var operation in AppendedValues(sink, loop).SelectMany(value => value.DescendantsAndSelf()))
            {
                if (operation is IInvocationOperation decode
                    && MessageConsumers.IsMultiByteTextDecode(decode, types)
                    && loop.CarriesReceivedData(decode)
                    && reported.Add(decode))
                {
                    report(Diagnostic.Create(
                        Descriptors.TextDecodedPerFragment,
                        decode.Syntax.GetLocation(),
                        MessageConsumers.DisplayName(decode)));
                }
            }
        }
    }

    /// <summary>The append, and what reaches it through locals: <c>var text = Encoding.UTF8.GetString(...); builder.Append(text);</c>.</summary>
    private static IEnumerable<IOperation> AppendedValues(MessageSink sink, ReceiveLoop loop) =>
        loop.LocalsHoldingReceivedData().ValuesReaching(sink.Append).Prepend(sink.Append);
}
