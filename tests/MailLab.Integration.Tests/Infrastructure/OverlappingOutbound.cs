using MailLab.Mail.Delivery;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// The world's own wire, with its first <c>count</c> connections held until all of them are open, so
/// their sessions overlap (what correlating each hop to its own message has to survive).
/// </summary>
internal sealed class OverlappingOutbound(IOutboundSmtp inner, int count) : IOutboundSmtp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private int _connections;

    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static OverlappingOutbound Install(MailWorld world, int count)
    {
        var overlapping = new OverlappingOutbound(world.Outbound!, count);
        world.Outbound = overlapping;
        return overlapping;
    }

    public async Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) == count)
        {
            Opened.SetResult();
        }

        await Opened.Task.WaitAsync(Limit, cancellationToken);
        await inner.SendAsync(connection, cancellationToken);
    }
}
