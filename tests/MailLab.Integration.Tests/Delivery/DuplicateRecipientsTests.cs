using System.Text;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A recipient named more than once in one transaction: every RCPT is answered 250 (RFC 5321 lets a
/// server accept a duplicate; Postfix and Exchange do) and the message is stored once per distinct
/// mailbox, so POP3 lists one copy with one UIDL (RFC 1939 §7: unique in the maildrop). Local
/// domains ignore the local part's case, as Windows accounts do; a remote domain's local part keeps
/// its case on the way out (RFC 5321 §2.4) and the last hop folds it.
/// </summary>
public sealed class DuplicateRecipientsTests
{
    [Fact]
    public async Task RepeatedRcpt_InAnyCase_IsAnswered250_AndStoredOnce_WithUniqueUidls()
    {
        await using var world = await TestWorld.StartAsync();
        await using (var smtp = await world.ConnectTcpAsync(world.Rosnou))
        {
            await OpenAsync(smtp);
            (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            foreach (var to in new[] { "student@rosnou.ru", "student@rosnou.ru", "STUDENT@rosnou.ru", "Student@ROSNOU.RU", "student@rosnou.ru" })
            {
                (await smtp.CommandAsync($"RCPT TO:<{to}>")).Should().StartWith("250 2.1.5", "a duplicate is accepted like the first");
            }

            (await DataAsync(smtp, "five times")).Should().StartWith("250 2.6.0");
            (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            (await smtp.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("250");
            (await DataAsync(smtp, "once")).Should().StartWith("250 2.6.0");
        }

        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("five times", "once");
        var accepted = world.World.Trace.ForTrace(world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages[0].TraceId).Where(e => e.Kind == TraceKind.Received);
        accepted.Should().ContainSingle().Which.Text.Should().Contain("for student@rosnou.ru (");

        using var pop3 = await world.ConnectPop3Async(world.Rosnou);
        await pop3.AuthenticateAsync("student@rosnou.ru", "student123");
        pop3.Count.Should().Be(2);
        (await pop3.GetMessageUidsAsync()).Should().OnlyHaveUniqueItems().And.HaveCount(2);
    }

    [Fact]
    public async Task TheSameRecipientPastTheLimit_Gets452_AndTheMessageIsStoredOnce()
    {
        await using var world = await TestWorld.StartAsync();
        await using (var smtp = await world.ConnectTcpAsync(world.Rosnou))
        {
            await OpenAsync(smtp);
            (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            var replies = new List<string>();
            for (var i = 0; i < 150; i++)
            {
                replies.Add((await smtp.CommandAsync("RCPT TO:<student@rosnou.ru>"))[..3]);
            }

            replies.Should().Equal([.. Enumerable.Repeat("250", 100), .. Enumerable.Repeat("452", 50)], "IIS counts every RCPT against the 100 recipients per message");
            (await DataAsync(smtp, "150 times")).Should().StartWith("250 2.6.0");
        }

        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task ARemoteLocalPartKeepsItsCase_ThroughTheQueue_AndTheLastHopStoresOneCopy()
    {
        await using var world = await TestWorld.StartAsync();
        await using (var smtp = await world.ConnectTcpAsync(world.MailRu))
        {
            await OpenAsync(smtp);
            (await smtp.CommandAsync($"AUTH PLAIN {Convert.ToBase64String(Encoding.ASCII.GetBytes("\0ivan@mail.ru\0ivan123"))}")).Should().StartWith("235");
            (await smtp.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250");
            foreach (var to in new[] { "Student@rosnou.ru", "student@ROSNOU.RU", "Student@Rosnou.Ru", "student@rosnou.ru" })
            {
                (await smtp.CommandAsync($"RCPT TO:<{to}>")).Should().StartWith("250");
            }

            (await DataAsync(smtp, "relayed")).Should().StartWith("250 2.6.0");
        }

        await world.World.Work.WhenIdleAsync();
        var stored = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        var received = world.World.Trace.ForTrace(stored.TraceId).Where(e => e.Kind == TraceKind.Received).Select(e => (e.Host, e.Text[e.Text.IndexOf(" for ", StringComparison.Ordinal)..e.Text.IndexOf(" (", StringComparison.Ordinal)])).ToArray();
        received.Should().Equal(
            ("mail.ru", " for Student@rosnou.ru, student@rosnou.ru"),
            ("rosnou.ru", " for student@rosnou.ru"));
    }

    private static async Task OpenAsync(RawSmtpClient smtp)
    {
        (await smtp.ReadReplyAsync()).Should().StartWith("220");
        (await smtp.CommandAsync("EHLO client.example")).Should().StartWith("250");
    }

    private static async Task<string> DataAsync(RawSmtpClient smtp, string subject)
    {
        (await smtp.CommandAsync("DATA")).Should().StartWith("354");
        return await smtp.CommandAsync($"From: ivan@mail.ru\r\nTo: student@rosnou.ru\r\nSubject: {subject}\r\n\r\nHello\r\n.");
    }
}
