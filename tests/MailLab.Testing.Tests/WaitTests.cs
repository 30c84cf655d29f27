using MailKit.Net.Pop3;
using MailKit.Security;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>Waits wake on deliveries, see only mail after their cursor, honour cancellation and say what arrived when they time out.</summary>
public sealed class WaitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_wait_that_times_out_lists_what_did_arrive()
    {
        await using var mail = await TestMailServer.StartAsync();
        await SendAsync(mail, Letter("shop@app.example", "Your invoice", "alice@example.com"));
        await mail.WaitForMessageAsync(m => m.To.Contains("alice@example.com"), Wait);

        var wait = () => mail.WaitForMessageAsync(m => m.To.Contains("bob@example.com"), TimeSpan.FromMilliseconds(200));

        var thrown = (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        thrown.Message.Should().Contain("within 0.2 s").And.Contain("from <shop@app.example> to alice@example.com: \"Your invoice\"")
            .And.Contain("alice@example.com delivered");
        thrown.Message.Should().Contain("The latest connections since the server started (1):").And.Contain("C: MAIL FROM:<shop@app.example>")
            .And.Contain("S: 250 2.1.5 Recipient OK").And.Contain("C: QUIT");
        thrown.Transcripts.Should().ContainSingle().Which.Lines.Should().Contain(l => l.Side == "C" && l.Text == "RCPT TO:<alice@example.com>");
    }

    [Fact]
    public async Task A_timed_out_cursor_lists_only_the_connections_after_it_and_writes_them_to_its_log()
    {
        await using var mail = await TestMailServer.StartAsync();
        await SendAsync(mail, Letter("shop@app.example", "Before", "early@example.com"));
        await mail.WaitForMessageAsync(m => m.Subject == "Before", Wait);
        var written = new List<string>();
        var cursor = mail.Mark(written.Add);
        var refused = () => SendAsync(mail, Letter("shop@app.example", "After", "late@example.com"));
        mail.World.Faults.AddReply(mail.World.Hosts.Single().Name, Mail.Faults.FaultStage.Rcpt, new Protocol.Smtp.SmtpReply(550, "5.1.1", "No such user here"));
        await refused.Should().ThrowAsync<MailKit.Net.Smtp.SmtpCommandException>();

        var wait = () => cursor.WaitForMessageAsync(m => m.Subject == "After", TimeSpan.FromMilliseconds(200));

        var thrown = (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        thrown.Transcripts.Should().ContainSingle();
        thrown.Message.Should().Contain("The latest connections after the cursor (1):").And.Contain("C: RCPT TO:<late@example.com>")
            .And.Contain("S: 550 5.1.1 No such user here");
        thrown.Transcripts.Single().Lines.Should().NotContain(l => l.Text.Contains("early@example.com"));
        written.Should().ContainSingle().Which.Should().Be(thrown.Message);
    }

    [Fact]
    public async Task A_cursor_marked_before_anything_arrived_is_still_named_as_a_cursor()
    {
        await using var mail = await TestMailServer.StartAsync();
        var cursor = mail.Mark();

        var wait = () => cursor.WaitForMessageAsync(m => m.Subject == "Never", TimeSpan.FromMilliseconds(100));
        var byServer = () => mail.WaitForMessageAsync(m => m.Subject == "Never", TimeSpan.FromMilliseconds(100));

        (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should()
            .Contain("Nothing was stored after the cursor.").And.Contain("No connection was opened after the cursor.");
        (await byServer.Should().ThrowAsync<MailWaitTimeoutException>()).Which.Message.Should().Contain("Nothing was stored since the server started.");
    }

    [Fact]
    public async Task A_long_transcript_is_cut_in_the_middle()
    {
        await using var mail = await TestMailServer.StartAsync();
        var cursor = mail.Mark();
        await RawSmtp.TalkAsync(mail, ["EHLO app.example", .. Enumerable.Range(0, 60).Select(i => $"NOOP {i}")]);

        var wait = () => cursor.WaitForMessageAsync(m => true, TimeSpan.FromMilliseconds(100));

        var thrown = (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        thrown.Message.Should().Contain("C: EHLO app.example").And.Contain("lines left out").And.Contain("C: QUIT").And.NotContain("NOOP 30");
        thrown.Transcripts.Single().Lines.Should().Contain(l => l.Text == "NOOP 30", "the exception keeps every line");
    }

    [Fact]
    public async Task A_cursor_sees_only_mail_stored_after_it()
    {
        await using var mail = await TestMailServer.StartAsync();
        await SendAsync(mail, Letter("shop@app.example", "First", "bob@example.com"));
        await mail.WaitForMessageAsync(m => m.Subject == "First", Wait);
        var cursor = mail.Mark();

        await SendAsync(mail, Letter("shop@app.example", "Second", "bob@example.com"));

        (await cursor.WaitForMessageAsync(m => m.To.Contains("bob@example.com"), Wait)).Subject.Should().Be("Second");
        (await mail.WaitForMessageAsync(m => m.To.Contains("bob@example.com"), Wait)).Subject.Should().Be("First", "the server's own waits start at its start");
    }

    [Fact]
    public async Task A_cancelled_wait_throws_OperationCanceledException()
    {
        await using var mail = await TestMailServer.StartAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = mail.WaitForMessageAsync(m => true, TimeSpan.FromMinutes(5), cancel.Token);
        await cancel.CancelAsync();

        await ((Func<Task>)(() => waiting)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ExpectNoMessage_passes_when_none_arrives_and_throws_naming_the_one_that_did()
    {
        await using var mail = await TestMailServer.StartAsync();
        await mail.ExpectNoMessageAsync(m => m.To.Contains("bob@example.com"), TimeSpan.FromMilliseconds(100));

        await SendAsync(mail, Letter("shop@app.example", "Oops", "bob@example.com"));
        var expect = () => mail.ExpectNoMessageAsync(m => m.To.Contains("bob@example.com"), TimeSpan.FromSeconds(5));

        (await expect.Should().ThrowAsync<UnexpectedMailException>()).Which.Message.Should().Contain("\"Oops\"");
    }

    [Fact]
    public async Task A_thousand_parallel_waits_each_see_only_their_own_mail()
    {
        await using var mail = await TestMailServer.StartAsync();
        const int tests = 1000;

        async Task<string> OneTestAsync(int i)
        {
            var cursor = mail.Mark();
            var me = $"user{i}@example.com";
            var waiting = cursor.WaitForMessageAsync(m => m.To.Contains(me), TimeSpan.FromSeconds(60));
            await mail.DeliverAsync(Letter("shop@app.example", $"For {i}", me));
            var msg = await waiting;
            return msg.Subject == $"For {i}" && msg.To.SequenceEqual([me]) ? string.Empty : $"{me} got {msg}";
        }

        var results = await Task.WhenAll(Enumerable.Range(0, tests).Select(i => Task.Run(() => OneTestAsync(i))));

        results.Where(r => r.Length > 0).Should().BeEmpty();
        mail.Messages.Should().HaveCount(tests);
    }

    [Fact]
    public async Task A_delivered_message_is_read_back_over_pop3()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.AddAccount("reader@example.com", "pw"));

        await mail.DeliverAsync(Letter("boss@example.com", "Seeded", "reader@example.com"));

        using var pop3 = new Pop3Client();
        await pop3.ConnectAsync(mail.SmtpHost, mail.Pop3Port, SecureSocketOptions.None);
        await pop3.AuthenticateAsync("reader@example.com", "pw");
        pop3.Count.Should().Be(1);
        (await pop3.GetMessageAsync(0)).Subject.Should().Be("Seeded");
        await pop3.DisconnectAsync(true);
    }
}
