namespace MailLab.Scenarios.Driver;

/// <summary>
/// How a message submitted by a step fared: accepted (with the id the server gave it), or refused
/// with the reply that refused it (or no reply when the connection itself was refused). Recipients
/// refused one by one are listed even when the message went to the others.
/// </summary>
public sealed record Submission(string Host, bool Accepted, string? MessageId, ServerReply? Refusal, string Outcome, IReadOnlyList<(string Recipient, ServerReply Reply)> RefusedRecipients);
