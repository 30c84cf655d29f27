using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Testing;

/// <summary>
/// One mail transaction (RFC 5321 §3.3, MAIL to the reply to the content or to RSET) a server of the
/// world was offered: its envelope, the first refusal it got (or its last reply when none) and the
/// trace of the message it stored (null when it stored none).
/// </summary>
public sealed record SubmissionAttempt(long SessionId, string Host, DateTimeOffset Time, string MailFrom, IReadOnlyList<string> RcptTo, string Outcome, string? TraceId)
{
    public bool Stored => TraceId is not null;

    /// <summary>
    /// The transactions with this copy's sender and one of its recipients that led to it: the refused
    /// ones since the previous stored copy of that envelope, then its own.
    /// </summary>
    internal static IReadOnlyList<SubmissionAttempt> Of(MailWorld world, ReceivedMail mail)
    {
        var matching = All(world).Where(a => a.MailFrom.Equals(mail.Envelope.MailFrom, StringComparison.OrdinalIgnoreCase)
            && a.RcptTo.Any(r => mail.To.Contains(r, StringComparer.OrdinalIgnoreCase))).ToList();
        var own = matching.FindIndex(a => a.TraceId == mail.TraceId);
        if (own < 0)
        {
            return [];
        }

        var first = matching.FindLastIndex(own, a => a.Stored && a.TraceId != mail.TraceId) + 1;
        return matching.GetRange(first, own - first + 1);
    }

    /// <summary>Every transaction the servers' transcripts still hold (the client ends of relays left out), in order.</summary>
    private static IEnumerable<SubmissionAttempt> All(MailWorld world) =>
        world.Trace.Views.Events()
            .Where(e => e.Transaction != 0 && !e.Outbound && e.Kind is TraceKind.ClientLine or TraceKind.ServerReply)
            .GroupBy(e => (e.SessionId, e.Transaction))
            .Select(Read)
            .Where(a => a is not null)
            .OrderBy(a => a!.Value.Sequence)
            .Select(a => a!.Value.Attempt);

    private static (long Sequence, SubmissionAttempt Attempt)? Read(IEnumerable<TraceEvent> transaction)
    {
        var lines = transaction.OrderBy(e => e.Sequence).ToArray();
        var mail = lines.FirstOrDefault(e => e.Kind == TraceKind.ClientLine && e.Text.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase));
        if (mail is null)
        {
            return null;
        }

        var recipients = lines.Where(e => e.Kind == TraceKind.ClientLine && e.Text.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase)).Select(e => Path(e.Text)).ToArray();
        var replies = lines.Where(e => e.Kind == TraceKind.ServerReply).ToArray();
        var outcome = replies.FirstOrDefault(e => e.Text.Length > 0 && e.Text[0] is '4' or '5') ?? replies.LastOrDefault();
        return (mail.Sequence, new SubmissionAttempt(mail.SessionId ?? 0, mail.Host, mail.Time, Path(mail.Text), recipients, outcome?.Text ?? "(no reply)", lines.FirstOrDefault(e => e.TraceId is not null)?.TraceId));
    }

    // "MAIL FROM:<a@b> SIZE=10" → "a@b" (RFC 5321 §4.1.2's Path, its angle brackets taken off).
    private static string Path(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf('>', open);
        return close < 0 ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : line[(open + 1)..close];
    }
}
