using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Queue;

/// <summary>
/// A queue entry's envelope progress and schedule: first seen (for the delay notice and expiry),
/// failed attempts, next attempt, whether the delay notice went out, the recipients still to
/// deliver and the last error per recipient.
/// </summary>
public sealed record QueueEntryState(
    DateTimeOffset Queued,
    int Attempts,
    DateTimeOffset NextAttempt,
    bool DelayNotified,
    IReadOnlyList<string> Pending,
    IReadOnlyDictionary<string, SmtpReply> LastErrors);
