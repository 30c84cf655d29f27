using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Faults;

/// <summary>
/// One injected fault on a host's SMTP servers: a chosen reply at a stage, or (with no reply) a
/// connection cut in the middle of the message content (after 354 and part of it, never its end:
/// see <see cref="Smtp.InboundSmtpConnection.Receive"/>). <see cref="Remaining"/> counts down
/// with each use; the fault is gone at zero.
/// </summary>
public sealed class Fault
{
    internal Fault(long id, string host, FaultStage stage, SmtpReply? reply, int remaining)
    {
        Id = id;
        Host = host;
        Stage = stage;
        Reply = reply;
        Remaining = remaining;
    }

    public long Id { get; }

    public string Host { get; }

    public FaultStage Stage { get; }

    /// <summary>The reply to give; null means "drop the connection" (only at <see cref="FaultStage.Data"/>).</summary>
    public SmtpReply? Reply { get; }

    public int Remaining { get; internal set; }

    public bool DropsConnection => Reply is null;

    /// <summary>For a fault that strikes at random: the chance of each use (it never runs out); null for one that strikes its next <see cref="Remaining"/> uses.</summary>
    public double? Probability { get; internal init; }

    /// <summary>The seeded generator of a random fault: the same seed and the same traffic strike the same uses.</summary>
    internal Random? Chance { get; init; }
}
