using MailLab.Mail.Tracing;

namespace MailLab.Web.Api;

/// <summary>
/// One accepted message in <c>GET /api/traces</c>, with its status as the trace's reader
/// (<see cref="DeliveryStatus"/>) derives it: <c>Status</c> one word for filtering (received,
/// queued, deferred, delivered, relayed, partial, bounced), <c>StatusSummary</c> the counts
/// ("delivered 2/3, bounced 1"), <c>StatusCounts</c> the same as data, <c>RecipientStatus</c> each
/// recipient's. <c>Kind</c>: "message", "delayNotification" or "nonDeliveryReport"; a notice names
/// the message it reports on (<c>Original</c>), a message its notices (<c>Notifications</c>).
/// </summary>
public sealed record TraceListItemDto(
    string Id,
    string Host,
    string From,
    IReadOnlyList<string> Recipients,
    string Subject,
    DateTimeOffset Received,
    string Status,
    string StatusSummary,
    IReadOnlyList<StatusCountDto> StatusCounts,
    IReadOnlyList<RecipientStatusDto> RecipientStatus,
    string Kind,
    string? Original,
    IReadOnlyList<string> Notifications)
{
    /// <param name="detail">The text of the stage event that set a recipient's status, by its sequence (null: none given).</param>
    public static TraceListItemDto Of(TraceSummary s, Func<long, string?>? detail = null)
    {
        var recipients = s.Delivery.Recipients;
        var (status, summary, present) = DeliveryStatus.Describe(recipients);
        var counts = present.Select(c => new StatusCountDto(Mail.Tracing.RecipientStatus.NameOf(c.State), c.Count)).ToArray();
        var each = new RecipientStatusDto[recipients.Count];
        for (var i = 0; i < each.Length; i++)
        {
            var r = recipients[i];
            each[i] = new RecipientStatusDto(r.Address, r.StateName, r.Host, r.Where, r.Sequence == 0 ? null : detail?.Invoke(r.Sequence));
        }

        var kind = s.Kind switch
        {
            TraceMessageKind.DelayNotification => "delayNotification",
            TraceMessageKind.NonDeliveryReport => "nonDeliveryReport",
            _ => "message",
        };
        return new TraceListItemDto(s.TraceId, s.Host, s.From, s.Recipients, s.Subject, s.Received, status, summary, counts, each, kind, s.OriginalTraceId, s.Notifications);
    }
}

/// <summary>How many recipients are in one state.</summary>
public sealed record StatusCountDto(string Status, int Count);

/// <summary>
/// One recipient's status: <c>Host</c> the host whose stage set it; <c>Where</c> "mailbox" or "Drop"
/// (delivered), the server it was relayed to (relayed), the server that refused it (bounced);
/// <c>Detail</c> that stage's text (in a trace's detail only).
/// </summary>
public sealed record RecipientStatusDto(string Address, string Status, string? Host, string? Where, string? Detail);

/// <summary>
/// A message's whole journey: its stages in order and each SMTP hop with its transcript.
/// <c>StoredCopy</c>: the id of its furthest stored copy (what <c>/headers</c> reads); when none is
/// left, <c>NoCopyLeft</c> says where it went (the 404 of <c>/headers</c>). With <c>?headers=true</c>,
/// <c>Headers</c> is what <c>/headers</c> gives, read from the same copy at the same moment: a copy
/// can go (a bounce, a POP3 DELE) between two requests.
/// </summary>
public sealed record TraceDetailDto(TraceListItemDto Message, IReadOnlyList<StageDto> Stages, IReadOnlyList<HopDto> Hops)
{
    public string? StoredCopy { get; init; }

    public string? NoCopyLeft { get; init; }

    public MessageHeadersDto? Headers { get; init; }
}

public sealed record StageDto(long Sequence, DateTimeOffset Time, string Host, string Stage, string Text, string? Peer, string? MessageId, long? SessionId);

/// <summary>
/// One conversation the message travelled through: who talked to whom, and what was said. Role:
/// "server" (Host received it over SMTP), "client" (Host sent it on), "pop3" (Host's POP3 service gave it to a reader).
/// Transcript: the connection's own lines and this message's transaction (a connection may carry several messages).
/// Reader: on a POP3 hop, the account that retrieved the message.
/// </summary>
public sealed record HopDto(long SessionId, string Host, string Role, string? Peer, DateTimeOffset Time, string? Reply, IReadOnlyList<TranscriptLineDto> Transcript, string? Reader = null);

/// <summary>A transcript line: "C" for what the client sent, "S" for the server's reply.</summary>
public sealed record TranscriptLineDto(DateTimeOffset Time, string Direction, string Text);

/// <summary>
/// A live trace event. <c>Sent</c>: when the server saw it (Unix ms, wall clock), for measuring delay;
/// <c>Message</c>: on a delivery stage of a listed message, its list entry as it stands after the event.
/// </summary>
public sealed record TraceEventDto(long Sequence, DateTimeOffset Time, string Host, string Kind, string Text, long? SessionId, string? TraceId, string? MessageId, string? Peer, long Sent, TraceListItemDto? Message = null);
