using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// How long the text of a StringBuilder can be. It is bounded only where every piece appended to it is bounded,
/// no append runs in a loop, and the builder never leaves the function; otherwise it grows with its input.
/// </summary>
internal static class StringBuilderContents
{
    private const string Origin = "StringBuilder.ToString";

    /// <param name="builder">The instance <c>ToString</c> is called on.</param>
    public static PayloadSize Evaluate(IOperation builder, Func<IOperation, PayloadSize> evaluate)
    {
        // new StringBuilder().Append(a).Append(b): the pieces of the chain, down to where it starts.
        var chain = PayloadSize.Exactly(0);
        var root = builder.WithoutConversions();
        while (root is IInvocationOperation append && IsAppend(append))
        {
            chain = PayloadSize.Sum(chain, Piece(append, evaluate));
            root = append.Instance.WithoutConversions();
        }

        var total = root switch
        {
            IObjectCreationOperation creation => PayloadSize.Sum(Initial(creation, evaluate), chain),
            ILocalReferenceOperation local => LocalContents(local, evaluate),
            _ => PayloadSize.Unknown,
        };
        return total.IsBounded ? total.WithoutMinimum() : PayloadSize.Unbounded(Origin);
    }

    /// <summary>Everything appended to a local builder anywhere in its function, this chain included.</summary>
    private static PayloadSize LocalContents(ILocalReferenceOperation reference, Func<IOperation, PayloadSize> evaluate)
    {
        var local = reference.Local;
        var writes = LocalWrites.Find(reference, local);
        if (writes.Length != 1 || writes[0]?.WithoutConversions() is not IObjectCreationOperation creation)
        {
            return PayloadSize.Unknown;
        }

        var total = Initial(creation, evaluate);
        foreach (var operation in reference.EnclosingFunction().Descendants())
        {
            if (operation is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, local))
            {
                continue;
            }

            // A builder passed on, stored or captured may grow elsewhere.
            if (use.Parent is not IInvocationOperation call || !ReferenceEquals(call.Instance, use))
            {
                return PayloadSize.Unknown;
            }

            for (IInvocationOperation? append = call; append is not null && IsAppend(append); append = append.Parent as IInvocationOperation)
            {
                if (append.EnclosingLoop() is { } loop && !loop.Syntax.Span.Contains(creation.Syntax.Span))
                {
                    return PayloadSize.Unknown;
                }

                total = PayloadSize.Sum(total, Piece(append, evaluate));
            }
        }

        return total;
    }

    /// <summary><c>new StringBuilder(capacity)</c> holds nothing yet; <c>new StringBuilder(text)</c> holds the text.</summary>
    private static PayloadSize Initial(IObjectCreationOperation creation, Func<IOperation, PayloadSize> evaluate)
    {
        var total = PayloadSize.Exactly(0);
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value.Type?.SpecialType == SpecialType.System_String)
            {
                total = PayloadSize.Sum(total, evaluate(argument.Value));
            }
        }

        return total;
    }

    private static bool IsAppend(IInvocationOperation call) =>
        call.TargetMethod.ContainingType?.Name == "StringBuilder" && call.TargetMethod.Name is "Append" or "AppendLine" or "Insert";

    /// <summary>What one call adds: its text or a formatted value, and a newline for AppendLine.</summary>
    private static PayloadSize Piece(IInvocationOperation call, Func<IOperation, PayloadSize> evaluate)
    {
        var newline = call.TargetMethod.Name == "AppendLine" ? PayloadSize.AtMost(2) : PayloadSize.Exactly(0);
        var arguments = call.Arguments;
        IOperation? value;
        switch (arguments.Length)
        {
            case 0:
                value = null;
                break;
            case 1 when call.TargetMethod.Name != "Insert":
                value = arguments[0].Value;
                break;
            case 2 when call.TargetMethod.Name == "Insert":
                value = arguments[1].Value;
                break;
            default:
                // Append(char, repeatCount), Append(text, start, count) and formats: not modelled.
                return PayloadSize.Unknown;
        }

        var size = value is null ? PayloadSize.Exactly(0)
            : value.Type?.SpecialType == SpecialType.System_String ? evaluate(value)
            : FormattedValue.IsBounded(value.Type) ? PayloadSize.AtMost(FormattedValue.MaxLength)
            : PayloadSize.Unknown;
        return PayloadSize.Sum(newline, size);
    }
}
