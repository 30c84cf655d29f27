using MailLab.Mail.Tracing;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// Turns the trace's protocol events into transcript lines. A server's own view of a session is
/// labelled with the server (<c>[rosnou.ru] C: EHLO mail.ru</c>); a delivery agent's outgoing hop
/// with both ends (<c>[mail.ru → rosnou.ru] S: 250 ...</c>), so the two views of one hop stay apart.
/// </summary>
public static class Transcript
{
    public static IReadOnlyList<string> Format(IEnumerable<TraceEvent> events)
    {
        var lines = new List<string>();
        foreach (var e in events)
        {
            var who = e.Outbound && e.Peer is not null ? $"[{e.Host} → {e.Peer}]" : $"[{e.Host}]";
            switch (e.Kind)
            {
                case TraceKind.ConnectionOpened:
                case TraceKind.ConnectionClosed:
                    lines.Add($"{who} -- {e.Text}");
                    break;
                case TraceKind.ClientLine:
                case TraceKind.ClientData:
                    lines.Add($"{who} C: {e.Text}");
                    break;
                case TraceKind.ServerReply:
                    lines.AddRange(e.Text.Split('\n').Select(l => $"{who} S: {l}"));
                    break;
            }
        }

        return lines;
    }

    /// <summary>
    /// The same lines, one session after another in the order the sessions began (each headed by
    /// "== session N"). Sessions run concurrently, so the interleaving of <see cref="Format"/> can
    /// differ between runs; this order cannot, which makes it the form for golden files.
    /// </summary>
    public static IReadOnlyList<string> FormatBySession(IEnumerable<TraceEvent> events)
    {
        var lines = new List<string>();
        foreach (var session in events.Where(e => TraceViews.IsProtocol(e.Kind)).GroupBy(e => e.SessionId ?? 0).OrderBy(g => g.Key))
        {
            lines.Add($"== session {session.Key}");
            lines.AddRange(Format(session.OrderBy(e => e.Sequence)));
        }

        return lines;
    }

    /// <summary>The last <paramref name="count"/> lines, with a marker when some were left out.</summary>
    public static IReadOnlyList<string> Tail(IReadOnlyList<string> lines, int count) =>
        lines.Count <= count ? lines : [$"... ({lines.Count - count} earlier lines)", .. lines.Skip(lines.Count - count)];
}
