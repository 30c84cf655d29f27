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

    public Task<OutboundResult> SendAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        request.Target is WorldHostTarget world && !request.RequireTls
            ? Task.FromResult(InProcessSmtpWire.Send(request, world, runtime.InMemory.NextClientPort(), runtime.InMemory.TlsAvailable))
            : _streamed.SendAsync(request, cancellationToken);
}
