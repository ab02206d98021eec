using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.PayloadSize;

/// <summary>
/// An upper bound on what a serializer writes for an object whose shape fixes it: members that are numbers, flags,
/// enums, ids and dates, strings whose values the analysis can bound, and nested objects of the same kind, as in a
/// heartbeat <c>new { op = 1, d = sequence }</c> or a sealed <c>Subscribe { Channel = "trades", Id = id }</c>. Null
/// for anything that can grow (a collection, a string of unknown length, an object of any other shape) and for types
/// that decide their own output (a converter attribute) or may hide a larger derived type behind their static type.
/// </summary>
internal sealed class SerializedShape
{
    private const int MaxNesting = 3;

    /// <summary>Generous for a JSON number, date or Guid, quoted, with its member name and separators.</summary>
    private const long FixedMemberBytes = 64;

    /// <summary>JSON may escape a char as \uXXXX.</summary>
    private const long BytesPerEscapedChar = 6;

    private readonly Func<IOperation, PayloadSize> _textLength;

    public SerializedShape(Func<IOperation, PayloadSize> textLength) => _textLength = textLength;

    public long? BoundOf(IOperation value) => BoundOf(value, MaxNesting);

    private long? BoundOf(IOperation value, int nesting)
    {
        var bare = value.WithoutConversions() ?? value;
        if (nesting < 0)
        {
            return null;
        }

        switch (bare)
        {
            case IAnonymousObjectCreationOperation anonymous:
                return Sum(anonymous.Initializers, initializer => initializer is ISimpleAssignmentOperation assignment ? MemberBound(assignment, nesting) : null);
            case IObjectCreationOperation creation when creation.Arguments.IsEmpty:
                return CreationBound(creation, nesting);
            case ILocalReferenceOperation local when LocalWrites.Find(local, local.Local) is { IsDefaultOrEmpty: false } writes:
                return Widest(writes, nesting);
        }

        return bare.Type is { } type ? ValueBound(bare, type, nesting) : null;
    }

    /// <summary>An object built here: members its initializer sets are sized by their values, the others by their types.</summary>
    private long? CreationBound(IObjectCreationOperation creation, int nesting)
    {
        if (creation.Type is not INamedTypeSymbol type || HasConverter(type))
        {
            return null;
        }

        var assigned = creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty;
        long total = 2;
        foreach (var member in SerializedMembers(type))
        {
            var assignment = FindAssignment(assigned, member);
            var bound = assignment is not null ? MemberBound(assignment, nesting) : TypeBound(MemberType(member), nesting - 1);
            if (bound is not { } bytes)
            {
                return null;
            }

            total += bytes + member.Name.Length;
        }

        return total;
    }

    private long? MemberBound(ISimpleAssignmentOperation assignment, int nesting) =>
        assignment.Target is IMemberReferenceOperation { Member: var member } && !HasConverter(member) && BoundOf(assignment.Value, nesting - 1) is { } bytes
            ? bytes + member.Name.Length + 4
            : null;

    private long? ValueBound(IOperation value, ITypeSymbol type, int nesting)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            var length = _textLength(value);
            return length.IsBounded ? (length.Bound * BytesPerEscapedChar) + 2 : null;
        }

        return TypeBound(type, nesting);
    }

    /// <summary>A type whose every value serializes within a bound; strings and collections have none.</summary>
    private long? TypeBound(ITypeSymbol? type, int nesting)
    {
        if (type is null || nesting < 0)
        {
            return null;
        }

        if (IsFixedSize(type))
        {
            return FixedMemberBytes;
        }

        if (type is not INamedTypeSymbol named
            || named.TypeKind is not (TypeKind.Struct or TypeKind.Class)
            || (named.TypeKind == TypeKind.Class && !named.IsSealed && !named.IsAnonymousType)
            || named.SpecialType != SpecialType.None
            || !named.Locations.Any(location => location.IsInSource)
            || named.AllInterfaces.Any(implemented => implemented.Name == "IEnumerable")
            || HasConverter(named))
        {
            return null;
        }

        long total = 2;
        foreach (var member in SerializedMembers(named))
        {
            if (HasConverter(member) || TypeBound(MemberType(member), nesting - 1) is not { } bytes)
            {
                return null;
            }

            total += bytes + member.Name.Length + 4;
        }

        return total;
    }

    private static bool IsFixedSize(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return IsFixedSize(nullable.TypeArguments[0]);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Char
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime:
                return true;
        }

        return type.ContainingNamespace?.ToDisplayString() == "System" && type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly";
    }

    /// <summary>What both JSON serializers write by default: public instance properties with a getter, and public fields.</summary>
    private static ImmutableArray<ISymbol> SerializedMembers(INamedTypeSymbol type)
    {
        var members = ImmutableArray.CreateBuilder<ISymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is { IsStatic: false, DeclaredAccessibility: Accessibility.Public } && !member.IsImplicitlyDeclared && !IsIgnored(member)
                    && member is IPropertySymbol { GetMethod: not null, IsIndexer: false } or IFieldSymbol)
                {
                    members.Add(member);
                }
            }
        }

        return members.ToImmutable();
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static ISimpleAssignmentOperation? FindAssignment(ImmutableArray<IOperation> initializers, ISymbol member)
    {
        foreach (var initializer in initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition))
            {
                return assignment;
            }
        }

        return null;
    }

    private static bool IsIgnored(ISymbol member) => member.GetAttributes().Any(attribute => attribute.AttributeClass?.Name is "JsonIgnoreAttribute" or "IgnoreMemberAttribute");

    /// <summary>A converter may write anything, and extension data adds whatever a dictionary holds.</summary>
    private static bool HasConverter(ISymbol symbol) =>
        symbol.GetAttributes().Any(attribute => attribute.AttributeClass?.Name is "JsonConverterAttribute" or "JsonExtensionDataAttribute");

    /// <summary>The largest of the values a local is given, each sized as the object it is; null where one cannot be.</summary>
    private long? Widest(ImmutableArray<IOperation> writes, int nesting)
    {
        long widest = 0;
        foreach (var write in writes)
        {
            if (write is null || BoundOf(write, nesting - 1) is not { } bytes)
            {
                return null;
            }

            widest = Math.Max(widest, bytes);
        }

        return widest;
    }

    private static long? Sum(ImmutableArray<IOperation> parts, Func<IOperation, long?> bound)
    {
        long total = 2;
        foreach (var part in parts)
        {
            if (bound(part) is not { } bytes)
            {
                return null;
            }

            total += bytes;
        }

        return total;
    }
}
