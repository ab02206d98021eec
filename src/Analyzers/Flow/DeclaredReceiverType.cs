using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The static type of a call's receiver where declarations alone tell it, without binding the method the call is in:
/// <c>this.field.M()</c>, <c>parameter.M()</c>, <c>Property.Inner.M()</c>. Binding a caller's body is most of what
/// following a method's callers costs, and most calls of a common name (<c>WriteAsync</c>, <c>SendAsync</c>) are on a
/// stream, a channel or an HTTP client that cannot be the method looked for. Null wherever a name could mean something
/// the declarations do not show: a local, a lambda's parameter, a primary constructor's parameter, an import.
/// </summary>
internal static class DeclaredReceiverType
{
    public static ITypeSymbol? Of(InvocationExpressionSyntax call, SemanticModel model) =>
        call.Expression is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            && call.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { Parent: TypeDeclarationSyntax type } member
            && model.GetDeclaredSymbol(type) is { } containing
                ? TypeOf(access.Expression, member, containing, model)
                : null;

    /// <summary>
    /// False only when a receiver of type <paramref name="receiver"/> cannot reach <paramref name="method"/>: it is
    /// neither the method's type nor derived from it nor implementing it, and the method is no extension method.
    /// </summary>
    public static bool CanCall(ITypeSymbol receiver, IMethodSymbol method)
    {
        var declaring = method.ContainingType.OriginalDefinition;
        return method.IsExtensionMethod
            || declaring.SpecialType == SpecialType.System_Object
            || receiver.IsOrDerivesFrom(declaring)
            || receiver.IsOrImplements(declaring);
    }

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<InvocationExpressionSyntax, bool>> OnOtherLibraries = new();

    /// <summary>
    /// True when a call of an API's name is on a receiver declared as a type of another library
    /// (<c>httpClient.SendAsync</c>, a channel's <c>WriteAsync</c>): none of the rules' business. Asked by every rule
    /// about the same calls, so answered once per call and compilation.
    /// </summary>
    public static bool IsOnAnotherLibrary(InvocationExpressionSyntax call, SemanticModel model) =>
        OnOtherLibraries.GetValue(model.Compilation, _ => new ConcurrentDictionary<InvocationExpressionSyntax, bool>()).GetOrAdd(
            call,
            asked => asked.Expression is MemberAccessExpressionSyntax access
                && Of(asked, model) is { } receiver
                && ReachesOnlyOtherLibraries(receiver, access.Name.Identifier.ValueText, model.Compilation));

    /// <summary>
    /// True when a call of <paramref name="name"/> on a receiver of type <paramref name="receiver"/> can only reach a
    /// library no rule reads (an HTTP client, a UDP socket, a channel): the type is a referenced one, neither it nor a
    /// base or interface of it is a WebSocket, stream, ASP.NET or SignalR type, it has methods of that name, and no
    /// extension method of that name is declared in the compilation's source.
    /// </summary>
    public static bool ReachesOnlyOtherLibraries(ITypeSymbol receiver, string name, Compilation compilation)
    {
        if (receiver is not INamedTypeSymbol type || type.OriginalDefinition.Locations.Any(location => location.IsInSource))
        {
            return false;
        }

        var related = SelfAndBases(type).Concat(type.AllInterfaces).ToList();
        return !related.Any(IsInARulesNamespace)
            && related.SelectMany(candidate => candidate.GetMembers(name)).ToList() is { Count: > 0 } members
            && members.All(member => member is IMethodSymbol)
            && !SourceMayExtend(compilation, name);
    }

    // The namespaces of every type a rule reads a call on: WebSockets, streams, ASP.NET Core and ASP.NET SignalR.
    private static readonly string[] RulesNamespaces = { "System.Net.WebSockets", "System.IO", "Microsoft.AspNetCore", "Microsoft.AspNet" };

