namespace MailLab.Mail.Tracing;

/// <summary>What a message was when it first entered the world: one entry of <c>GET /api/traces</c>.</summary>
public sealed record TraceSummary(string TraceId, string Host, string From, IReadOnlyList<string> Recipients, string Subject, DateTimeOffset Received);
