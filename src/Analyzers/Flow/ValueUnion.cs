using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The size of a value that may be any of several (what each caller passes, each return, each write to a field):
/// unbounded as soon as one is, naming where that one comes from; bounded when all are; unknown otherwise.
/// </summary>
internal static class ValueUnion
{
    public static PayloadSize.PayloadSize Of(IEnumerable<IOperation?> values, Func<IOperation, PayloadSize.PayloadSize> evaluate, Func<IOperation, string?> placeOf)
    {
        PayloadSize.PayloadSize? bounded = null;
        var anyUnknown = false;
        foreach (var value in values)
        {
            var size = value is null ? PayloadSize.PayloadSize.Unknown : evaluate(value);
            if (size.IsUnbounded)
            {
                // An origin that already names a member says where it is; others get the place they were found.
                return value is null || size.Origin.IndexOf('\'') >= 0 || placeOf(value) is not { } place
                    ? size
                    : PayloadSize.PayloadSize.Unbounded($"{size.Origin} in '{place}'");
            }

            anyUnknown |= !size.IsBounded;
            bounded = bounded is { } sofar ? PayloadSize.PayloadSize.Either(sofar, size) : size;
        }

        return anyUnknown || bounded is not { } all ? PayloadSize.PayloadSize.Unknown : all;
    }

    /// <summary>The method a piece of code is in, as a diagnostic names it.</summary>
    public static string? EnclosingMemberName(IOperation operation) =>
        operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol method ? NameOf(method) : null;

    public static string NameOf(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
}
