using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.SignalR;

/// <summary>
/// A .NET SignalR client call that sends a hub message to the server: <c>InvokeAsync</c>, <c>SendAsync</c>,
/// <c>InvokeCoreAsync</c> or <c>SendCoreAsync</c> on <c>HubConnection</c> or its extension methods.
/// </summary>
internal static class HubInvocation
{
    public static readonly ImmutableArray<string> Names = ImmutableArray.Create("InvokeAsync", "SendAsync", "InvokeCoreAsync", "SendCoreAsync");

    /// <summary>The values the call sends as hub method arguments; empty for any other call.</summary>
    public static IEnumerable<IOperation> Arguments(IInvocationOperation invocation, WellKnownTypes types)
    {
        var type = invocation.TargetMethod.ContainingType?.OriginalDefinition;
        if (!type.Is(types.HubConnection) && !type.Is(types.HubConnectionExtensions))
        {
            yield break;
        }

        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || parameter.Name is "methodName" or "returnType" || parameter.Type.SpecialType != SpecialType.System_Object && parameter.Type is not IArrayTypeSymbol)
            {
                continue;
            }

            var value = argument.Value.WithoutConversions();
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element.WithoutConversions()!;
                }
            }
            else if (value is not null && parameter.Type is not IArrayTypeSymbol)
            {
                yield return value;
            }
        }
    }
}
