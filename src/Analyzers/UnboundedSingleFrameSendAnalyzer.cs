using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.PayloadSize;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>WSL1001: a payload with no upper bound passed to one SendAsync call, which writes it as one frame.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedSingleFrameSendAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the frame limit in force where the call is, for the code fix.</summary>
    public const string MaxFrameBytesProperty = "MaxFrameBytes";

    /// <summary>Diagnostic property present when the call ends its message, the one shape the code fix rewrites.</summary>
    public const string EndsMessageProperty = "EndsMessage";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnboundedSingleFrameSend);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var sizes = new PayloadSizeAnalysis(types);
        var options = new LimitOptionsCache(context.Options.AnalyzerConfigOptionsProvider);
        RegisterNamed<IInvocationOperation>(context, ImmutableArray.Create("SendAsync"), (invocation, report) => Analyze(invocation, report, types, sizes, options), SyntaxKind.InvocationExpression);
    }

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WellKnownTypes types, PayloadSizeAnalysis sizes, LimitOptionsCache options)
    {
        if (WebSocketSendCall.TryCreate(invocation, types) is not { } send)
        {
            return;
        }

        var size = sizes.Evaluate(send.Payload.Value);
        if (!size.IsUnbounded)
        {
            return;
        }

        var maxFrameBytes = options.For(invocation.Syntax.SyntaxTree).MaxFrameBytes;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MaxFrameBytesProperty, maxFrameBytes.ToString(CultureInfo.InvariantCulture));
        if (send.EndsMessage)
        {
            properties = properties.Add(EndsMessageProperty, "true");
        }

        report(Diagnostic.Create(
            Descriptors.UnboundedSingleFrameSend,
            PayloadExpression(send).GetLocation(),
            properties,
            size.Origin,
            maxFrameBytes));
    }

    /// <summary>The payload as written, without an argument name, so the squiggle covers the data alone.</summary>
    private static SyntaxNode PayloadExpression(WebSocketSendCall send) =>
        send.Payload.Syntax is ArgumentSyntax argument ? argument.Expression : send.Payload.Syntax;
}
