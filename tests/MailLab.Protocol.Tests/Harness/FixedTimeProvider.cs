namespace MailLab.Protocol.Tests.Harness;

/// <summary>A clock that always reads the same instant, so CRAM-MD5 challenges are predictable in part.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
