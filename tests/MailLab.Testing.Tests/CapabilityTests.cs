using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Mail.Tracing;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>Extensions switched off per server: MailKit as "the app" falls back, and the server's transcript shows how.</summary>
public sealed class CapabilityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string EhloReply(IReadOnlyList<TranscriptLine> lines) =>
        string.Join("\n", lines.SkipWhile(l => !(l.Side == "C" && l.Text.StartsWith("EHLO", StringComparison.Ordinal))).Skip(1).TakeWhile(l => l.Side == "S").Select(l => l.Text));

    /// <summary>MailKit's own log of the conversation: "C: " and "S: " lines in the order it wrote and read them.</summary>
    private static async Task<(SmtpCapabilities Capabilities, string[] Log)> SendLoggedAsync(TestMailServer mail, MimeKit.MimeMessage message, SecureSocketOptions tls = SecureSocketOptions.None)
    {
        using var log = new MemoryStream();
        SmtpCapabilities capabilities;
        using (var client = new SmtpClient(new ProtocolLogger(log, leaveOpen: true)) { ServerCertificateValidationCallback = (_, _, _, _) => true })
        {
            await client.ConnectAsync(mail.SmtpHost, mail.SmtpPort, tls);
            capabilities = client.Capabilities;
            await client.SendAsync(message);
            await client.DisconnectAsync(true);
        }

        var lines = System.Text.Encoding.UTF8.GetString(log.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return (capabilities, lines);
    }

    [Fact]
    public async Task Without_pipelining_MailKit_waits_for_each_reply()
    {
        await using var pipelined = await TestMailServer.StartAsync();
        await using var plain = await TestMailServer.StartAsync(o => o.Smtp.WithoutPipelining());

        var (withCaps, withLog) = await SendLoggedAsync(pipelined, Letter("app@shop.example", "Piped", "bob@example.com"));
        var (withoutCaps, withoutLog) = await SendLoggedAsync(plain, Letter("app@shop.example", "One by one", "bob@example.com"));

        withCaps.Should().HaveFlag(SmtpCapabilities.Pipelining);
        withoutCaps.Should().NotHaveFlag(SmtpCapabilities.Pipelining);

        // Pipelined, MailKit writes MAIL and RCPT before reading; without, each command follows its reply.
        static int AfterMail(string[] log) => Array.FindIndex(log, l => l.StartsWith("C: MAIL FROM", StringComparison.Ordinal)) + 1;
        withLog[AfterMail(withLog)].Should().StartWith("C: RCPT TO");
        withoutLog[AfterMail(withoutLog)].Should().StartWith("S: 250");

        var msg = await plain.WaitForMessageAsync(m => m.Subject == "One by one", Wait);
        var hop = msg.Journey.Hops.Single();
        EhloReply(hop.Transcript).Should().NotContain("PIPELINING").And.Contain("8BITMIME");
        EhloReply((await pipelined.WaitForMessageAsync(m => m.Subject == "Piped", Wait)).Journey.Hops.Single().Transcript).Should().Contain("PIPELINING");
    }

    [Fact]
    public async Task Helo_only_leaves_MailKit_without_capabilities_and_the_mail_is_still_sent()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.Smtp.HeloOnly());

        var (capabilities, _) = await SendLoggedAsync(mail, Letter("app@shop.example", "Old server", "bob@example.com"));

        capabilities.Should().Be(SmtpCapabilities.None);
        var msg = await mail.WaitForMessageAsync(m => m.Subject == "Old server", Wait);
        var lines = msg.Journey.Hops.Single().Transcript;
        var ehlo = lines.ToList().FindIndex(l => l.Side == "C" && l.Text.StartsWith("EHLO", StringComparison.Ordinal));
        lines[ehlo + 1].Text.Should().StartWith("500 5.5.1", "RFC 5321 §4.1.1.1: a server without EHLO answers it as unrecognised");
        lines[ehlo + 2].Should().Match<TranscriptLine>(l => l.Side == "C" && l.Text.StartsWith("HELO"));
        lines.Should().NotContain(l => l.Side == "C" && l.Text.Contains("BODY=", StringComparison.Ordinal), "no MAIL parameter may follow HELO");
    }

    [Fact]
    public async Task Without_starttls_MailKit_goes_on_in_plain_text_when_tls_is_optional()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.Smtp.WithoutStartTls());

        var (capabilities, _) = await SendLoggedAsync(mail, Letter("app@shop.example", "Plain", "bob@example.com"), SecureSocketOptions.StartTlsWhenAvailable);

        capabilities.Should().NotHaveFlag(SmtpCapabilities.StartTLS);
        var msg = await mail.WaitForMessageAsync(m => m.Subject == "Plain", Wait);
        msg.Journey.Hops.Single().UsedTls.Should().BeFalse();
        EhloReply(msg.Journey.Hops.Single().Transcript).Should().NotContain("STARTTLS");
    }

    [Fact]
    public async Task Without_starttls_MailKit_that_requires_it_fails_clearly_and_nothing_is_sent()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.Smtp.WithoutStartTls());
        var cursor = mail.Mark();

        var send = () => SendAsync(mail, Letter("app@shop.example", "Secret", "bob@example.com"), SecureSocketOptions.StartTls);

        (await send.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should().Contain("STARTTLS");
        var transcript = cursor.Transcripts().Should().ContainSingle().Which.Lines;
        transcript.Should().NotContain(l => l.Side == "C" && (l.Text.StartsWith("STARTTLS") || l.Text.StartsWith("MAIL")));
        EhloReply(transcript).Should().NotContain("STARTTLS");
        mail.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_chunking_and_8bitmime_MailKit_sends_DATA_and_the_server_refuses_what_it_does_not_offer()
    {
        await using var mail = await TestMailServer.StartAsync(o => o.Smtp.WithoutChunking().Without8BitMime().WithoutSmtpUtf8());

        var (capabilities, _) = await SendLoggedAsync(mail, Letter("app@shop.example", "Data", "bob@example.com"));

        capabilities.Should().NotHaveFlag(SmtpCapabilities.Chunking).And.NotHaveFlag(SmtpCapabilities.EightBitMime).And.NotHaveFlag(SmtpCapabilities.UTF8);
        var lines = (await mail.WaitForMessageAsync(m => m.Subject == "Data", Wait)).Journey.Hops.Single().Transcript;
        lines.Should().Contain(l => l.Side == "C" && l.Text == "DATA");
        EhloReply(lines).Should().NotContain("CHUNKING").And.NotContain("8BITMIME").And.NotContain("SMTPUTF8");

        // A client that uses them anyway, over a raw socket.
        var replies = await RawSmtp.TalkAsync(mail, "EHLO app.example", "MAIL FROM:<a@shop.example> BODY=8BITMIME", "MAIL FROM:<a@shop.example> SMTPUTF8", "BDAT 4 LAST");
        replies.Should().ContainInOrder("555 5.5.4 Unsupported parameter: BODY=8BITMIME", "555 5.5.4 Unsupported parameter: SMTPUTF8", "500 5.5.1 Command unrecognized: \"BDAT\"");
    }

    [Fact]
    public async Task Extensions_changed_on_a_running_server_apply_to_the_next_connection()
    {
        await using var mail = await TestMailServer.StartAsync();
        mail.SmtpExtensions = Protocol.Smtp.SmtpExtensions.All & ~Protocol.Smtp.SmtpExtensions.Ehlo;

        (await RawSmtp.TalkAsync(mail, "EHLO app.example")).Should().Contain(r => r.StartsWith("500 5.5.1"));
        mail.SmtpExtensions = Protocol.Smtp.SmtpExtensions.All;
        (await RawSmtp.TalkAsync(mail, "EHLO app.example")).Should().Contain(r => r.StartsWith("250-"));
    }
}
