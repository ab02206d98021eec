using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL3001: ClientWebSocketOptions.SetBuffer, ASP.NET Core's ReceiveBufferSize and the size arguments of
/// WebSocket.CreateClientWebSocket, which people raise to allow larger messages, and which limit nothing. Only where
/// the sizes are chosen in the project: a wrapper that passes on its callers' sizes, or a library's own options, is
/// judged by who fills them (<see cref="SettingChoices"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BufferSizeIsNotALimitAnalyzer : WebSocketAnalyzer
{
    private static readonly ImmutableArray<string> SettingNames = ImmutableArray.Create("SetBuffer", "ReceiveBufferSize", "CreateClientWebSocket");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BufferSizeIsNotALimit);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.ClientWebSocketOptions is null && types.AspNetCoreWebSocketOptions is null && types.ExtendedWebSocketAcceptContext is null)
        {
            return;
        }

        var platform = TargetPlatform.Read(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterNamed<IInvocationOperation>(context, SettingNames, (invocation, report) => AnalyzeInvocation(invocation, report, use, platform), SyntaxKind.InvocationExpression);
        RegisterNamed<ISimpleAssignmentOperation>(context, SettingNames, (assignment, report) => AnalyzeAssignment(assignment, report, use), SyntaxKind.SimpleAssignmentExpression);
    }

    private static void AnalyzeInvocation(IInvocationOperation invocation, Action<Diagnostic> report, WebSocketUse use, TargetPlatform platform)
    {
        var method = invocation.TargetMethod;
        var types = use.Types;
        if (method.Name == "SetBuffer" && method.ContainingType.Is(types.ClientWebSocketOptions) && SizesAreChosen(invocation, use))
        {
            var effect = platform.IsBrowserOnly
                ? "in the browser it throws PlatformNotSupportedException"
                : platform.IsNetCore || platform.Identifier.Length == 0
                    ? "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"
                    : "it sizes buffers, and .NET refuses no message for its size";
            Report(report, invocation, "ClientWebSocketOptions.SetBuffer", effect);
        }
        else if (method.Name == "CreateClientWebSocket" && method.IsStatic && method.ContainingType.Is(types.WebSocket) && !platform.IsBrowserOnly
            && (platform.IsNetCore || platform.Identifier.Length == 0) && SizesAreChosen(invocation, use))
        {
            Report(report, invocation, "The buffer sizes of WebSocket.CreateClientWebSocket", "they are checked, then ignored, with the internal buffer", removable: false);
        }
    }

    /// <summary>The size arguments, <c>receiveBufferSize</c> and <c>sendBufferSize</c>: one chosen here is enough.</summary>
    private static bool SizesAreChosen(IInvocationOperation invocation, WebSocketUse use) => invocation.Arguments.Any(
        argument => argument.Parameter is { Name: "receiveBufferSize" or "sendBufferSize" } && use.Settings.IsChosen(argument.Value));

    private static void AnalyzeAssignment(ISimpleAssignmentOperation assignment, Action<Diagnostic> report, WebSocketUse use)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "ReceiveBufferSize" } property })
        {
            return;
        }

        var type = property.ContainingType;
        if ((type.Is(use.Types.AspNetCoreWebSocketOptions) || type.Is(use.Types.ExtendedWebSocketAcceptContext)) && use.Settings.IsChosen(assignment.Value))
        {
            Report(report, assignment, type.Name + ".ReceiveBufferSize", "it has had no effect since ASP.NET Core 2.1 and is obsolete");
        }
    }

    private static void Report(Action<Diagnostic> report, IOperation setting, string what, string effect, bool removable = true)
    {
        var properties = removable ? RemovableSetting.Properties(setting) : ImmutableDictionary<string, string?>.Empty;
        report(Diagnostic.Create(Descriptors.BufferSizeIsNotALimit, setting.Syntax.GetLocation(), properties, what, effect));
    }
}
