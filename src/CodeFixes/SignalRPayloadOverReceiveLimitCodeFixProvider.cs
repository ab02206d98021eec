using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.CodeFixes.ServerLimit;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL3003, on a hub method of a server whose code leaves SignalR's limit at its default: sets
/// MaximumReceiveMessageSize to the contract's value in the project's existing AddSignalR, AddHubOptions or
/// Configure&lt;HubOptions&gt; call. Offered where the contract gives a value and the project has such a call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignalRPayloadOverReceiveLimitCodeFixProvider)), Shared]
public sealed class SignalRPayloadOverReceiveLimitCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.SignalRPayloadOverReceiveLimit);

    internal override string EquivalenceKey => "WSL3003.ConfigureServer";

    internal override string FixAllTitle => "Configure every SignalR server with the contract's limit";

    internal override string Title(Diagnostic diagnostic) =>
        "Set MaximumReceiveMessageSize to the contract's " + LimitValueRewrite.Format(ContractBytes(diagnostic)) + " bytes";

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ContractBytes(diagnostic) > 0 && HubOptionsCall.Find(model.Compilation.SyntaxTrees) is not null;

    internal override async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        foreach (var project in work.GroupBy(item => item.Document.ProjectId))
        {
            var bytes = project.SelectMany(item => item.Diagnostics).Max(ContractBytes);
            if (bytes <= 0 || solution.GetProject(project.Key) is not { } target)
            {
                continue;
            }

            foreach (var document in target.Documents)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is not null && HubOptionsCall.Find(new[] { root.SyntaxTree }) is { } call)
                {
                    var changed = document.WithSyntaxRoot(root.ReplaceNode(call, HubOptionsCall.WithLimit(call, LimitValueRewrite.Format(bytes))));
                    solution = (await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)).Project.Solution;
                    break;
                }
            }
        }

        return solution;
    }

    private static int ContractBytes(Diagnostic diagnostic) => diagnostic.GetInt(SignalRPayloadOverReceiveLimitAnalyzer.ContractBytesProperty, 0);
}
