using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Testing;

/// <summary>
/// One conversation of a message's journey: which host, in what role, when, whether TLS and AUTH were
/// used, and what was said. <see cref="AuthenticatedAs"/>: the account an SMTP client authenticated as,
/// or the account that read the message over POP3 or IMAP.
/// </summary>
public sealed record JourneyHop(string Host, string Stage, string? Peer, DateTimeOffset Time, bool UsedTls, bool UsedAuth, string? Reply, IReadOnlyList<TranscriptLine> Transcript, string? AuthenticatedAs = null)
{
    /// <summary>From a trace hop: TLS when the client's STARTTLS got 220 (RFC 3207 §4), AUTH when an AUTH got 235 (RFC 4954 §6).</summary>
    internal static JourneyHop Of(TraceHop hop)
    {
        var lines = hop.Lines;
        return new JourneyHop(hop.Host, hop.Role.ToString().ToLowerInvariant(), hop.Peer, hop.Time,
            Answered(lines, "STARTTLS", "220"), Answered(lines, "AUTH", "235") || hop.Reader is not null, hop.Reply, lines, hop.AuthenticatedAs ?? hop.Reader);
    }

    private static bool Answered(IReadOnlyList<TranscriptLine> lines, string verb, string code)
    {
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (lines[i].Side == "C" && lines[i].Text.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                // AUTH's 334 challenges (RFC 4954 §4) come before its outcome.
                var reply = lines.Skip(i + 1).FirstOrDefault(l => l.Side == "S" && !l.Text.StartsWith("334", StringComparison.Ordinal));
                if (reply is not null && reply.Text.StartsWith(code, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>A message's journey as the trace's reader (<see cref="TraceViews"/>) tells it: route, hops and each recipient's status.</summary>
public sealed record MailJourney(string TraceId, IReadOnlyList<string> Route, IReadOnlyList<JourneyHop> Hops, IReadOnlyList<RecipientStatus> Recipients)
{
    internal static MailJourney Read(MailWorld world, string traceId) =>
        world.Trace.Views.Trace(traceId) is { } trace
            ? new MailJourney(traceId, trace.Route(), trace.Hops.Select(JourneyHop.Of).ToArray(), trace.Recipients)
            : new MailJourney(traceId, [], [], []);

    /// <summary>The whole journey as text: one line per hop and its transcript (for a failed assertion's message).</summary>
    public string Describe() => string.Join("\n", Hops.Select(h =>
        $"{h.Time:HH:mm:ss.fff} {h.Host} ({h.Stage}{(h.Peer is null ? string.Empty : " with " + h.Peer)}{(h.UsedTls ? ", TLS" : string.Empty)}{(h.UsedAuth ? ", AUTH" + (h.AuthenticatedAs is null ? string.Empty : " as " + h.AuthenticatedAs) : string.Empty)})\n"
        + string.Join("\n", h.Transcript.Select(l => $"  {l.Side}: {l.Text}"))));
}
