using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// Recognises code that takes a lock, by its shape: a <c>lock</c> statement, or a call that acquires a semaphore or an
/// async lock (<c>WaitAsync</c>, <c>Wait</c>, <c>LockAsync</c>, <c>EnterAsync</c>, <c>AcquireAsync</c>). It does not
/// prove the lock covers a whole message, so rules treat it as a reason to stay quiet, never as a proof of safety.
/// </summary>
internal static class ExclusiveSections
{
    public static bool AnyIn(SyntaxNode scope) =>
        scope.DescendantNodes().Any(node => node switch
        {
            LockStatementSyntax => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } =>
                access.Name.Identifier.ValueText is "WaitAsync" or "Wait" or "LockAsync" or "EnterAsync" or "AcquireAsync",
            _ => false,
        });
}
