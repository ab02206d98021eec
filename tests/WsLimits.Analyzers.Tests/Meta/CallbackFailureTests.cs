using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>A bug in a rule's callback reaches the user as an AD0001 that names the rule and the line it was analyzing.</summary>
public sealed class CallbackFailureTests
{
    [Fact]
    public async Task AFailingCallbackNamesItsRuleAndPlace()
    {
        var compilation = AnalyzerHost.CompileWithWebSockets("""
            using System.Net.WebSockets;
            class C
            {
                void M(WebSocket ws) =>
                    ws.SendAsync(default(System.ArraySegment<byte>), WebSocketMessageType.Text, true, default);
            }
            """).WithAssemblyName("Subject");
        var failures = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => failures.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);

        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FailingAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var failure = Assert.IsType<AnalyzerCallbackException>(Assert.Single(failures));
        Assert.Equal("WSL0000 failed at (5,9): InvalidOperationException: a bug", failure.Message);
    }

#pragma warning disable RS1036, RS2008 // a test-only analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class FailingAnalyzer : WebSocketAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("WSL0000", "test", "test", "test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types) =>
            RegisterNamed<IInvocationOperation>(context, ImmutableArray.Create("SendAsync"), (_, _) => throw new InvalidOperationException("a bug"), SyntaxKind.InvocationExpression);
    }
#pragma warning restore RS1036, RS2008
}
