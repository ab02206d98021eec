using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL1004: ends the message on the send itself: <c>true</c> for the bool overload, <c>WebSocketMessageFlags.EndOfMessage</c>
/// in place of flags that are zero, and <c>| WebSocketMessageFlags.EndOfMessage</c> after other flags. Offered only
/// where that send is the message's last; a fragment in a loop needs its end on the right path, which is a choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MessageNeverEndedCodeFixProvider)), Shared]
public sealed class MessageNeverEndedCodeFixProvider : WsLimitsCodeFixProvider
{
    private const string EndOfMessageFlag = "System.Net.WebSockets.WebSocketMessageFlags.EndOfMessage";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.MessageNeverEnded);

    internal override string EquivalenceKey => "WSL1004.EndMessage";

    internal override string FixAllTitle => "End every message on its last send";

    internal override string Title(Diagnostic diagnostic) => "End the message on this send";

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Framing(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, EndMessagesAsync, cancellationToken);

    private static async Task<Document> EndMessagesAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (Framing(editor.OriginalRoot, diagnostic) is { } framing)
            {
                editor.ReplaceNode(framing, Ended(framing, editor.SemanticModel, cancellationToken).WithTriviaFrom(framing));
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The end-of-message argument the diagnostic is on, when ending the message there is the fix.</summary>
    private static ExpressionSyntax? Framing(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(MessageNeverEndedAnalyzer.EndHereProperty)
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is { } node
        && (node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression) is { Parent: ArgumentSyntax } framing
            ? framing
            : null;

    private static ExpressionSyntax Ended(ExpressionSyntax framing, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(framing, cancellationToken).ConvertedType;
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        }

        var endOfMessage = SyntaxFactory.ParseExpression(EndOfMessageFlag).WithAdditionalAnnotations(Simplifier.Annotation);
        if (model.GetConstantValue(framing, cancellationToken) is { HasValue: true, Value: 0 })
        {
            return endOfMessage;
        }

        var flags = framing is IdentifierNameSyntax or MemberAccessExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression }
            ? framing.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(framing.WithoutTrivia());
        return SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, flags, endOfMessage);
    }
}
