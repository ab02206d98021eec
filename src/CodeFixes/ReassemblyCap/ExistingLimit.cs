using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

/// <summary>
/// A message limit the code already has, which the check compares with instead of a new constant: an integer
/// <c>MaxMessageBytes</c> in scope, or else the one integer field, property or constant of the containing type whose
/// name says it limits a message (it has Max, Message or Receive, and Size, Bytes or Length, such as
/// <c>MaxMessageSize</c> or <c>MaxReceiveMessageBytes</c>). A buffer's or a frame's size is not a message limit.
/// </summary>
internal static class ExistingLimit
{
    public static string? Find(SemanticModel model, StatementSyntax append, CancellationToken cancellationToken)
    {
        var position = append.SpanStart;
        if (model.LookupSymbols(position, name: ReassemblyCapPlan.LimitName).Any(IsInteger))
        {
            return ReassemblyCapPlan.LimitName;
        }

        if (model.GetEnclosingSymbol(position, cancellationToken) is not { ContainingType: { } type } function)
        {
            return null;
        }

        var candidates = type.GetMembers()
            .Where(member => member.CanBeReferencedByName && IsInteger(member) && NamesAMessageLimit(member.Name) && (member.IsStatic || !IsStatic(function)))
            .Where(member => model.LookupSymbols(position, name: member.Name).Contains(member, SymbolEqualityComparer.Default))
            .ToList();
        return candidates.Count == 1 ? candidates[0].Name : null;
    }

    private static bool IsStatic(ISymbol function) => function.IsStatic || function is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } && function.ContainingSymbol.IsStatic;

    private static bool NamesAMessageLimit(string name) =>
        Has(name, "Max")
        && (Has(name, "Message") || Has(name, "Receive"))
        && (Has(name, "Size") || Has(name, "Bytes") || Has(name, "Length"))
        && !Has(name, "Frame") && !Has(name, "Buffer") && !Has(name, "Chunk");

    private static bool Has(string name, string word) => name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsInteger(ISymbol symbol) => (symbol switch
    {
        ILocalSymbol local => local.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol { GetMethod: not null, Parameters.Length: 0 } property => property.Type,
        _ => null,
    })?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
}
