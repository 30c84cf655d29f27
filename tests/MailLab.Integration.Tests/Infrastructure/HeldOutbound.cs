using MailLab.Mail.Delivery;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// The world's own wire, with its first connection held back until the test releases it: messages
/// sent meanwhile to the same next hop wait in the pool for that connection and then share it.
/// </summary>
internal sealed class HeldOutbound(IOutboundSmtp inner) : IOutboundSmtp
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private int _connections;

    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static HeldOutbound Install(MailWorld world)
    {
        var held = new HeldOutbound(world.Outbound!);
        world.Outbound = held;
        return held;
    }

    /// <summary>Waits (within a real-time limit) until <paramref name="count"/> messages wait in <paramref name="pool"/> for the held connection.</summary>
    public static async Task WaitingAsync(OutboundConnectionPool pool, int count)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (pool.WaitingMessages < count)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"{count} messages should be waiting for the open connection");
            await Task.Delay(10);
        }
    }

    public async Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) == 1)
        {
            Opened.SetResult();
            await Release.Task;
        }

        await inner.SendAsync(connection, cancellationToken);
    }
}
