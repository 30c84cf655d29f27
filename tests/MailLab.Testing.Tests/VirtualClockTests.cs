using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>The virtual clock moves only when the test moves it, and ExpectNoMessage needs no real waiting on it.</summary>
public sealed class VirtualClockTests
{
    [Fact]
    public async Task Advance_moves_the_world_clock_and_ExpectNoMessage_passes_an_hour_at_once()
    {
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var mail = await TestMailServer.StartAsync(o => o.UseVirtualClock(start).WaitClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

        await mail.Clock.Advance(TimeSpan.FromMinutes(30));
        mail.Clock.UtcNow.Should().Be(start.AddMinutes(30));

        // The wait clock is a fake that never moves: a real-time wait here would never end.
        await mail.ExpectNoMessageAsync(m => true, TimeSpan.FromHours(1));
        mail.Clock.UtcNow.Should().Be(start.AddMinutes(90));
    }

    [Fact]
    public async Task Mail_sent_on_the_virtual_clock_is_stamped_with_its_time()
    {
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var mail = await TestMailServer.StartAsync(o => o.UseVirtualClock(start));
        await mail.Clock.Advance(TimeSpan.FromDays(1));

        await SendAsync(mail, Letter("shop@app.example", "Tomorrow", "bob@example.com"));

        (await mail.WaitForMessageAsync(m => m.Subject == "Tomorrow", TimeSpan.FromSeconds(10))).Received.Should().Be(start.AddDays(1));
    }

    [Fact]
    public async Task Advancing_a_real_time_server_is_refused()
    {
        await using var mail = await TestMailServer.StartAsync();

        FluentActions.Invoking(() => { _ = mail.Clock.Advance(TimeSpan.FromSeconds(1)); }).Should().Throw<InvalidOperationException>().WithMessage("*UseVirtualClock*");
    }
}
