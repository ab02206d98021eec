using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The source methods and fields of one compilation as the cross-method questions need them: a method's body, the
/// calls to it, the methods that implement an interface or abstract member, the values written to a field. Each answer is found on demand, from the files
/// whose text names the method, and kept for the rest of the compilation.
/// </summary>
internal sealed class CallSites
{
    private static readonly SyntaxKind[] InvocationKind = { SyntaxKind.InvocationExpression };
    private static readonly SyntaxKind[] AssignmentKind = { SyntaxKind.SimpleAssignmentExpression };

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, Callers> _callers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, Writes> _writes = new(SymbolEqualityComparer.Default);

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
    /// The operations of every body a source type declares, in all its parts: methods, constructors, accessors and
    /// expression-bodied members (nested types included).
    /// </summary>
    public IEnumerable<IOperation> BodiesIn(INamedTypeSymbol type)
    {
        foreach (var reference in type.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var model = ModelFor(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                var body = node switch
                {
                    BlockSyntax block when block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => (SyntaxNode)block,
                    ArrowExpressionClauseSyntax arrow => arrow.Expression,
                    _ => null,
                };
                if (body is not null && model.GetOperation(body) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    /// <summary>
    /// Every call to <paramref name="method"/> in the compilation's source, including calls through an interface or base
    /// member it implements, and whether they are all of its callers: not so for a member callable from other
    /// assemblies, or one used as a delegate, an override of a member declared elsewhere, or a member of an interface.
    /// </summary>
    public Callers CallersOf(IMethodSymbol method) => _callers.GetOrAdd(method.OriginalDefinition, Find);

    /// <summary>
    /// Every call to <paramref name="method"/>, or null where some may be out of sight; with
    /// <paramref name="exceptFromOutside"/>, calls other assemblies may make are not counted as missing. A member whose
    /// calls can never all be seen, as an interface member or an override, is answered without binding a caller.
    /// </summary>
    public ImmutableArray<IOperation>? AllCallsTo(IMethodSymbol method, bool exceptFromOutside)
    {
        if (!IsCalledByNameOnly(method.OriginalDefinition) || (!exceptFromOutside && IsCallableFromOutside(method)))
        {
            return null;
        }

        var callers = CallersOf(method);
        return (exceptFromOutside ? callers.IsCompleteInCompilation : callers.IsComplete) ? callers.Calls : null;
    }

    /// <summary>False for a member a call may reach without naming it: through an interface or base member, or as an interface member.</summary>
    private static bool IsCalledByNameOnly(IMethodSymbol method) =>
        method.OverriddenMethod is null && method.ContainingType.TypeKind != TypeKind.Interface && !ImplementedMembers(method).Any();

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

    /// <summary>
    /// The files that can refer to <paramref name="member"/> and whose text names <paramref name="name"/>: for a member
    /// that is private, or sits in a private type, only the files declaring the type it is private to; otherwise every
    /// file, each searched once per name for the whole compilation (<see cref="NameMentions"/>).
    /// </summary>
    private IEnumerable<SyntaxTree> TreesNaming(ISymbol member, string name)
    {
        var naming = TreesNaming(name);
        if (PrivateScopeOf(member) is not { } scope)
        {
            return naming;
        }

        var declaring = new HashSet<SyntaxTree>(scope.DeclaringSyntaxReferences.Select(reference => reference.SyntaxTree));
        return naming.Where(declaring.Contains);
    }

    /// <summary>The files whose text names <paramref name="name"/>, searched once per name for the whole compilation.</summary>
    public ImmutableArray<SyntaxTree> TreesNaming(string name) => NameMentions.Of(_compilation).TreesNaming(name);

    /// <summary>The outermost type a private member, or a member of a private nested type, can be used in.</summary>
    private static INamedTypeSymbol? PrivateScopeOf(ISymbol member)
    {
        INamedTypeSymbol? scope = null;
        for (var current = member; current?.ContainingType is { } container; current = container)
        {
            if (current.DeclaredAccessibility == Accessibility.Private)
            {
                scope = container;
            }
        }

        return scope;
    }

    private SemanticModel ModelFor(SyntaxTree tree) =>
        _models.GetOrAdd(tree, created => _compilation.GetSemanticModel(created));

    private Callers Find(IMethodSymbol method)
    {
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        var names = ImmutableArray.Create(isConstructor ? method.ContainingType.Name : method.Name);
        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        targets.UnionWith(ImplementedMembers(method));
        var complete = IsCalledByNameOnly(method);

        var arguments = ArgumentCounts.Of(targets);
        var calls = ImmutableArray.CreateBuilder<IOperation>();
        // A target-typed new(...) names no type, so constructors are looked for in every file that has one.
        foreach (var tree in isConstructor ? TreesNaming(method, names[0]).Union(TreesNaming(method, "new(")) : TreesNaming(method, names[0]))
        {
            var model = ModelFor(tree);
            var root = tree.GetRoot();
            foreach (var node in isConstructor ? root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>() : NamedNodeIndex.Of(root).Matching(InvocationKind, names))
            {
                // Binding is the cost: a call with an argument count no target takes, or on a receiver declared as a
                // type that cannot reach a target (a stream, a channel), is not bound at all.
                if (arguments.Allow(node) && MayReach(node, model, targets) && model.GetOperation(node) is { } call && TargetOf(call) is { } target && targets.Contains(target.OriginalDefinition))
                {
                    calls.Add(call);
                }
            }

            complete = complete && (isConstructor || !IsUsedAsDelegate(root, model, names[0], targets));
        }

        return new Callers(calls.ToImmutable(), complete && !IsCallableFromOutside(method), complete);
    }

    private static bool MayReach(SyntaxNode call, SemanticModel model, HashSet<IMethodSymbol> targets) =>
        call is not InvocationExpressionSyntax invocation
        || DeclaredReceiverType.Of(invocation, model) is not { } receiver
        || targets.Any(target => DeclaredReceiverType.CanCall(receiver, target));

    /// <summary>
    /// Every value written to a field in the compilation's source: its initializer, assignments (object initializers
    /// included), and whether those are all: not so for a field other assemblies can write, or one passed by reference.
    /// </summary>
    public Writes WritesTo(IFieldSymbol field) => _writes.GetOrAdd(field.OriginalDefinition, FindWrites);

    private Writes FindWrites(IFieldSymbol field)
    {
        var complete = field.IsReadOnly || !IsCallableFromOutside(field);
        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer }
                && ModelFor(initializer.SyntaxTree).GetOperation(initializer) is IFieldInitializerOperation { Value: var value })
            {
                values.Add(value);
            }
        }

        var names = ImmutableArray.Create(field.Name);
        foreach (var tree in TreesNaming(field, field.Name))
        {
            var model = ModelFor(tree);
            foreach (var node in NamedNodeIndex.Of(tree.GetRoot()).Matching(AssignmentKind, names))
            {
                if (model.GetOperation(node) is ISimpleAssignmentOperation assignment
                    && SymbolEqualityComparer.Default.Equals(assignment.Target.StorageSymbol()?.OriginalDefinition, field))
                {
                    values.Add(assignment.Value);
                }
            }

            // Compound assignments, increments and ref arguments change the field in ways not followed here.
            complete = complete && !NamedNodeIndex.Of(tree.GetRoot()).IdentifierNames(field.Name).Any(
                name => IsOtherWrite(name)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, field));
        }

        return new Writes(values.ToImmutable(), complete);
    }

