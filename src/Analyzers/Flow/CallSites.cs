using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The source methods of one compilation as the cross-method questions need them: a method's body, the calls to it,
/// and the methods that implement an interface or abstract member. Each answer is found on demand, from the files
/// whose text names the method, and kept for the rest of the compilation.
/// </summary>
internal sealed class CallSites
{
    private static readonly SyntaxKind[] InvocationKind = { SyntaxKind.InvocationExpression };

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, Callers> _callers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

    public CallSites(Compilation compilation) => _compilation = compilation;

    /// <summary>The operation of a source method's body (block or expression), or null for metadata and abstract methods.</summary>
    public IOperation? BodyOf(IMethodSymbol method)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax() switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody?.Expression,
                _ => null,
            };
            if (body is not null && ModelFor(body.SyntaxTree).GetOperation(body) is { } operation)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>
    /// Every call to <paramref name="method"/> in the compilation's source, including calls through an interface or base
    /// member it implements, and whether they are all of its callers: not so for a member callable from other
    /// assemblies, or one used as a delegate, an override of a member declared elsewhere, or a member of an interface.
    /// </summary>
    public Callers CallersOf(IMethodSymbol method) => _callers.GetOrAdd(method.OriginalDefinition, Find);

    /// <summary>The source methods that run for a call to <paramref name="method"/>: itself, or its implementations and overrides.</summary>
    public ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method) =>
        _implementations.GetOrAdd(method.OriginalDefinition, FindImplementations);

    /// <summary>True when code in other assemblies can call the member: it and every type around it are public or protected.</summary>
    public static bool IsCallableFromOutside(ISymbol symbol)
    {
        for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private SemanticModel ModelFor(SyntaxTree tree) =>
        _models.GetOrAdd(tree, created => _compilation.GetSemanticModel(created));

    private Callers Find(IMethodSymbol method)
    {
        var names = ImmutableArray.Create(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        targets.UnionWith(ImplementedMembers(method));
        var complete = !IsCallableFromOutside(method)
            && targets.Count == 1
            && method.OverriddenMethod is null
            && method.ContainingType.TypeKind != TypeKind.Interface;

        var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!TreeText.MentionsAny(tree, names, CancellationToken.None))
            {
                continue;
            }

            var model = ModelFor(tree);
            var root = tree.GetRoot();
            foreach (var node in NamedNodeIndex.Of(root).Matching(InvocationKind, names))
            {
                if (model.GetOperation(node) is IInvocationOperation call && targets.Contains(call.TargetMethod.OriginalDefinition))
                {
                    calls.Add(call);
                }
            }

            complete = complete && !IsUsedAsDelegate(root, model, names[0], targets);
        }

        return new Callers(calls.ToImmutable(), complete);
    }

    /// <summary>A method group that is not invoked on the spot (a delegate, an event handler) has callers nobody can see.</summary>
    private static bool IsUsedAsDelegate(SyntaxNode root, SemanticModel model, string name, HashSet<IMethodSymbol> targets)
    {
        foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != name)
            {
                continue;
            }

            var expression = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
            if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
            {
                continue;
            }

            if (model.GetSymbolInfo(identifier).Symbol is IMethodSymbol referenced && targets.Contains(referenced.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IMethodSymbol> ImplementedMembers(IMethodSymbol method)
    {
        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            yield return implemented.OriginalDefinition;
        }

        foreach (var face in method.ContainingType.AllInterfaces)
        {
            foreach (var member in face.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                {
                    yield return member.OriginalDefinition;
                }
            }
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }
    }

    private ImmutableArray<IMethodSymbol> FindImplementations(IMethodSymbol method)
    {
        if (method.ContainingType.TypeKind != TypeKind.Interface && !method.IsAbstract && !method.IsVirtual)
        {
            return ImmutableArray.Create(method);
        }

        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var candidate in _compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member).OfType<IMethodSymbol>())
        {
            if (!candidate.IsAbstract && ImplementedMembers(candidate).Contains(method, SymbolEqualityComparer.Default))
            {
                found.Add(candidate);
            }
        }

        if (!method.IsAbstract && method.ContainingType.TypeKind != TypeKind.Interface)
        {
            found.Add(method);
        }

        return found.ToImmutable();
    }
}

/// <summary>The calls to a method found in the compilation, and whether they are all there are.</summary>
internal sealed class Callers
{
    public Callers(ImmutableArray<IInvocationOperation> calls, bool isComplete)
    {
        Calls = calls;
        IsComplete = isComplete;
    }

    public ImmutableArray<IInvocationOperation> Calls { get; }

    public bool IsComplete { get; }
}
