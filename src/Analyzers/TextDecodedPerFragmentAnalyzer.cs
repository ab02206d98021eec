using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
        context.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.Loop);

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types)
    {
        // Driven by the loop, so that everything reported lies within the operation analyzed.
        if (ReceiveLoop.TryCreate((ILoopOperation)context.Operation, types) is not { ReadsUntilEndOfMessage: true } loop)
        {
            return;
        }

        foreach (var sink in loop.GrowingSinks(types))
        {
            foreach (var operation in sink.Append.Descendants())
            {
                if (operation is IInvocationOperation decode && MessageConsumers.IsMultiByteTextDecode(decode, types) && loop.CarriesReceivedData(decode))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.TextDecodedPerFragment,
                        decode.Syntax.GetLocation(),
                        MessageConsumers.DisplayName(decode)));
                }
            }
        }
    }
}