    private static bool IsOtherWrite(IdentifierNameSyntax name)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>The arguments of a call found by <see cref="CallersOf"/>: an invocation or an object creation.</summary>
    public static ImmutableArray<IArgumentOperation> ArgumentsOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    private static IMethodSymbol? TargetOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };

    /// <summary>A method group that is not invoked on the spot (a delegate, an event handler) has callers nobody can see.</summary>
    private static bool IsUsedAsDelegate(SyntaxNode root, SemanticModel model, string name, HashSet<IMethodSymbol> targets)
    {
        foreach (var identifier in NamedNodeIndex.Of(root).IdentifierNames(name))
        {
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

/// <summary>The calls to a method (invocations, or object creations for a constructor) found in the compilation, and whether they are all there are.</summary>
internal sealed class Callers
{
    public Callers(ImmutableArray<IOperation> calls, bool isComplete, bool isCompleteInCompilation)
    {
        Calls = calls;
        IsComplete = isComplete;
        IsCompleteInCompilation = isCompleteInCompilation;
    }

    public ImmutableArray<IOperation> Calls { get; }

    public bool IsComplete { get; }

    /// <summary>True when these are all the calls but those other assemblies may make.</summary>
    public bool IsCompleteInCompilation { get; }
}

/// <summary>The values written to a field found in the compilation, and whether they are all there are.</summary>
internal sealed class Writes
{
    public Writes(ImmutableArray<IOperation> values, bool isComplete)
    {
        Values = values;
        IsComplete = isComplete;
    }

    public ImmutableArray<IOperation> Values { get; }

    public bool IsComplete { get; }
}
