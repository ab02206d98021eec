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
using WsLimits.Analyzers.SignalR;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL3004: a limit changed where it is not enforced, or away from the limits contract: SignalR's buffer thresholds
/// raised as if they were limits, and the frame size, part size and receive cap the package's fixes write, set to other
/// values than the contract's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LimitRaisedOnOneSideAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property: the contract's value, which the fix writes into a constant.</summary>
    public const string ContractBytesProperty = "ContractBytes";

    private const string ChunkedSender = "WebSocketChunkedSender";
    private const string MessageSplitter = "WebSocketMessageSplitter";
    private const string ReceiveCap = "MaxMessageBytes";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LimitRaisedOnOneSide);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var options = LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider);
        if (types.HttpConnectionOptions is not null || types.HttpConnectionDispatcherOptions is not null)
        {
            var settings = WebSocketUse.Of(context.Compilation, types, options).Settings;
            RegisterNamed<ISimpleAssignmentOperation>(context, BackPressureThreshold.PropertyNames, (assignment, report) => AnalyzeThreshold(assignment, report, types, settings, options), SyntaxKind.SimpleAssignmentExpression);
        }

        // The declaration table answers this without binding; most compilations hold neither helper.
        if (context.Compilation.ContainsSymbolsWithName(name => name is ChunkedSender or MessageSplitter, SymbolFilter.Type, context.CancellationToken))
        {
            context.RegisterSymbolAction(
                symbol => Guarded(symbol.Symbol.Locations.FirstOrDefault(), () => AnalyzeHelperConstant((IFieldSymbol)symbol.Symbol, symbol.ReportDiagnostic, options)),
                SymbolKind.Field);
        }
        RegisterNamed<IVariableDeclarationGroupOperation>(
            context, ImmutableArray.Create(ReceiveCap), (declarations, report) => AnalyzeReceiveCap(declarations, report, options), SyntaxKind.LocalDeclarationStatement);
    }

    private static void AnalyzeThreshold(ISimpleAssignmentOperation assignment, Action<Diagnostic> report, WellKnownTypes types, SettingChoices settings, LimitOptionsCache options)
    {
        // Zero does not raise the threshold, it removes back-pressure: WSL3005 says so. A value passed on from the
        // library's own options or its callers is raised, if at all, by whoever fills it.
        if (BackPressureThreshold.Of(assignment, types) is not { DisablesBackPressure: false, Property: var property } || !settings.IsChosen(assignment.Value))
        {
            return;
        }

        var server = options.For(assignment.Syntax.SyntaxTree).SignalRReceiveLimit;
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0}.{1} is a back-pressure threshold, not a message size limit: raising it lets no larger hub message through; the server's HubOptions.MaximumReceiveMessageSize decides ({2})",
            property.ContainingType.Name,
            property.Name,
            server.Describe());
        report(Diagnostic.Create(Descriptors.LimitRaisedOnOneSide, assignment.Syntax.GetLocation(), RemovableSetting.Properties(assignment), message));
    }

    /// <summary>The size constants of the helpers the send fixes insert, against the contract's limits.</summary>
    private static void AnalyzeHelperConstant(IFieldSymbol field, Action<Diagnostic> report, LimitOptionsCache options)
    {
        if (field.ContainingType.Name is not (ChunkedSender or MessageSplitter)
            || !field.IsConst
            || field.ConstantValue is not int bytes
            || field.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        var limits = options.For(location.SourceTree!);
        var contract = (field.ContainingType.Name, field.Name) switch
        {
            (ChunkedSender, "MaxFrameBytes") => limits.FrameLimit,
            (MessageSplitter, "MaxPartBytes") => Smaller(limits.FrameLimit, limits.MessageLimit),
            _ => null,
        };
        if (contract is { IsConfigured: true } && bytes > contract.Bytes)
        {
            Report(report, location, field.ContainingType.Name + "." + field.Name, bytes, contract.Bytes, contract.Source);
        }
    }

    /// <summary>The receive cap the WSL2002 fix declares, <c>const int MaxMessageBytes</c>, against the contract's.</summary>
    private static void AnalyzeReceiveCap(IVariableDeclarationGroupOperation declarations, Action<Diagnostic> report, LimitOptionsCache options)
    {
        if (declarations.Syntax is not LocalDeclarationStatementSyntax { IsConst: true }
            || options.For(declarations.Syntax.SyntaxTree).ConfiguredReceiveMessageBytes is not { } contract)
        {
            return;
        }

        foreach (var declarator in declarations.Declarations.SelectMany(declaration => declaration.Declarators))
        {
            if (declarator.Symbol.Name == ReceiveCap
                && declarator.Symbol.ConstantValue is int bytes
                && bytes != contract
                && declarator.Syntax is VariableDeclaratorSyntax variable)
            {
                Report(report, variable.Identifier.GetLocation(), ReceiveCap, bytes, contract, "the receive cap the contract gives");
            }
        }
    }

    private static SendLimit? Smaller(SendLimit? a, SendLimit? b) => a is null ? b : b is null || a.Bytes <= b.Bytes ? a : b;

    private static void Report(Action<Diagnostic> report, Location location, string what, long bytes, long contract, string source)
    {
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} is {1} bytes, but the limits contract says {2} ({3}); a limit changed on one side only moves the failure to the other side",
            what,
            bytes,
            contract,
            source);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(ContractBytesProperty, contract.ToString(CultureInfo.InvariantCulture));
        report(Diagnostic.Create(Descriptors.LimitRaisedOnOneSide, location, properties, message));
    }
}
