using System;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// A bug in one of the package's callbacks, with the rule and the place it was analyzing, so that the AD0001 warning a
/// user sees says what to report: "WSL1001 failed at Sender.cs(12,9): ...".
/// </summary>
public sealed class AnalyzerCallbackException : Exception
{
    public AnalyzerCallbackException(string rules, Location? location, Exception inner)
        : base($"{rules} failed at {Describe(location)}: {inner.GetType().Name}: {inner.Message}", inner)
    {
    }

    private static string Describe(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return "compilation level";
        }

        var span = location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
