using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1003: a message sent in fragments on a socket stored in a field or property that other methods use, with no
/// lock taken in the method or by its callers. Sockets in locals and parameters, private methods of types that lock
/// somewhere, and methods that pass their caller's end-of-message flag through (judged at their callers, where the
/// call is a send) are left alone: who else sends on them is not visible here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FragmentedSendWithoutExclusiveAccessAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FragmentedSendWithoutExclusiveAccess);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterCalls(context, use.SendCalls.Named("SendAsync"), (invocation, report) => Analyze(invocation, report, use, use.Callers));
    }

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WebSocketUse use, CallerSections callers)
    {
        if (FragmentSocket(invocation, use) is not { } socket
            || invocation.EnclosingFunction() is not { } function
            || !IsFirstFragmentOn(socket, invocation, function, use)
            || function.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || member.Parent is not TypeDeclarationSyntax type
            || ExclusiveSections.AnyIn(function.Syntax)
            || (IsPrivate(member, function) && ExclusiveSections.AnyIn(type))
            || !IsUsedElsewhere(socket, member, type)
            || callers.HoldExclusiveAccess(invocation))
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.FragmentedSendWithoutExclusiveAccess,
            invocation.Syntax.GetLocation(),
            NameOf(member),
            socket.Name));
    }

    /// <summary>
    /// The field, property or primary-constructor parameter (a field in all but name) a send that does not end its
    /// message, and does not forward its caller's flag, sends on.
    /// </summary>
    private static ISymbol? FragmentSocket(IInvocationOperation invocation, WebSocketUse use)
    {
        if (WebSocketSendCall.TryCreate(invocation, use) is not { IsSocketSend: true, EndsMessage: false, ForwardsCallersFraming: false })
        {
            return null;
        }

        return invocation.Instance.WithoutConversions() switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } captured } => captured,
            _ => null,
        };
    }

    /// <summary>One diagnostic per message: on the first fragment the function sends on this socket.</summary>
    private static bool IsFirstFragmentOn(ISymbol socket, IInvocationOperation invocation, IOperation function, WebSocketUse use)
    {
        foreach (var operation in function.Descendants())
        {
            if (operation is IInvocationOperation other && SymbolEqualityComparer.Default.Equals(FragmentSocket(other, use), socket))
            {
                return ReferenceEquals(other, invocation);
            }
        }

        return true;
    }

    /// <summary>A lambda or local function runs where its enclosing member lets it, so it counts as private.</summary>
    private static bool IsPrivate(MemberDeclarationSyntax member, IOperation function) =>
        function is IAnonymousFunctionOperation or ILocalFunctionOperation
        || !member.Modifiers.Any(modifier => modifier.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword);

    /// <summary>Reachable from more than one method: not private, or named in another member that is not a constructor.</summary>
    private static bool IsUsedElsewhere(ISymbol socket, MemberDeclarationSyntax member, TypeDeclarationSyntax type)
    {
        if (socket is not IParameterSymbol && socket.DeclaredAccessibility != Accessibility.Private)
        {
            return true;
        }

        foreach (var other in type.Members)
        {
            if (other == member || other is ConstructorDeclarationSyntax or FieldDeclarationSyntax)
            {
                continue;
            }

            if (other.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == socket.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static string NameOf(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        _ => member.Kind().ToString(),
    };
}
