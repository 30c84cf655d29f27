using MailLab.Mail.Delivery;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// The world's own wire, counting the connections whose call came back to its caller before the
/// connection was done: a wire that awaits what it waits for hands its thread back at once, one that
/// blocks returns only when it has finished. <see cref="ReturnedEarlyAsync"/> completes once the
/// given number of calls have come back unfinished.
/// </summary>
internal sealed class ReturnedEarlyOutbound(IOutboundSmtp inner) : IOutboundSmtp
{
    private readonly CountLatch _early = new(TimeSpan.FromSeconds(10));

    public static ReturnedEarlyOutbound Install(MailWorld world)
    {
        var wire = new ReturnedEarlyOutbound(world.Outbound!);
        world.Outbound = wire;
        return wire;
    }

    /// <summary>Completes when <paramref name="count"/> calls have returned unfinished (fails after 10 s).</summary>
    public Task ReturnedEarlyAsync(int count) => _early.ReachedAsync(count);

    public Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        var sending = inner.SendAsync(connection, cancellationToken);
        if (!sending.IsCompleted)
        {
            _early.Increment();
        }

        return sending;
    }
}
