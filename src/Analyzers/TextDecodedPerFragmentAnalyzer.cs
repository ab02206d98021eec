using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers;

/// <summary>WSL2003: each fragment decoded to text on its own and the pieces joined, splitting multi-byte characters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TextDecodedPerFragmentAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.TextDecodedPerFragment);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types) =>
        RegisterNamed<ILoopOperation>(context, ImmutableArray.Create("ReceiveAsync"), (loop, report) => Analyze(loop, report, types), SyntaxKind.WhileStatement, SyntaxKind.DoStatement, SyntaxKind.ForStatement, SyntaxKind.ForEachStatement);

    private static void Analyze(ILoopOperation loopOperation, Action<Diagnostic> report, WellKnownTypes types)
    {
        // Driven by the loop, so that everything reported lies within the operation analyzed.
        if (ReceiveLoop.TryCreate(loopOperation, types) is not { ReadsUntilEndOfMessage: true } loop)
        {
            return;
        }

        foreach (var sink in loop.GrowingSinks())
        {
            foreach (var operation in sink.Append.Descendants())
            {
                if (operation is IInvocationOperation decode && MessageConsumers.IsMultiByteTextDecode(decode, types) && loop.CarriesReceivedData(decode))
                {
                    report(Diagnostic.Create(
                        Descriptors.TextDecodedPerFragment,
                        decode.Syntax.GetLocation(),
                        MessageConsumers.DisplayName(decode)));
                }
            }
        }
    }
}
