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
    IReadOnlyList<string>? Recipients = null);
