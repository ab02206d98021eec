using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;

namespace WsLimits.Analyzers.Receive;

/// <summary>A call in a receive loop that hands the received data to a method appending it to a store held in a field.</summary>
internal sealed class AppendThroughCall
{
    public AppendThroughCall(IInvocationOperation call, FieldAppend append, ISymbol? receiver)
    {
        Call = call;
        Append = append;
        Receiver = receiver;
    }

    public IInvocationOperation Call { get; }

    public FieldAppend Append { get; }

    /// <summary>The field, parameter or local the method is called on; null for this or a static method.</summary>
    public ISymbol? Receiver { get; }
}
