namespace MailLab.Mail.Tracing;

/// <summary>
/// One step in the world's single ordered log. <see cref="TraceId"/> follows a message across
/// hops (the id the first server gave it); <see cref="MessageId"/> is the id on this host;
/// <see cref="SessionId"/> ties protocol lines to their connection. <see cref="Recipients"/>: the
/// envelope recipients a delivery stage concerns (null when it concerns none, or the message as a whole).
/// </summary>
public sealed record TraceEvent(
    long Sequence,
    DateTimeOffset Time,
    string Host,
    TraceKind Kind,
    string Text,
    long? SessionId = null,
    string? TraceId = null,
    string? MessageId = null,
    string? Peer = null,
    IReadOnlyList<string>? Recipients = null)
{
    /// <summary>
    /// For a protocol line: the mail transaction (RFC 5321 §3.3, MAIL to the reply to the content or
    /// RSET) it belongs to, numbered 1, 2, … on its connection, whose lines carry that message's
    /// <see cref="TraceId"/>; 0 for the connection's own lines (opening, greeting, EHLO, STARTTLS, AUTH,
    /// QUIT, closing), which every message on the connection shares. 0 for a stage event.
    /// </summary>
    public int Transaction { get; init; }

    /// <summary>For a protocol line: written by the sending side of its connection (a host's client), not by the server.</summary>
    public bool Outbound { get; init; }
}
