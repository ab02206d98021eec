using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.PayloadSize;
using WsLimits.Analyzers.SignalR;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL3003: client-to-server data that may not fit SignalR's receive limit: arguments of client calls whose size is
/// unbounded or provably over the limit, and <c>byte[]</c> parameters of hub methods on a server whose code leaves
/// the limit at its 32 KB default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignalRPayloadOverReceiveLimitAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the contract's server limit, present where the fix can configure the server with it.</summary>
    public const string ContractBytesProperty = "ContractBytes";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SignalRPayloadOverReceiveLimit);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        if (types.HubConnection is not null)
        {
            var sizes = WebSocketUse.Of(context.Compilation, types, options).Sizes;
            RegisterNamed<IInvocationOperation>(context, HubInvocation.Names, (invocation, report) => AnalyzeClientCall(invocation, report, types, sizes, options), SyntaxKind.InvocationExpression);
        }

        if (types.Hub is not null)
        {
            // Whether the server's code sets the limit anywhere: a text search, done once and only where hubs exist.
            var setsLimit = new Lazy<bool>(() => SetsReceiveLimit(context.Compilation, context.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            context.RegisterSymbolAction(
                symbol => Guarded(symbol.Symbol.Locations.FirstOrDefault(), () => AnalyzeHubMethod((IMethodSymbol)symbol.Symbol, symbol.ReportDiagnostic, types, options, setsLimit)),
                SymbolKind.Method);
        }
    }

    private static void AnalyzeClientCall(IInvocationOperation invocation, Action<Diagnostic> report, WellKnownTypes types, PayloadSizeAnalysis sizes, LimitOptionsCache options)
    {
        var server = options.For(invocation.Syntax.SyntaxTree).SignalRReceiveLimit;
        foreach (var argument in HubInvocation.Arguments(invocation, types))
        {
            var size = sizes.Evaluate(argument);
            var what = size.IsUnbounded
                ? "The argument from " + size.Origin + " has no upper bound"
                : size.IsBounded && size.Minimum > server.Bytes
                    ? string.Format(CultureInfo.InvariantCulture, "This argument is at least {0} bytes", size.Minimum)
                    : null;
            if (what is not null)
            {
                report(Diagnostic.Create(Descriptors.SignalRPayloadOverReceiveLimit, argument.Syntax.GetLocation(), what, server.Describe()));
            }
        }
    }

    private static void AnalyzeHubMethod(IMethodSymbol method, Action<Diagnostic> report, WellKnownTypes types, LimitOptionsCache options, Lazy<bool> setsLimit)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
            || !method.ContainingType.IsOrDerivesFrom(types.Hub)
            || method.Parameters.FirstOrDefault(IsBytes) is not { } parameter
            || parameter.Locations.FirstOrDefault() is not { IsInSource: true } location
            || setsLimit.Value)
        {
            return;
        }

        var limits = options.For(location.SourceTree!);
        var properties = limits.SignalRReceiveLimit.IsConfigured && limits.SignalRReceiveLimit.Bytes > LimitOptions.SignalRDefaultMaxReceiveMessageBytes
            ? ImmutableDictionary<string, string?>.Empty.Add(ContractBytesProperty, limits.SignalRReceiveLimit.Bytes.ToString(CultureInfo.InvariantCulture))
            : ImmutableDictionary<string, string?>.Empty;
        var what = string.Format(CultureInfo.InvariantCulture, "Hub method '{0}' takes '{1}' as bytes of any length from clients", method.Name, parameter.Name);
        var limit = string.Format(CultureInfo.InvariantCulture, "this server leaves MaximumReceiveMessageSize at SignalR's default of {0} bytes", LimitOptions.SignalRDefaultMaxReceiveMessageBytes);
        report(Diagnostic.Create(Descriptors.SignalRPayloadOverReceiveLimit, location, properties, what, limit));
    }

    private static bool IsBytes(IParameterSymbol parameter) =>
        parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

    private static bool SetsReceiveLimit(Compilation compilation, CancellationToken cancellationToken) =>
        compilation.SyntaxTrees.Any(tree => tree.GetRoot(cancellationToken).DescendantTokens()
            .Any(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == ReceiveLimitSetting.PropertyName));
}
