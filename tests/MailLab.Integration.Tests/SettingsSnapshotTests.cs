using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Integration.Tests;

/// <summary>A session keeps the settings snapshot it started with; a change applies to the sessions opened after it.</summary>
public sealed class SettingsSnapshotTests
{
    [Fact]
    public async Task AnOpenSession_KeepsItsSettings_ANewOneGetsTheChange()
    {
        await using var world = await TestWorld.StartAsync();
        var server = TestWorld.Vs(world.Rosnou);
        await using var before = world.ConnectInMemory(world.Rosnou);
        await before.ReadReplyAsync();

        VirtualServerSettings.ApplyAll(server, [new("maxMessageSizeKb", "1"), new("maxSessionSizeKb", "1"), new("relayOnlyListed", "false")]);
        await using var after = world.ConnectInMemory(world.Rosnou);
        await after.ReadReplyAsync();

        (await before.CommandAsync("EHLO c.test")).Should().Contain("SIZE 2097152");
        (await after.CommandAsync("EHLO c.test")).Should().Contain("SIZE 1024");
        await before.CommandAsync("MAIL FROM:<a@example.org>");
        await after.CommandAsync("MAIL FROM:<a@example.org>");
        (await before.CommandAsync("RCPT TO:<someone@elsewhere.example>")).Should().StartWith("550", "relay was refused when the session started");
        (await after.CommandAsync("RCPT TO:<someone@elsewhere.example>")).Should().StartWith("250");
    }
}
