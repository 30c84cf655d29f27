namespace MailLab.Mail.Tracing;

/// <summary>What a host did in a hop: received the message over SMTP, sent it on, or gave it to a POP3 reader.</summary>
public enum TraceHopRole
{
    Server,
    Client,
    Pop3,

    /// <summary>An IMAP client's session that fetched the message (MailLab's own IMAP service).</summary>
    Imap,
}

/// <summary>
/// One conversation a message travelled through: who talked to whom and what was said about this
/// message. <paramref name="Transcript"/>: the connection's own lines (greeting, EHLO, QUIT…) and this
/// message's transaction, not those of other messages the connection carried (ClientLine, ServerReply
/// and ClientData events). <paramref name="Reply"/>: the reply to the message content, if it was sent.
/// <paramref name="Reader"/>: for a POP3 or IMAP hop, the account that retrieved the message.
/// <paramref name="AuthenticatedAs"/>: for a server hop, the account the client authenticated as
/// before it sent the message (RFC 4954 §6), or null when it did not.
/// </summary>
public sealed record TraceHop(long SessionId, string Host, TraceHopRole Role, string? Peer, DateTimeOffset Time, string? Reply, IReadOnlyList<TraceEvent> Transcript, string? Reader, string? AuthenticatedAs = null)
{
    /// <summary>The transcript as <c>C:</c> and <c>S:</c> lines.</summary>
    public IReadOnlyList<TranscriptLine> Lines => TraceViews.Lines(Transcript);
}

/// <summary>A message's hops, read from the trace (the reader behind the API's and the page's journey).</summary>
public static class TraceHops
{
    /// <summary>
    /// The hops of <paramref name="traceId"/>, in time order, from its events (<see cref="TraceLog.ForTrace"/>):
    /// every connection one of its stages names (received, connecting, relayed, retrieved) and every
    /// connection that carried a transaction of it (a recipient refused there leaves no stage on that
    /// connection, but the lines are the message's).
    /// </summary>
    public static IReadOnlyList<TraceHop> Of(TraceLog log, string traceId, IReadOnlyList<TraceEvent> events)
    {
        // A connection's first stage of this message says what the host did there; a connection with
        // only lines of it is told by its side.
        var anchors = new Dictionary<long, TraceEvent>();
        foreach (var e in events)
        {
            if (e.SessionId is { } session && e.Kind is TraceKind.Received or TraceKind.Relayed or TraceKind.Connecting or TraceKind.RetrievedByPop3 or TraceKind.RetrievedByImap)
            {
                anchors.TryAdd(session, e);
            }
        }

        foreach (var e in events)
        {
            if (e.SessionId is { } session && TraceLog.IsProtocol(e.Kind) && e.TraceId == traceId)
            {
                anchors.TryAdd(session, e);
            }
        }

        var hops = new List<TraceHop>(anchors.Count);
        foreach (var (session, anchor) in anchors)
        {
            hops.Add(Hop(log, traceId, session, anchor));
        }

        foreach (var (session, anchor) in anchors)
        {
            if (IsClientSide(anchor) && ReceivingSide(log, traceId, session, anchors) is { } receiving)
            {
                hops.Add(Hop(log, traceId, receiving.Session, receiving.Anchor, receiving.Transaction));
            }
        }

        return hops.OrderBy(h => h.Time).ThenBy(h => h.SessionId).ToArray();
    }

    private static bool IsClientSide(TraceEvent anchor) => anchor.Kind is TraceKind.Relayed or TraceKind.Connecting || (TraceLog.IsProtocol(anchor.Kind) && anchor.Outbound);

