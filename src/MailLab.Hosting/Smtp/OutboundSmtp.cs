using MailLab.Mail.Delivery;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// The delivery agent's wire, chosen per hop: a plain hop to another host of the world runs the two
/// sessions against each other in process (<see cref="InProcessSmtpWire"/>); a hop that requires TLS,
/// or one to a real server over TCP, goes through MailKit over a stream.
/// </summary>
public sealed class OutboundSmtp(MailLabServer runtime) : IOutboundSmtp
{
    private readonly MailKitOutboundSmtp _streamed = new(runtime);

    public Task<IReadOnlyList<OutboundResult>> SendAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken) =>
        requests[0].Target is WorldHostTarget world && !requests[0].RequireTls
            ? Task.FromResult(InProcessSmtpWire.Send(requests, world, runtime.InMemory.NextClientPort(), runtime.InMemory.TlsAvailable))
            : _streamed.SendAsync(requests, cancellationToken);
}
