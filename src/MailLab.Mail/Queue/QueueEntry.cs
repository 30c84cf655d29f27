using MailLab.Mail.Stores;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Queue;

/// <summary>A message in a virtual server's queue, with the recipients still to deliver and its retry state.</summary>
public sealed class QueueEntry
{
    internal QueueEntry(StoredMessage message, DateTimeOffset queued)
    {
        Message = message;
        Queued = queued;
        NextAttempt = queued;
        Pending = [.. message.Recipients];
    }

    /// <summary>An entry read back from disk (maillab up --data-dir) with its saved schedule.</summary>
    internal QueueEntry(StoredMessage message, QueueEntryState state)
    {
        Message = message;
        Queued = state.Queued;
        NextAttempt = state.NextAttempt;
        Attempts = state.Attempts;
        DelayNotified = state.DelayNotified;
        Pending = [.. state.Pending];
        foreach (var (recipient, reply) in state.LastErrors)
        {
            LastErrors[recipient] = reply;
        }
    }

    public StoredMessage Message { get; }

    /// <summary>First seen: the start of the delay-notification and expiration periods.</summary>
    public DateTimeOffset Queued { get; }

    /// <summary>Recipients not delivered yet.</summary>
    public List<string> Pending { get; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; internal set; }

    public DateTimeOffset NextAttempt { get; internal set; }

    public bool DelayNotified { get; internal set; }

    /// <summary>The last reason an attempt failed, per recipient.</summary>
    public Dictionary<string, SmtpReply> LastErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Active while an attempt runs or is due, Deferred while waiting for a retry.</summary>
    public bool Deferred => Attempts > 0;

    internal ITimer? Timer { get; set; }

    /// <summary>Its place in the queue manager's list.</summary>
    internal LinkedListNode<QueueEntry>? Node { get; set; }

    /// <summary>A copy of what must survive a restart (taken by the disk layer).</summary>
    public QueueEntryState Snapshot()
    {
        lock (this)
        {
            return new QueueEntryState(Queued, Attempts, NextAttempt, DelayNotified, [.. Pending], new Dictionary<string, SmtpReply>(LastErrors, StringComparer.OrdinalIgnoreCase));
        }
    }

    internal bool Running { get; set; }

    internal bool Done { get; set; }
}
