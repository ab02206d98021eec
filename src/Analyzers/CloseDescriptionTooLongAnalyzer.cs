using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers;

/// <summary>
/// WSL2004: a close description that is provably over 123 UTF-8 bytes, or has no bound at all, passed to CloseAsync or
/// CloseOutputAsync, which then throw ArgumentException instead of closing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CloseDescriptionTooLongAnalyzer : WebSocketAnalyzer
{
    /// <summary>A close frame's payload is at most 125 bytes, two of them the status code.</summary>
    public const int MaxDescriptionBytes = 123;

    private static readonly ImmutableArray<string> CloseMethods = ImmutableArray.Create("CloseAsync", "CloseOutputAsync");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CloseDescriptionTooLong);

    internal override void Register(CompilationStartAnalysisContext context, WellKnownTypes types)
    {
        var use = WebSocketUse.Of(context.Compilation, types, LimitOptionsCache.Of(context.Options.AnalyzerConfigOptionsProvider));
        RegisterNamed<IInvocationOperation>(
            context,
            CloseMethods,
            (invocation, report) =>
            {
                if (DescriptionOf(invocation, types) is { } description
                    && use.TextBytes.Evaluate(description) is var bytes
                    && !(bytes.IsUnbounded && IsPassedThrough(description))
                    && Describe(bytes) is { } size)
                {
                    report(Diagnostic.Create(Descriptors.CloseDescriptionTooLong, description.Syntax.GetLocation(), size, invocation.TargetMethod.Name));
                }
            },
            SyntaxKind.InvocationExpression);
    }

    /// <summary>The description passed to a WebSocket's CloseAsync or CloseOutputAsync, on WebSocket or any type derived from it.</summary>
    private static IOperation? DescriptionOf(IInvocationOperation invocation, WellKnownTypes types) =>
        CloseMethods.Contains(invocation.TargetMethod.Name) && types.IsWebSocket(invocation.TargetMethod.ContainingType)
            ? invocation.Arguments.FirstOrDefault(argument => argument.Parameter is { Name: "statusDescription", Type.SpecialType: SpecialType.System_String })?.Value
            : null;

    /// <summary>
    /// A parameter handed on unchanged, as by a wrapper around the socket (or a helper of one): the wrapper has CloseAsync's
    /// own contract, and what its callers pass is theirs to keep short. Joined into a longer text, the parameter still
    /// counts; and callers that all pass a description too long are still reported.
    /// </summary>
    private static bool IsPassedThrough(IOperation description) => description.WithoutConversions() is IParameterReferenceOperation;

    private static string? Describe(PayloadSize.PayloadSize size)
    {
        if (size.IsUnbounded)
        {
            return "comes from " + size.Origin + " and can be any length";
        }

        if (size.Minimum <= MaxDescriptionBytes)
        {
            return null;
        }

        return string.Format(
            CultureInfo.InvariantCulture,
            size.IsBounded && size.Minimum == size.Bound ? "is {0} UTF-8 bytes" : "is at least {0} UTF-8 bytes",
            size.Minimum);
    }
}
