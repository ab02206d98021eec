using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.PayloadSize;

namespace WsLimits.Analyzers.Send;

/// <summary>Which factory made a stream a write goes to, followed through one local.</summary>
internal static class WebSocketStreamKind
{
    /// <summary>
    /// True for a stream from <c>WebSocketStream.Create</c>, where each write is a whole message; false for one
    /// from <c>CreateWritableMessageStream</c>, where each write is one frame; null for any other stream.
    /// </summary>
    public static bool? Of(IOperation? stream, WellKnownTypes types)
    {
        var source = stream.WithoutConversions();
        if (source is ILocalReferenceOperation local)
        {
            var writes = LocalWrites.Find(local, local.Local);
            source = writes.Length == 1 ? writes[0].WithoutConversions() : null;
        }

        if (source is not IInvocationOperation { TargetMethod: { IsStatic: true } factory } || !factory.ContainingType.Is(types.WebSocketStream))
        {
            return null;
        }

        return factory.Name switch
        {
            "Create" => true,
            "CreateWritableMessageStream" => false,
            _ => null,
        };
    }
}
