using System.Text;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Testing;

/// <summary>One connection's lines as the trace kept them (<c>C:</c> what the client sent, <c>S:</c> the server's replies).</summary>
public sealed record ConnectionTranscript(long SessionId, string Host, string? Peer, IReadOnlyList<TranscriptLine> Lines)
{
    /// <summary>The connections opened after session <paramref name="afterSession"/>, oldest first; at most the latest <paramref name="limit"/>.</summary>
    internal static IReadOnlyList<ConnectionTranscript> After(MailWorld world, long afterSession, int limit)
    {
        var latest = world.Trace.LatestSessionId;
        var transcripts = new List<ConnectionTranscript>();
        for (var id = Math.Max(afterSession, latest - limit) + 1; id <= latest; id++)
        {
            var events = world.Trace.Views.Session(id);
            var lines = TraceViews.Lines(events);
            if (lines.Count > 0)
            {
                transcripts.Add(new ConnectionTranscript(id, events[0].Host, events.FirstOrDefault(e => e.Peer is not null)?.Peer, lines));
            }
        }

        return transcripts;
    }

    /// <summary>The transcripts as text, each cut to its first and last lines past <paramref name="maxLines"/>.</summary>
    internal static string Describe(IReadOnlyList<ConnectionTranscript> transcripts, int maxLines)
    {
        var text = new StringBuilder();
        foreach (var t in transcripts)
        {
            text.Append($"\n  connection {t.SessionId} to {t.Host}{(t.Peer is null ? string.Empty : " from " + t.Peer)}:");
            var head = t.Lines.Count > maxLines ? maxLines / 2 : t.Lines.Count;
            foreach (var line in t.Lines.Take(head))
            {
                Append(text, line);
            }

            if (t.Lines.Count > maxLines)
            {
                text.Append($"\n    … {t.Lines.Count - maxLines} lines left out …");
                foreach (var line in t.Lines.TakeLast(maxLines - head))
                {
                    Append(text, line);
                }
            }
        }

        return text.ToString();
    }

    // A multiline reply is one line of the trace: its continuation lines are indented under it.
    private static void Append(StringBuilder text, TranscriptLine line) =>
        text.Append("\n    ").Append(line.Side).Append(": ").Append(line.Text.ReplaceLineEndings("\n       "));
}