    /// <summary>
    /// The receiving server's side of a sending host's connection that this message's trace does not
    /// name (no content was accepted there: refused at MAIL or RCPT, or cut before DATA), found as an
    /// administrator finds it in two hosts' logs: the server's connection from the endpoint the sender
    /// left from (<see cref="TraceLog.RecordEndPoint"/>), open while the sender's was. Its
    /// part is the transaction with the sender's number for this message (both sides count MAIL
    /// commands on one connection, RFC 5321 §3.3), or only the connection's own lines when the
    /// message's transaction never started.
    /// </summary>
    private static (long Session, TraceEvent Anchor, int Transaction)? ReceivingSide(TraceLog log, string traceId, long session, Dictionary<long, TraceEvent> anchors)
    {
        if (log.EndPointOf(session) is not { } client)
        {
            return null;
        }

        // The server's side is open while the sender's is (the connection is accepted before the
        // sender writes its first line), and an endpoint is reused only after its connection closed:
        // the last server connection from it opened before the sender's last line is this one.
        var sending = log.ForSession(session);
        var closed = sending.Count > 0 ? sending[^1].Sequence : long.MaxValue;
        long? receiving = null;
        var latest = long.MinValue;
        foreach (var (candidate, opened) in log.ReceivedFrom(client))
        {
            if (opened < closed && opened > latest)
            {
                (receiving, latest) = (candidate, opened);
            }
        }

        if (receiving is not { } server || anchors.ContainsKey(server))
        {
            return null;
        }

        var transaction = sending.FirstOrDefault(l => l.TraceId == traceId && l.Transaction != 0)?.Transaction ?? 0;
        var lines = log.ForSession(server);
        var own = lines.FirstOrDefault(l => l.Transaction == transaction && TraceLog.IsProtocol(l.Kind));
        if (own is null || (transaction != 0 && own.TraceId is not null && own.TraceId != traceId))
        {
            // Nothing of it there, or the transaction carried another message (the numbers disagree).
            return null;
        }

        return (server, own, transaction);
    }

    /// <param name="transaction">For a receiving side paired by its endpoint: its transaction that carried this message, unclaimed by any trace.</param>
    private static TraceHop Hop(TraceLog log, string traceId, long session, TraceEvent anchor, int transaction = 0)
    {
        // The connection's own lines and this message's transaction; other messages' transactions are theirs.
        var lines = log.ForSession(session).Where(l => TraceLog.IsProtocol(l.Kind) && (l.Transaction == 0 || l.TraceId == traceId || (transaction != 0 && l.Transaction == transaction && l.TraceId is null))).ToArray();
        var role = anchor.Kind switch
        {
            TraceKind.RetrievedByPop3 => TraceHopRole.Pop3,
            TraceKind.RetrievedByImap => TraceHopRole.Imap,
            TraceKind.Received => TraceHopRole.Server,
            TraceKind.Relayed or TraceKind.Connecting => TraceHopRole.Client,
            _ => anchor.Outbound ? TraceHopRole.Client : TraceHopRole.Server,
        };

        // The reply to the message content: after the Received stage (inbound), or after the content
        // was sent (outbound). A POP3 retrieval has no such reply (the message goes the other way).
        var after = anchor.Kind == TraceKind.Received ? anchor.Sequence
            : role == TraceHopRole.Client ? lines.LastOrDefault(l => l.Kind == TraceKind.ClientData)?.Sequence ?? long.MaxValue
            : long.MaxValue;
        var accepted = lines.FirstOrDefault(l => l.Kind == TraceKind.ServerReply && l.Sequence > after);
        var first = lines.Length > 0 ? lines[0] : anchor;
        return new TraceHop(
            session,
            anchor.Host,
            role,
            anchor.Peer ?? first.Peer,
            first.Time,
            accepted?.Text,
            lines.Where(l => l.Kind is TraceKind.ClientLine or TraceKind.ServerReply or TraceKind.ClientData).ToArray(),
            anchor.Kind switch
            {
                TraceKind.RetrievedByPop3 => Pop3.Pop3TraceObserver.ReaderOf(anchor),
                TraceKind.RetrievedByImap => Imap.ImapTraceObserver.ReaderOf(anchor),
                _ => null,
            },
            Delivery.MessageAcceptor.AuthenticatedAsOf(anchor));
    }
}
