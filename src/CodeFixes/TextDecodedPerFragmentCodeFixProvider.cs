using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.FragmentDecoding;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>WSL2003: decodes the fragments with one Decoder, so a character split between two of them survives.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TextDecodedPerFragmentCodeFixProvider)), Shared]
public sealed class TextDecodedPerFragmentCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.TextDecodedPerFragment);

    internal override string EquivalenceKey => FragmentDecodingFix.EquivalenceKey;

    internal override string FixAllTitle => "Decode every message with one Decoder";

    internal override string Title(Diagnostic diagnostic) => FragmentDecodingFix.Title;

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        DecoderRewritePlan.TryCreate(root, model, diagnostic, cancellationToken) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, FragmentDecodingFix.ApplyAsync, cancellationToken);
}
