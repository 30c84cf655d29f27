using MailLab.Mail.Delivery;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// The delivery agent's wire, chosen per hop: a plain hop to another host of the world runs the two
/// sessions against each other in process (<see cref="InProcessSmtpWire"/>); a hop that requires TLS,
/// or one to a real server over TCP, runs the same client session over a stream (<see cref="StreamSmtpWire"/>).
/// </summary>
public sealed class OutboundSmtp(MailLabServer runtime) : IOutboundSmtp
{
    private readonly StreamSmtpWire _streamed = new(runtime);

    public Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Target is WorldHostTarget world && !connection.RequireTls)
        {
            return InProcessSmtpWire.SendAsync(connection, world, runtime.InMemory.NextClientPort(), runtime.InMemory.TlsAvailable);
        }

        return _streamed.SendAsync(connection, cancellationToken);
    }
}
