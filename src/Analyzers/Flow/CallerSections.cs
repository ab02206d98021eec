using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Whether every path to a piece of code already has the socket to itself: each caller in the compilation takes a lock
/// around the call (or is itself called only that way), or the one caller is a loop that drains a queue, so that
/// messages leave one at a time. Like <see cref="ExclusiveSections"/> it reads the shape of the code, so rules treat
/// it as a reason to stay quiet, never as proof. A member other assemblies can call has callers nobody can see, unless
/// the project asks for only the callers it shows to be judged (wslimits.public_callers = visible).
/// </summary>
internal sealed class CallerSections
{
    private const int MaxDepth = 3;

    private readonly CallSites _calls;
    private readonly bool _onlyVisibleCallers;

    public CallerSections(CallSites calls, bool onlyVisibleCallers)
    {
        _calls = calls;
        _onlyVisibleCallers = onlyVisibleCallers;
    }

    public bool HoldExclusiveAccess(IOperation operation) =>
        EnclosingMethod(operation) is { } method && AllCallersExclusive(method, depth: 0);

    private bool AllCallersExclusive(IMethodSymbol method, int depth)
    {
        if (depth >= MaxDepth || _calls.AllCallsTo(method, _onlyVisibleCallers) is not { IsEmpty: false } calls)
        {
            return false;
        }

        foreach (var call in calls)
        {
            var exclusive = ExclusiveSections.AnyIn(call.EnclosingFunction().Syntax)
                || (calls.Length == 1 && IsInQueueConsumer(call))
                || (EnclosingMethod(call) is { } caller && AllCallersExclusive(caller, depth + 1));
            if (!exclusive)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A loop that takes one item at a time from a queue or channel and sends it.</summary>
    private static bool IsInQueueConsumer(IOperation call)
    {
        for (var loop = call.EnclosingLoop(); loop is not null; loop = loop.EnclosingLoop())
        {
            foreach (var operation in loop.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "TryDequeue" or "TryRead" or "TryTake" or "Take" or "WaitToReadAsync" or "ReadAllAsync" or "GetConsumingEnumerable" or "DequeueAsync" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IMethodSymbol? EnclosingMethod(IOperation operation) =>
        operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method ? method : null;
}
