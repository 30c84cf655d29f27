using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>Wrong passwords: a growing delay on the virtual clock, answered with [LOGIN-DELAY] (RFC 2449 §8.1.1).</summary>
public sealed class Pop3LogonDelayTests
{
    [Fact]
    public async Task RepeatedWrongPasswords_GrowTheDelay_AndASuccessResetsIt()
    {
        await using var world = await TestWorld.StartAsync();
        await using var raw = new RawPop3(world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3));
        (await raw.ReadLineAsync()).Should().StartWith("+OK");

        async Task<string?> LogonAsync(string password)
        {
            await raw.SendAsync("USER student@rosnou.ru");
            return await raw.SendAsync("PASS " + password);
        }

        (await LogonAsync("wrong1")).Should().StartWith("-ERR [AUTH]");
        (await LogonAsync("wrong2")).Should().StartWith("-ERR [AUTH]");
        (await LogonAsync("wrong3")).Should().StartWith("-ERR [AUTH]", "the third failure is checked, then the door closes for 1 s");
        (await LogonAsync("student123")).Should().Be("-ERR [LOGIN-DELAY] too many failed logons; try again in 1 seconds", "even the right password waits");

        world.Clock.Advance(TimeSpan.FromSeconds(1));
        (await LogonAsync("wrong4")).Should().StartWith("-ERR [AUTH]");
        (await LogonAsync("student123")).Should().Be("-ERR [LOGIN-DELAY] too many failed logons; try again in 2 seconds");

        world.Clock.Advance(TimeSpan.FromSeconds(2));
        (await LogonAsync("student123")).Should().StartWith("+OK");
        (await raw.SendAsync("QUIT")).Should().StartWith("+OK");

        await using var again = new RawPop3(world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3));
        (await again.ReadLineAsync()).Should().StartWith("+OK");
        await again.SendAsync("USER student@rosnou.ru");
        (await again.SendAsync("PASS wrong")).Should().StartWith("-ERR [AUTH]", "a success forgot the earlier failures");
    }
}