    private static bool IsInARulesNamespace(INamedTypeSymbol type)
    {
        var name = type.ContainingNamespace?.ToDisplayString() ?? "";
        return RulesNamespaces.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));
    }

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, bool>> StaticMethodNames = new();

    /// <summary>A static method of that name in source may be an extension, of the receiver's type or of a base (extension blocks included).</summary>
    private static bool SourceMayExtend(Compilation compilation, string name) =>
        StaticMethodNames.GetValue(compilation, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal)).GetOrAdd(
            name,
            declared => compilation.GetSymbolsWithName(declared, SymbolFilter.Member).OfType<IMethodSymbol>()
                .Any(method => method.IsStatic || method.IsExtensionMethod || method.ContainingType?.ContainingType is { IsStatic: true }));

    private static ITypeSymbol? TypeOf(ExpressionSyntax expression, MemberDeclarationSyntax member, INamedTypeSymbol containing, SemanticModel model) => expression switch
    {
        ThisExpressionSyntax => containing,
        ParenthesizedExpressionSyntax parenthesized => TypeOf(parenthesized.Expression, member, containing, model),
        IdentifierNameSyntax name => TypeOfName(name.Identifier.ValueText, member, containing, model),
        MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax
            && TypeOf(access.Expression, member, containing, model) is INamedTypeSymbol type =>
            MemberTypeOf(type, access.Name.Identifier.ValueText),
        _ => null,
    };

    /// <summary>A simple name binds to the first of: a local or parameter, a member of the enclosing types, an import.</summary>
    private static ITypeSymbol? TypeOfName(string name, MemberDeclarationSyntax member, INamedTypeSymbol containing, SemanticModel model)
    {
        // The contextual keywords of accessors, and any name the member declares itself (locals, lambdas' parameters,
        // patterns, range variables, type parameters), would need the body bound.
        var parameters = ParametersOf(member);
        if (name is "value" or "field" || NamesDeclaredIn(member).Contains(name))
        {
            return null;
        }

        if (parameters?.Parameters.FirstOrDefault(parameter => parameter.Identifier.ValueText == name) is { } declared)
        {
            return Usable(model.GetDeclaredSymbol(declared)?.Type);
        }

        for (var type = containing; type is not null; type = type.ContainingType)
        {
            if (HasPrimaryConstructorParameter(type, name))
            {
                return null;
            }

            if (MemberTypeOf(type, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // Syntax alone, so kept with the member's node for every compilation and every call in it.
    private static readonly ConditionalWeakTable<MemberDeclarationSyntax, HashSet<string>> DeclaredNames = new();

    private static HashSet<string> NamesDeclaredIn(MemberDeclarationSyntax member) => DeclaredNames.GetValue(member, declaring =>
    {
        var parameters = ParametersOf(declaring);
        return new HashSet<string>(
            declaring.DescendantTokens().Where(token => Declares(token, declaring, parameters)).Select(token => token.ValueText),
            StringComparer.Ordinal);
    });

    /// <summary>True for an identifier that declares its name, other than the member's own name and parameters.</summary>
    private static bool Declares(SyntaxToken token, MemberDeclarationSyntax member, BaseParameterListSyntax? ownParameters) =>
        token.IsKind(SyntaxKind.IdentifierToken)
        && token.Parent is not SimpleNameSyntax
        && token.Parent != member
        && !(token.Parent is ParameterSyntax parameter && parameter.Parent == ownParameters);

    private static BaseParameterListSyntax? ParametersOf(MemberDeclarationSyntax member) => member switch
    {
        BaseMethodDeclarationSyntax method => method.ParameterList,
        IndexerDeclarationSyntax indexer => indexer.ParameterList,
        _ => null,
    };

    private static bool HasPrimaryConstructorParameter(INamedTypeSymbol type, string name) =>
        type.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } parameters }
            && parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == name));

    /// <summary>
    /// The type of the field or property <paramref name="name"/> of <paramref name="type"/> or its bases, or the nested
    /// type of that name; null for anything else, or for a member the call may not see (a base's private member, an
    /// other assembly's internal one), where the lookup would go on past it.
    /// </summary>
    private static ITypeSymbol? MemberTypeOf(INamedTypeSymbol type, string name)
    {
        foreach (var candidate in SelfAndBases(type))
        {
            var members = candidate.GetMembers(name);
            if (members.IsEmpty)
            {
                continue;
            }

            if (members.Length > 1 || !IsSeenFrom(members[0], type))
            {
                return null;
            }

            return members[0] switch
            {
                IFieldSymbol field => Usable(field.Type),
                IPropertySymbol { IsIndexer: false } property => Usable(property.Type),
                INamedTypeSymbol nested => nested,
                _ => null,
            };
        }

        return null;
    }

    private static bool IsSeenFrom(ISymbol member, INamedTypeSymbol lookedUpIn) => member.DeclaredAccessibility switch
    {
        Accessibility.Private => SymbolEqualityComparer.Default.Equals(member.ContainingType, lookedUpIn),
        Accessibility.Internal or Accessibility.ProtectedAndInternal => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, lookedUpIn.ContainingAssembly),
        _ => true,
    };

    private static IEnumerable<INamedTypeSymbol> SelfAndBases(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var face in type.AllInterfaces)
            {
                yield return face;
            }
        }
    }

    /// <summary>A type whose members declarations can tell: not a type parameter, an array, <c>dynamic</c> or an error.</summary>
    private static INamedTypeSymbol? Usable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: not TypeKind.Error } named ? named : null;
}
