using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1004: a message that is never ended. Three shapes:
/// <list type="bullet">
/// <item>constant flags without EndOfMessage (<c>0</c>, <c>None</c>, <c>DisableCompression</c>) on a send that nothing
/// after it in the function may end;</item>
/// <item>a fragment (constant <c>false</c> or such flags) sent in a loop, with nothing in or after the loop that may end
/// the message, or with a way out of the loop on which nothing does;</item>
/// <item>a whole payload sent with the EndOfMessage of an unrelated receive.</item>
/// </list>
/// A <c>false</c> outside a loop is a deliberate fragment that someone else ends, and is left alone, as is anything
/// whose framing is not a constant.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageNeverEndedAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property present when ending the message on this very send is the fix.</summary>
    public const string EndHereProperty = "EndHere";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MessageNeverEnded);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterCalls(context, use.SendCalls, (invocation, report) => Analyze(invocation, report, use));
    }

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WebSocketUse use)
    {
        if (WebSocketSendCall.TryCreate(invocation, use) is not { EndOfMessage: { } endOfMessage } send)
        {
            return;
        }

        if (!send.IsKnownFragment)
        {
            if (BorrowedEndOfMessage.ResultBorrowedBy(send, use.Types) is not null)
            {
                Report(report, endOfMessage, endHere: true, $"'{ExpressionOf(endOfMessage)}' is the flag of a frame received here, not of this payload: after a partial receive this message stays open");
            }

            return;
        }

        var ends = new MessageEnds(send, use);
        if (invocation.EnclosingLoop() is not { } loop)
        {
            if (send.UsesFlags && !ends.AnyAfter(invocation) && !ends.AnyFragmentAfter(invocation) && !IsContinuedElsewhere(send, ends))
            {
                Report(report, endOfMessage, endHere: true, "These flags lack EndOfMessage, and no later send ends the message");
            }

            return;
        }

        if (!ends.AnyIn(loop))
        {
            if (!ends.AnyAfter(loop) && !IsContinuedElsewhere(send, ends))
            {
                Report(report, endOfMessage, endHere: false, "This fragment is sent in a loop, and nothing in or after the loop ends the message");
            }

            return;
        }

        switch (LoopExits.Unended(loop, invocation, ends))
        {
            case ILoopOperation:
                Report(report, endOfMessage, endHere: false, "The loop can end by its condition after this fragment, and nothing ends the message then");
                break;
            case { } exit:
                var line = exit.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                Report(report, endOfMessage, endHere: false, $"The loop can leave through '{Keyword(exit)}' on line {line.ToString(CultureInfo.InvariantCulture)} after this fragment, and nothing ends the message on that path");
                break;
        }
    }

    /// <summary>
    /// Whether another member of the type may finish the message: the socket is a field, property or primary-constructor
    /// parameter, and another member sends on it with framing decided at run time, or with an empty final frame.
    /// </summary>
    private static bool IsContinuedElsewhere(WebSocketSendCall send, MessageEnds ends)
    {
        if (ends.Socket is not (IFieldSymbol or IPropertySymbol or IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } })
            || send.Invocation.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax type } member)
        {
            return false;
        }

        return type.Members.Where(other => other != member).SelectMany(other => other.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Any(other => IsSendThatEndsLater(other, ends.Socket.Name));
    }

    /// <summary>A <c>socket.SendAsync</c> whose framing is not a constant, or which sends an empty payload to end a message.</summary>
    private static bool IsSendThatEndsLater(InvocationExpressionSyntax invocation, string socket)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SendAsync" } access
            || !NamesSocket(access.Expression, socket)
            || invocation.ArgumentList.Arguments.Count < 3)
        {
            return false;
        }

        var payload = invocation.ArgumentList.Arguments[0].Expression;
        var framing = invocation.ArgumentList.Arguments[2].Expression;
        return framing is not (LiteralExpressionSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "WebSocketMessageFlags" } })
            || payload.ToString().Contains("Empty") || payload is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression };
    }

    private static bool NamesSocket(ExpressionSyntax expression, string socket) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == socket,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText == socket,
        _ => false,
    };

    private static void Report(Action<Diagnostic> report, IArgumentOperation endOfMessage, bool endHere, string what)
    {
        var properties = endHere ? ImmutableDictionary<string, string?>.Empty.Add(EndHereProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        report(Diagnostic.Create(Descriptors.MessageNeverEnded, ExpressionSyntaxOf(endOfMessage).GetLocation(), properties, what));
    }

    private static SyntaxNode ExpressionSyntaxOf(IArgumentOperation argument) =>
        argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : argument.Value.Syntax;

    private static string ExpressionOf(IArgumentOperation argument) => ExpressionSyntaxOf(argument).ToString();

    private static string Keyword(IOperation exit) => exit switch
    {
        IBranchOperation => "break",
        IReturnOperation { Kind: OperationKind.YieldBreak } => "yield break",
        _ => "return",
    };
}
