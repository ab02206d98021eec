using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The start every rule shares: no generated code, concurrent execution, and nothing registered in a compilation
/// that does not reference System.Net.WebSockets.WebSocket.
/// </summary>
public abstract class WebSocketAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (WellKnownTypes.TryCreate(start.Compilation) is { } types)
            {
                Register(start, types);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references WebSocket.</summary>
    internal abstract void Register(CompilationStartAnalysisContext context, WellKnownTypes types);
}
