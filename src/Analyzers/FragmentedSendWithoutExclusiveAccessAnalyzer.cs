using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL1003: a message sent in fragments on a socket stored in a field or property that other methods use, with no
/// lock taken in the method. Sockets in locals and parameters, and private methods of types that lock somewhere,
/// are left alone: who else sends on them is not visible here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FragmentedSendWithoutExclusiveAccessAnalyzer : WebSocketAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FragmentedSendWithoutExclusiveAccess);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types) =>
        RegisterNamed<IInvocationOperation>(context, ImmutableArray.Create("SendAsync"), (invocation, report) => Analyze(invocation, report, types), SyntaxKind.InvocationExpression);

    private static void Analyze(IInvocationOperation invocation, Action<Diagnostic> report, WellKnownTypes types)
    {
        if (FragmentSocket(invocation, types) is not { } socket
            || invocation.EnclosingFunction() is not { } function
            || !IsFirstFragmentOn(socket, invocation, function, types)
            || function.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || member.Parent is not TypeDeclarationSyntax type
            || ExclusiveSections.AnyIn(function.Syntax)
            || (IsPrivate(member, function) && ExclusiveSections.AnyIn(type))
            || !IsUsedElsewhere(socket, member, type))
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.FragmentedSendWithoutExclusiveAccess,
            invocation.Syntax.GetLocation(),
            NameOf(member),
            socket.Name));
    }

    /// <summary>The field or property a SendAsync call that does not end its message sends on.</summary>
    private static ISymbol? FragmentSocket(IInvocationOperation invocation, WellKnownTypes types)
    {
        if (WebSocketSendCall.TryCreate(invocation, types) is not { IsSocketSend: true, EndsMessage: false })
        {
            return null;
        }

        return invocation.Instance.WithoutConversions() switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
    }

    /// <summary>One diagnostic per message: on the first fragment the function sends on this socket.</summary>
    private static bool IsFirstFragmentOn(ISymbol socket, IInvocationOperation invocation, IOperation function, WellKnownTypes types)
    {
        foreach (var operation in function.Descendants())
        {
            if (operation is IInvocationOperation other && SymbolEqualityComparer.Default.Equals(FragmentSocket(other, types), socket))
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
        if (socket.DeclaredAccessibility != Accessibility.Private)
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
