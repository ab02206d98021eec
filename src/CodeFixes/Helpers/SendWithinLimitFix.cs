using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.CodeFixes.MessageSplit;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// The fix for a send over the peer's limit, chosen by how the peer counts. A peer that limits only frames gets the
/// chunked sender: one message in frames of the limit. A peer that limits messages gets the message splitter: several
/// messages in the split-message protocol, since smaller frames of one message would be refused all the same.
/// </summary>
internal static class SendWithinLimitFix
{
    private static readonly HelperSendFix Chunked = new(
        ChunkedSenderTemplate.TypeName,
        ChunkedSenderTemplate.MethodName,
        send => send.UsesFlags,
        ChunkedSenderTemplate.Render);

    private static readonly HelperSendFix Split = new(
        SplitMessageTemplate.SenderTypeName,
        SplitMessageTemplate.MethodName,
        _ => false,
        SplitMessageTemplate.Render);

    public static string Title(Diagnostic diagnostic) => SplitsMessages(diagnostic)
        ? string.Format(CultureInfo.InvariantCulture, "Split into messages of at most {0} bytes (the peer must reassemble them)", MaxPartBytes(diagnostic))
        : string.Format(CultureInfo.InvariantCulture, "Send in frames of at most {0} bytes", MaxFrameBytes(diagnostic));

    /// <summary>The splitter sends with the bool overload, so it takes no flags but EndOfMessage.</summary>
    public static bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SendCallRewriter.Find(root, model, diagnostic, cancellationToken) is { } send && (!SplitsMessages(diagnostic) || send.FlagsAreJustEndOfMessage);

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        solution = await Chunked.ApplyAsync(solution, Only(work, split: false), MaxFrameBytes, cancellationToken).ConfigureAwait(false);
        return await Split.ApplyAsync(solution, Only(work, split: true), MaxPartBytes, cancellationToken).ConfigureAwait(false);
    }

    private static bool SplitsMessages(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(SentPayload.MaxMessageBytesProperty);

    private static int MaxFrameBytes(Diagnostic diagnostic) => diagnostic.GetInt(SentPayload.MaxFrameBytesProperty, LimitOptions.DefaultMaxFrameBytes);

    /// <summary>Each part message, header included, fits both the message limit and any frame limit.</summary>
    private static int MaxPartBytes(Diagnostic diagnostic) => Math.Min(
        diagnostic.GetInt(SentPayload.MaxMessageBytesProperty, int.MaxValue),
        diagnostic.GetInt(SentPayload.MaxFrameBytesProperty, int.MaxValue));

    private static List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> Only(
        IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, bool split) =>
        work.Select(item => (item.Document, item.Diagnostics.Where(diagnostic => SplitsMessages(diagnostic) == split).ToImmutableArray()))
            .Where(item => !item.Item2.IsEmpty)
            .ToList();
}
