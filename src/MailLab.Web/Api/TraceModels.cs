namespace MailLab.Web.Api;

/// <summary>One accepted message in <c>GET /api/traces</c>.</summary>
public sealed record TraceListItemDto(string Id, string Host, string From, IReadOnlyList<string> Recipients, string Subject, DateTimeOffset Received, string Status);

/// <summary>A message's whole journey: its stages in order and each SMTP hop with its transcript.</summary>
public sealed record TraceDetailDto(TraceListItemDto Message, IReadOnlyList<StageDto> Stages, IReadOnlyList<HopDto> Hops);

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
/// <c>Message</c>: on a message's first acceptance, its entry for the list.
/// </summary>
public sealed record TraceEventDto(long Sequence, DateTimeOffset Time, string Host, string Kind, string Text, long? SessionId, string? TraceId, string? MessageId, string? Peer, long Sent, TraceListItemDto? Message = null);
