using MailKit.Net.Smtp;
using MimeKit;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>Faults from the test (mail.Faults): MailKit as "the app" sees them as it would from a real server.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>An app that retries a temporary failure (4yz, RFC 5321 §4.2.1) up to <paramref name="attempts"/> times on one connection; the replies it got.</summary>
    private static async Task<List<string>> SendWithRetriesAsync(TestMailServer mail, MimeMessage message, int attempts)
    {
        var failures = new List<string>();
        using var client = new SmtpClient();
        await client.ConnectAsync(mail.SmtpHost, mail.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.SendAsync(message);
                break;
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode / 100 == 4 && attempt < attempts)
            {
                failures.Add($"{(int)e.StatusCode} {e.Message}");
            }
        }

        await client.DisconnectAsync(true);
        return failures;
    }

    [Fact]
    public async Task An_app_that_retries_after_451_succeeds_and_the_message_shows_every_attempt()
    {
        await using var mail = await TestMailServer.StartAsync();
        mail.Faults.Reply(SmtpStage.Rcpt, "451 4.3.0 try later", times: 2);

        var failures = await SendWithRetriesAsync(mail, Letter("app@shop.example", "Retried", "bob@example.com"), attempts: 3);

        failures.Should().Equal("451 4.3.0 try later", "451 4.3.0 try later");
        var msg = await mail.WaitForMessageAsync(m => m.Subject == "Retried", Wait);
        msg.Attempts.Select(a => (a.Outcome, a.Stored)).Should().Equal(
            ("451 4.3.0 try later", false), ("451 4.3.0 try later", false), ($"250 2.6.0 <{msg.TraceId}@maillab.test> Queued mail for delivery", true));
        msg.Attempts.Should().OnlyContain(a => a.MailFrom == "app@shop.example" && a.RcptTo.SequenceEqual(new[] { "bob@example.com" }));
        mail.World.Faults.All.Should().BeEmpty("the fault ran out after two replies");
    }

    [Fact]
    public async Task A_drop_during_DATA_is_a_broken_connection_to_the_app_and_nothing_is_stored()
    {
        await using var mail = await TestMailServer.StartAsync();
        var cursor = mail.Mark();
        mail.Faults.DropDuringData();
        var body = new BodyBuilder { TextBody = string.Concat(Enumerable.Repeat("A line of the report that is long enough to span packets.\r\n", 2000)) };
        var letter = Letter("app@shop.example", "Cut", "bob@example.com");
        letter.Body = body.ToMessageBody();

        var send = () => SendAsync(mail, letter);

        var thrown = (await send.Should().ThrowAsync<Exception>()).Which;
        thrown.Should().Match<Exception>(e => e is IOException || e is SmtpProtocolException || e is MailKit.ServiceNotConnectedException, thrown.ToString());
        await cursor.ExpectNoMessageAsync(m => true, TimeSpan.FromMilliseconds(200));
        var lines = cursor.Transcripts().Single().Lines;
        lines.Should().Contain(l => l.Text.StartsWith("354")).And.NotContain(l => l.Side == "S" && l.Text.StartsWith("250 2.0.0"));
    }

    [Fact]
    public async Task A_rate_limit_refuses_the_next_connections_with_421_and_then_lets_mail_in()
    {
        await using var mail = await TestMailServer.StartAsync();
        mail.Faults.RateLimit(times: 1);

        var first = () => SendAsync(mail, Letter("app@shop.example", "Limited", "bob@example.com"));

        (await first.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ServiceNotAvailable);
        await SendAsync(mail, Letter("app@shop.example", "Limited", "bob@example.com"));
        (await mail.WaitForMessageAsync(m => m.Subject == "Limited", Wait)).Journey.Hops.Single().Transcript[0].Text.Should().StartWith("220");
    }

    [Fact]
    public async Task A_seeded_random_fault_strikes_the_same_messages_for_the_same_seed()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var mail = await TestMailServer.StartAsync();
            mail.Faults.Randomly(SmtpStage.Data, "452 4.3.1 Insufficient system storage", probability: 0.5, seed);
            var outcome = new System.Text.StringBuilder();
            using var client = new SmtpClient();
            await client.ConnectAsync(mail.SmtpHost, mail.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            for (var i = 0; i < 24; i++)
            {
                try
                {
                    await client.SendAsync(Letter("app@shop.example", $"Message {i}", "bob@example.com"));
                    outcome.Append('+');
                }
                catch (SmtpCommandException e) when (e.StatusCode == SmtpStatusCode.InsufficientStorage)
                {
                    outcome.Append('-');
                }
            }

            await client.DisconnectAsync(true);
            mail.Messages.Should().HaveCount(outcome.ToString().Count(c => c == '+'));
            return outcome.ToString();
        }

        var once = await RunAsync(seed: 7);
        var again = await RunAsync(seed: 7);
        var other = await RunAsync(seed: 8);

        again.Should().Be(once);
        once.Should().Contain("+").And.Contain("-");
        other.Should().NotBe(once);
    }

    [Fact]
    public async Task An_unreachable_host_keeps_relayed_mail_queued_until_it_is_reachable_again()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.UseDefaultWorld().UseVirtualClock());
        var cursor = mail.Mark();
        using (mail.Faults.Unreachable("rosnou.ru"))
        {
            await SendAsync(mail, Letter("ivan@mail.ru", "Across", "student@rosnou.ru"), auth: ("ivan@mail.ru", "ivan123"));
            await cursor.ExpectNoMessageAsync(m => m.Subject == "Across", TimeSpan.FromMinutes(5));
            mail.World.FindHost("mail.ru")!.Smtp.VirtualServers[0].Queue.Entries.Should().ContainSingle();
        }

        await mail.Clock.Advance(TimeSpan.FromHours(1));
        var msg = await cursor.WaitForMessageAsync(m => m.Subject == "Across", Wait);
        msg.Journey.Route.Should().Equal("mail.ru", "rosnou.ru");
    }

    [Fact]
    public async Task A_reply_that_is_no_reply_line_is_refused_with_what_was_expected()
    {
        await using var mail = await TestMailServer.StartAsync();

        mail.Faults.Invoking(f => f.Reply(SmtpStage.Rcpt, "try later")).Should().Throw<ArgumentException>().WithMessage("*451 4.3.0 try later*");
        var fault = mail.Faults.Reply(SmtpStage.Mail, "421 busy");
        (fault.Reply!.Code, fault.Reply.EnhancedCode, fault.Reply.Lines.Single()).Should().Be((421, (string?)null, "busy"));
    }
}
