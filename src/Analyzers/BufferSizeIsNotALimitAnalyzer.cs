using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL3001: ClientWebSocketOptions.SetBuffer, ASP.NET Core's ReceiveBufferSize and the size arguments of
/// WebSocket.CreateClientWebSocket, which people raise to allow larger messages, and which limit nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BufferSizeIsNotALimitAnalyzer : WebSocketAnalyzer
{
    /// <summary>Diagnostic property present where the setting is a statement or initializer the fix can remove.</summary>
    public const string RemovableProperty = "Removable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BufferSizeIsNotALimit);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        if (types.ClientWebSocketOptions is null && types.AspNetCoreWebSocketOptions is null && types.ExtendedWebSocketAcceptContext is null)
        {
            return;
        }

        var platform = TargetPlatform.Read(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        context.RegisterOperationAction(operation => AnalyzeInvocation(operation, types, platform), OperationKind.Invocation);
        context.RegisterOperationAction(operation => AnalyzeAssignment(operation, types), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownTypes types, TargetPlatform platform)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "SetBuffer" && method.ContainingType.Is(types.ClientWebSocketOptions))
        {
            var effect = platform.IsBrowserOnly
                ? "in the browser it throws PlatformNotSupportedException"
                : platform.IsNetCore || platform.Identifier.Length == 0
                    ? "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"
                    : "it sizes buffers, and .NET refuses no message for its size";
            Report(context, invocation, "ClientWebSocketOptions.SetBuffer", effect);
        }
        else if (method.Name == "CreateClientWebSocket" && method.IsStatic && method.ContainingType.Is(types.WebSocket) && !platform.IsBrowserOnly
            && (platform.IsNetCore || platform.Identifier.Length == 0))
        {
            Report(context, invocation, "The buffer sizes of WebSocket.CreateClientWebSocket", "they are checked, then ignored, with the internal buffer", removable: false);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, WellKnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "ReceiveBufferSize" } property })
        {
            return;
        }

        var type = property.ContainingType;
        if (type.Is(types.AspNetCoreWebSocketOptions) || type.Is(types.ExtendedWebSocketAcceptContext))
        {
            Report(context, assignment, type.Name + ".ReceiveBufferSize", "it has had no effect since ASP.NET Core 2.1 and is obsolete");
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation setting, string what, string effect, bool removable = true)
    {
        var properties = removable && IsRemovable(setting)
            ? ImmutableDictionary<string, string?>.Empty.Add(RemovableProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.BufferSizeIsNotALimit, setting.Syntax.GetLocation(), properties, what, effect));
    }

    /// <summary>A statement of its own, or a member of an object initializer: removing it leaves valid code.</summary>
    private static bool IsRemovable(IOperation setting) =>
        setting.Parent is IExpressionStatementOperation { Parent: IBlockOperation } or IObjectOrCollectionInitializerOperation;
}
