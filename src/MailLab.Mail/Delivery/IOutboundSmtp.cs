using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The delivery agent's wire: one SMTP transaction to a next hop, over the in-memory network (to a
/// host of this world) or TCP (to a real server on loopback). Implemented by the hosting layer.
/// </summary>
public interface IOutboundSmtp
{
    Task<OutboundResult> SendAsync(OutboundRequest request, CancellationToken cancellationToken);
}

/// <summary>Where a message goes next.</summary>
public abstract record OutboundTarget(string Name);

/// <summary>A host of this world, reached over the in-memory network.</summary>
public sealed record WorldHostTarget(MailHost Host) : OutboundTarget(Host.Name);

/// <summary>A real SMTP server on this machine, reached over TCP.</summary>
public sealed record TcpTarget(string Host, int Port) : OutboundTarget($"{Host}:{Port}");

public sealed record OutboundRequest(
    MailHost From,
    OutboundTarget Target,
    string HeloName,
    string Sender,
    IReadOnlyList<string> Recipients,
    byte[] Data,
    string TraceId,
    bool RequireTls,
    bool SendHelo)
{
    /// <summary>
    /// How long the whole attempt may take (Delivery tab → Advanced → outbound connection time-out)
    /// on the world's clock; past it the attempt fails with 451 4.4.2. A wire with no waiting in it
    /// (two sessions run against each other in process) cannot time out.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The outcome of one attempt: <see cref="ConnectionError"/> when no transaction took place
/// (refused, unreachable, greeting 4xx/5xx), otherwise one reply per recipient.
/// </summary>
public sealed record OutboundResult(SmtpReply? ConnectionError, IReadOnlyDictionary<string, SmtpReply> RecipientReplies, long? SessionId = null)
{
    public static OutboundResult Failed(SmtpReply reply) => new(reply, new Dictionary<string, SmtpReply>());
}
