using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// A call that appends data to a growing store: a MemoryStream, List&lt;byte&gt;, StringBuilder, PipeWriter or any
/// other IBufferWriter&lt;T&gt;, or a string extended with +=; or an array grown with Array.Resize or by hand.
/// </summary>
internal sealed class MessageSink
{
    private MessageSink(IOperation append, IOperation store, ISymbol symbol, string? sizeMember)
    {
        Append = append;
        Store = store;
        Symbol = symbol;
        SizeMember = sizeMember;
    }

    /// <summary>The append itself: an invocation, a compound assignment for strings, or the assignment of a grown array.</summary>
    public IOperation Append { get; }

    /// <summary>The expression for the store, as written at the append.</summary>
    public IOperation Store { get; }

    public ISymbol Symbol { get; }

    /// <summary>The member that gives the store's current size (Length, Count, WrittenCount), or null where there is none.</summary>
    public string? SizeMember { get; }

    public static MessageSink? TryMatch(IOperation operation, WellKnownTypes types) => operation switch
    {
        IInvocationOperation invocation => TryMatchInvocation(invocation, types),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
            when compound.Target.Type?.SpecialType == SpecialType.System_String && compound.Target.StorageSymbol() is { } text
            => new MessageSink(compound, compound.Target, text, "Length"),
        ISimpleAssignmentOperation assignment when ArrayRegrowth.Matches(assignment, types) && assignment.Target.StorageSymbol() is { } array
            => new MessageSink(assignment, assignment.Target, array, "Length"),
        _ => null,
    };

    private static MessageSink? TryMatchInvocation(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        var growsArray = IsArrayGrowth(invocation);
        var store = invocation.Instance;
        if (growsArray || (method.IsExtensionMethod && method.ContainingType.Is(types.BuffersExtensions) && method.Name == "Write" && invocation.Arguments.Length > 0))
        {
            store = invocation.Arguments[0].Value.WithoutConversions();
        }

        if (store?.StorageSymbol() is not { } symbol)
        {
            return null;
        }

        var type = store.Type;
        string? sizeMember;
        if (growsArray)
        {
            sizeMember = "Length";
        }
        else if (type.IsOrDerivesFrom(types.MemoryStream) && method.Name is "Write" or "WriteAsync" or "WriteByte")
        {
            sizeMember = "Length";
        }
        else if (type.Is(types.List) && method.Name is "Add" or "AddRange" or "InsertRange")
        {
            sizeMember = "Count";
        }
        else if (type.Is(types.StringBuilder) && method.Name is "Append" or "AppendLine")
        {
            sizeMember = "Length";
        }
        else if (type.IsOrDerivesFrom(types.PipeWriter) && method.Name is "Write" or "WriteAsync" or "Advance")
        {
            sizeMember = null;
        }
        else if (type.IsOrImplements(types.BufferWriter) && method.Name is "Write" or "Advance")
        {
            // Recognised by the interface, so that pooled writers from packages, or declared in the code, count too.
            sizeMember = HasWrittenCount(type) ? "WrittenCount" : null;
        }
        else
        {
            return null;
        }

        return new MessageSink(invocation, store, symbol, sizeMember);
    }

    private static bool IsArrayGrowth(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Resize", ContainingType.SpecialType: SpecialType.System_Array }
        && invocation.Arguments.Length == 2
        && ArrayRegrowth.Enlarges(invocation.Arguments[1].Value);

    private static bool HasWrittenCount(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("WrittenCount"))
            {
                if (member is IPropertySymbol { IsStatic: false, GetMethod: not null })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
