namespace MailLab.Protocol.Smtp;

/// <summary>
/// The decisions a session asks its host for. They are plain calls with no I/O of the session's
/// own: the mail layer answers from its configuration and in-memory stores.
/// </summary>
public interface ISmtpServerHandler
{
    /// <summary>Checks credentials; returns the canonical user name, or null when they are wrong.</summary>
    string? Authenticate(SmtpCredentials credentials);

    /// <summary>Checks MAIL FROM; null accepts the sender, a reply refuses it.</summary>
    SmtpReply? CheckSender(SmtpSessionContext context, SmtpMailbox sender);

    /// <summary>
    /// Checks RCPT TO. Returns the recipient as it will be delivered (the default domain appended to
    /// a bare local part) or a refusal, or (<see cref="SmtpRecipientDecision.Wait"/>) a decision that
    /// comes later, when it needs I/O such as an LDAP lookup: the session then waits without blocking.
    /// </summary>
    SmtpRecipientDecision CheckRecipient(SmtpSessionContext context, SmtpMailbox recipient);

    /// <summary>
    /// Takes responsibility for a message (RFC 5321 §6.1): a positive reply means it is stored.
    /// <see cref="SmtpMessage.Content"/> is only valid during the call.
    /// </summary>
    SmtpReply Deliver(SmtpSessionContext context, SmtpMessage message);
}

/// <summary>Credentials from AUTH: a password for PLAIN and LOGIN, a challenge and digest for CRAM-MD5.</summary>
public sealed record SmtpCredentials(string Mechanism, string UserName, string? Password, string? Challenge = null, string? Digest = null);

public readonly record struct SmtpRecipientDecision(SmtpMailbox? Accepted, SmtpReply? Refusal, Task<SmtpRecipientDecision>? Later = null)
{
    public static SmtpRecipientDecision Accept(SmtpMailbox mailbox) => new(mailbox, null);

    public static SmtpRecipientDecision Refuse(SmtpReply reply) => new(null, reply);

    /// <summary>The decision once <paramref name="later"/> completes (a faulted one refuses with 451 4.4.3).</summary>
    public static SmtpRecipientDecision Wait(Task<SmtpRecipientDecision> later) => new(null, null, later);
}

/// <summary>A message the session received completely.</summary>
public sealed class SmtpMessage
{
    public required SmtpMailbox Sender { get; init; }

    public required IReadOnlyList<SmtpMailbox> Recipients { get; init; }

    /// <summary>The RFC 5322 bytes, dot-stuffing removed; valid only during <see cref="ISmtpServerHandler.Deliver"/>.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>BODY= from MAIL (RFC 6152 / RFC 3030), "7BIT" when absent.</summary>
    public string Body { get; init; } = "7BIT";

    public bool SmtpUtf8 { get; init; }

    /// <summary>"SMTP", "ESMTP", "ESMTPS", "ESMTPA", "ESMTPSA" or "UTF8SMTP…" (RFC 3848) for the Received header.</summary>
    public required string Protocol { get; init; }
}
