using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The delivery agent's wire: one SMTP connection to a next hop carrying one or more messages in
/// turn, in process (to a host of this world) or over TCP (to a real server on loopback).
/// Implemented by the hosting layer; <see cref="OutboundConnectionPool"/> decides what shares a connection.
/// </summary>
public interface IOutboundSmtp
{
    /// <summary>
    /// Carries <paramref name="connection"/>'s messages on one SMTP connection: takes the first with
    /// <see cref="OutboundConnection.TryTakeNext"/> (there always is one), the next one only after the
    /// previous one's final reply, answers each with <see cref="OutboundConnection.Complete"/>, and
    /// ends (QUIT) when there is no more. A connection that cannot go on (refused, dropped) answers
    /// the message in flight and takes no more: the ones still waiting get another connection. A
    /// message taken and left unanswered fails with 451 4.4.2 (or the exception thrown) when this returns.
    /// </summary>
    Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken);
}

/// <summary>Where a message goes next.</summary>
public abstract record OutboundTarget(string Name)
{
    /// <summary>
    /// The MTA's name alone, as a DSN's Remote-MTA field wants it (RFC 3464 §2.3.5: "the name of
    /// the MTA", with the "dns" name type): no port.
    /// </summary>
    public virtual string MtaName => Name;
}

/// <summary>A host of this world, reached over the in-memory network.</summary>
public sealed record WorldHostTarget(MailHost Host) : OutboundTarget(Host.Name);

/// <summary>A real SMTP server on this machine, reached over TCP.</summary>
public sealed record TcpTarget(string Host, int Port) : OutboundTarget($"{Host}:{Port}")
{
    public override string MtaName => Host;
}

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

    /// <summary>
    /// What a connection is made of: messages with the same key may share one. A host of this world
    /// may run several virtual servers, and the wire picks one by the recipients' domain
    /// (<see cref="InProcessSmtpWire.PickVirtualServer"/>), so for those the domain is part of the key.
    /// </summary>
    public OutboundConnectionKey ConnectionKey => new(From.Name, Target.Name, HeloName, RequireTls, SendHelo, Target is WorldHostTarget ? RecipientDomain : null);

    /// <summary>
    /// The sending host's id of the message (its queue id, the one its Received line names), or null
    /// when it has none of ours: a receiving host of this world checks the Received line it reads
    /// against it (<see cref="OutboundEndpoints.TraceOf"/>).
    /// </summary>
    public string? MessageId { get; init; }

    private string RecipientDomain => Recipients.Count > 0 ? Recipients[0][(Recipients[0].LastIndexOf('@') + 1)..] : string.Empty;
}

/// <summary>
/// The outcome of one attempt: <see cref="ConnectionError"/> when no transaction took place
/// (refused, unreachable, greeting 4xx/5xx), otherwise one reply per recipient.
/// </summary>
public sealed record OutboundResult(SmtpReply? ConnectionError, IReadOnlyDictionary<string, SmtpReply> RecipientReplies, long? SessionId = null)
{
    public static OutboundResult Failed(SmtpReply reply) => new(reply, new Dictionary<string, SmtpReply>());
}

/// <summary>
/// What a connection is made of (<see cref="OutboundRequest.ConnectionKey"/>): the sending host, the
/// next hop, the HELO name, TLS and HELO-instead-of-EHLO, and for a host of this world the
/// recipients' domain, which picks the receiving virtual server.
/// </summary>
public readonly record struct OutboundConnectionKey(string From, string Target, string HeloName, bool RequireTls, bool SendHelo, string? RecipientDomain);
