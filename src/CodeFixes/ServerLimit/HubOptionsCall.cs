using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace WsLimits.Analyzers.CodeFixes.ServerLimit;

/// <summary>
/// The call that configures a SignalR server's hub options, found by its shape in a project's syntax trees:
/// <c>AddSignalR(...)</c>, <c>AddHubOptions(...)</c> (also Blazor's <c>AddInteractiveServerComponents().AddHubOptions</c>)
/// or <c>Configure&lt;HubOptions&gt;(...)</c>. A limit is merged into its options lambda, never added as a second call.
/// </summary>
internal static class HubOptionsCall
{
    private const string Property = "MaximumReceiveMessageSize";

    /// <summary>The first such call the fix can merge a setting into: no argument yet, or one lambda.</summary>
    public static InvocationExpressionSyntax? Find(IEnumerable<SyntaxTree> trees)
    {
        var calls = trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(call => Name(call) is "AddSignalR" or "AddHubOptions" || IsConfigureHubOptions(call))
            .Where(call => call.ArgumentList.Arguments.Count == 0 ? Name(call) == "AddSignalR" : call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax)
            .ToList();
        return calls.FirstOrDefault(call => Name(call) == "AddSignalR") ?? calls.FirstOrDefault();
    }

    /// <summary>The call with <c>MaximumReceiveMessageSize = bytes</c> in its options lambda.</summary>
    public static InvocationExpressionSyntax WithLimit(InvocationExpressionSyntax call, string bytes)
    {
        if (call.ArgumentList.Arguments.Count == 0)
        {
            var lambda = SyntaxFactory.ParseExpression($"options => options.{Property} = {bytes}");
            return call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(lambda))).WithAdditionalAnnotations(Formatter.Annotation);
        }

        var options = (LambdaExpressionSyntax)call.ArgumentList.Arguments[0].Expression;
        var parameter = options switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.First().Identifier.ValueText,
            _ => "options",
        };
        var setting = $"{parameter}.{Property} = {bytes};";
        var body = options.Block is { } block
            ? block.AddStatements(SyntaxFactory.ParseStatement(setting).WithAdditionalAnnotations(Formatter.Annotation))
            : (BlockSyntax)SyntaxFactory.ParseStatement($"{{\n{options.ExpressionBody!.WithoutTrivia()};\n{setting}\n}}");
        var merged = options.WithBlock(body.WithAdditionalAnnotations(Formatter.Annotation)).WithExpressionBody(null);
        return call.ReplaceNode(options, merged);
    }

    private static string? Name(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsConfigureHubOptions(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Configure" } configure }
        && configure.TypeArgumentList.Arguments.Count == 1 && configure.TypeArgumentList.Arguments[0].ToString().Contains("HubOptions");
}
