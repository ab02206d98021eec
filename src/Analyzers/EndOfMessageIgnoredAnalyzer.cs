using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL2001: one ReceiveAsync result decoded or parsed as a whole message, here or in a method of the project it is
/// handed to, with EndOfMessage never checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndOfMessageIgnoredAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.EndOfMessageIgnored);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterCalls(context, use.ReceiveCalls.Named("ReceiveAsync"), (invocation, report) => Analyze(invocation, report, types, use.Handlers));
    }

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WellKnownTypes types, MessageHandlers handlers)
    {
        if (WebSocketReceiveCall.TryCreate(invocation, types) is not { BufferSymbol: { } buffer } receive)
        {
            return;
        }

        var function = receive.Invocation.EnclosingFunction();
        if (EndOfMessageChecks.AnyActedOnIn(function, types, ReceivedDataIn(function, types))
            || ResultLeavesTheFunction(receive, function)
            || !DecodesAsMessage(function, buffer, types, handlers))
        {
            return;
        }

        report(Diagnostic.Create(Descriptors.EndOfMessageIgnored, receive.Invocation.Syntax.GetLocation()));
    }

    /// <summary>
    /// Whether a value is, or is computed through locals from, what any receive in the function received. Built on
    /// first use: most functions read EndOfMessage without passing it to a send.
    /// </summary>
    private static Func<IOperation, bool> ReceivedDataIn(IOperation function, WellKnownTypes types)
    {
        List<ISymbol>? received = null;
        ReceivedLocals? locals = null;
        return value =>
        {
            received ??= ReceivedSymbols(function, types);
            locals ??= ReceivedLocals.In(function, received);
            return received.Exists(value.Mentions) || locals.AnyMentionedIn(value);
        };
    }

    private static List<ISymbol> ReceivedSymbols(IOperation function, WellKnownTypes types)
    {
        var received = new List<ISymbol>();
        foreach (var operation in function.Descendants())
        {
            if (operation is IInvocationOperation invocation && WebSocketReceiveCall.TryCreate(invocation, types) is { } receive)
            {
                received.AddRange(receive.DataSymbols);
            }
        }

        return received;
    }

    /// <summary>A result kept in a field, or handed whole to another method, may have its EndOfMessage checked there.</summary>
    private static bool ResultLeavesTheFunction(WebSocketReceiveCall receive, IOperation function)
    {
        if (receive.ResultSymbol is IFieldSymbol)
        {
            return true;
        }

        if (receive.ResultSymbol is null)
        {
            return false;
        }

        foreach (var operation in function.Descendants())
        {
            if ((operation is IArgumentOperation argument && SymbolEqualityComparer.Default.Equals(argument.Value.StorageSymbol(), receive.ResultSymbol))
                || (operation is IReturnOperation { ReturnedValue: { } returned } && SymbolEqualityComparer.Default.Equals(returned.StorageSymbol(), receive.ResultSymbol)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The received bytes are decoded or parsed here, or handed to a method of the project that does so.</summary>
    private static bool DecodesAsMessage(IOperation function, ISymbol buffer, WellKnownTypes types, MessageHandlers handlers)
    {
        foreach (var operation in function.Descendants())
        {
            if ((MessageConsumers.IsMessageConsumer(operation, types) && operation.Mentions(buffer))
                || (operation is IArgumentOperation { Parent: IInvocationOperation } argument && argument.Value.Mentions(buffer) && handlers.ConsumesAsMessage(argument)))
            {
                return true;
            }
        }

        return false;
    }
}
