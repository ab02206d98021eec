using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

internal static class ChunkedSenderVariants
{
    public static ChunkedSenderVariant For(Compilation compilation, INamedTypeSymbol webSocket)
    {
        var sends = webSocket.GetMembers("SendAsync").OfType<IMethodSymbol>().ToList();
        if (sends.Any(send => send.Parameters.Length == 4 && send.Parameters[2].Type.Name == "WebSocketMessageFlags"))
        {
            return ChunkedSenderVariant.MessageFlags;
        }

        return sends.Any(send => send.Parameters.Length == 4 && send.Parameters[0].Type.Name == "ReadOnlyMemory")
            ? ChunkedSenderVariant.Memory
            : ChunkedSenderVariant.ArraySegment;
    }
}
