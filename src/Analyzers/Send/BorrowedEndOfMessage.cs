using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// A send whose end-of-message flag is the <c>EndOfMessage</c> of a receive in the same function, while its payload
/// is none of what that receive read: neither the receive's buffer nor its result, nor a local computed from them.
/// Such a send ends its message only when the unrelated read happened to end one. A relay, which forwards the
/// received fragment with that fragment's own flag, mentions the buffer or the result's Count, and is left alone.
/// </summary>
internal static class BorrowedEndOfMessage
{
    /// <summary>The receive result whose flag the send borrows, or null.</summary>
    public static ISymbol? ResultBorrowedBy(WebSocketSendCall send, WellKnownTypes types)
    {
        if (send.UsesFlags
            || send.EndOfMessage?.Value.WithoutConversions() is not IPropertyReferenceOperation { Property.Name: "EndOfMessage", Instance: { } instance }
            || !(instance.Type.Is(types.WebSocketReceiveResult) || instance.Type.Is(types.ValueWebSocketReceiveResult))
            || instance.StorageSymbol() is not ILocalSymbol result)
        {
            return null;
        }

        var function = send.Invocation.EnclosingFunction();
        var received = new List<ISymbol> { result };
        var storedByAReceive = false;
        foreach (var operation in function.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && WebSocketReceiveCall.TryCreate(invocation, types) is { } receive
                && SymbolEqualityComparer.Default.Equals(receive.ResultSymbol, result))
            {
                if (receive.BufferSymbol is null)
                {
                    return null;
                }

                storedByAReceive = true;
                received.Add(receive.BufferSymbol);
            }
        }

        if (!storedByAReceive
            || received.Exists(send.Payload.Value.Mentions)
            || ReceivedLocals.In(function, received).AnyMentionedIn(send.Payload.Value))
        {
            return null;
        }

        return result;
    }
}
