using System.Text;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Protocol.Tests.Client;

/// <summary>
/// STARTTLS in the sans-I/O client (RFC 3207): EHLO, STARTTLS, 220, the transport's handshake, EHLO
/// again; what a route that requires TLS does when the server does not offer it, refuses it or
/// fails the handshake, and what an opportunistic one does then.
/// </summary>
public sealed class SmtpClientStartTlsTests
{
    private const string Greeting = "220 mx.test ESMTP\r\n";
    private const string EhloInClear = "250-mx.test Hello\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n";
    private const string Ready = "220 2.0.0 Ready to start TLS\r\n";
    private const string EhloOverTls = "250-mx.test Hello\r\n250-SIZE 2097152\r\n250 PIPELINING\r\n";

    private static readonly byte[] Content = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n");

    [Fact]
    public void RequiredTls_SendsStartTlsAfterEhlo_WaitsForTheHandshake_ThenEhloAgain_AndMailOnlyOverTls()
    {
        using var client = NewClient(SmtpClientTls.Required);

        Reply(client, Greeting).Should().Be("EHLO relay.test\r\n");
        Reply(client, EhloInClear).Should().Be("STARTTLS\r\n", "no MAIL before TLS");
        client.PendingAction.Should().Be(SmtpSessionAction.None, "the 220 has not come yet");
        Reply(client, Ready).Should().BeEmpty("nothing goes in clear after the 220");
        client.PendingAction.Should().Be(SmtpSessionAction.StartTls);
        client.IsSecure.Should().BeFalse();

        client.TlsEstablished();
        Take(client).Should().Be("EHLO relay.test\r\n", "RFC 3207 §4.2: the client starts over with EHLO");
        client.IsSecure.Should().BeTrue();
        client.PendingAction.Should().Be(SmtpSessionAction.None);
        Reply(client, EhloOverTls).Should().Be($"MAIL FROM:<s@relay.test> SIZE={Content.Length}\r\nRCPT TO:<a@mx.test>\r\n", "the extensions are the ones offered over TLS");
        Reply(client, "250 2.1.0 OK\r\n250 2.1.5 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n").Should().EndWith("\r\n.\r\n");
        Reply(client, "250 2.6.0 Queued\r\n").Should().Be("QUIT\r\n");
        Reply(client, "221 Bye\r\n").Should().BeEmpty();

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError.Should().BeNull();
        client.Result.RecipientReplies["a@mx.test"].ToString().Should().Be("250 2.6.0 Queued");
    }

    [Fact]
    public void AfterTheReady_TheRestOfTheInputIsNotConsumed()
    {
        // RFC 3207 §4.2: anything the server sends in clear after its 220 is discarded, never read as a reply.
        using var client = NewClient(SmtpClientTls.Required);
        Reply(client, Greeting + EhloInClear);
        var input = Encoding.ASCII.GetBytes(Ready + "250 injected in clear\r\n");

        client.Receive(input).Should().Be(Ready.Length);
        client.PendingAction.Should().Be(SmtpSessionAction.StartTls);
        Take(client).Should().BeEmpty();
    }

    public static TheoryData<int> SplitPoints()
    {
        var data = new TheoryData<int>();
        for (var i = 1; i < (Greeting + EhloInClear + Ready).Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SplitPoints))]
    public void TheExchangeUpToTheHandshake_SplitAnywhere_SendsTheSameAndStopsAtThe220(int split)
    {
        using var client = NewClient(SmtpClientTls.Required);
        var bytes = Encoding.ASCII.GetBytes(Greeting + EhloInClear + Ready);

        var sent = new StringBuilder();
        client.Receive(bytes.AsSpan(0, split)).Should().Be(split);
        sent.Append(Take(client));
        client.Receive(bytes.AsSpan(split)).Should().Be(bytes.Length - split);
        sent.Append(Take(client));

        sent.ToString().Should().Be("EHLO relay.test\r\nSTARTTLS\r\n");
        client.PendingAction.Should().Be(SmtpSessionAction.StartTls);
    }

    public static TheoryData<int> SplitPointsOverTls()
    {
        var data = new TheoryData<int>();
        for (var i = 1; i < EhloOverTls.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SplitPointsOverTls))]
    public void TheEhloOverTls_SplitAnywhere_LeadsToTheSameMail(int split)
    {
        using var client = NewClient(SmtpClientTls.Required);
        Reply(client, Greeting + EhloInClear + Ready);
        client.TlsEstablished();
        Take(client);
        var bytes = Encoding.ASCII.GetBytes(EhloOverTls);

        var sent = new StringBuilder();
        client.Receive(bytes.AsSpan(0, split));
        sent.Append(Take(client));
        client.Receive(bytes.AsSpan(split));
        sent.Append(Take(client));

        sent.ToString().Should().Be($"MAIL FROM:<s@relay.test> SIZE={Content.Length}\r\nRCPT TO:<a@mx.test>\r\n");
    }

    [Fact]
    public void RequiredTls_ServerWithoutStartTls_GetsQuit_AndTheMessageA454ConnectionError()
    {
        using var client = NewClient(SmtpClientTls.Required);

        Reply(client, Greeting);
        Reply(client, "250-mx.test Hello\r\n250 PIPELINING\r\n").Should().Be("QUIT\r\n", "no MAIL or RCPT in clear");
        Reply(client, "221 Bye\r\n");

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError!.ToString().Should().Be("454 4.7.4 The remote SMTP service does not support TLS: mx.test did not offer STARTTLS, which this route requires");
        client.Result.RecipientReplies.Should().BeEmpty();
    }

    [Fact]
    public void RequiredTls_HeloInsteadOfEhlo_CannotAskForTls_AndGetsQuit()
    {
        using var client = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content), sendHelo: true)
        {
            Tls = SmtpClientTls.Required,
            ServerName = "mx.test",
        };

        Reply(client, Greeting).Should().Be("HELO relay.test\r\n");
        Reply(client, "250 mx.test\r\n").Should().Be("QUIT\r\n");
        client.Result.ConnectionError!.Code.Should().Be(454);
    }

    [Theory]
    [InlineData("454 4.7.0 TLS not available due to temporary reason\r\n")]
    [InlineData("502 5.5.1 Not implemented\r\n")]
    public void RequiredTls_StartTlsRefused_GetsQuit_AndTheRefusalIsTheConnectionError(string refusal)
    {
        using var client = NewClient(SmtpClientTls.Required);

        Reply(client, Greeting + EhloInClear);
        Reply(client, refusal).Should().Be("QUIT\r\n");
        Reply(client, "221 Bye\r\n");

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError!.ToString().Should().Be(refusal.TrimEnd());
    }

    [Fact]
    public void OpportunisticTls_StartTlsRefused_GoesOnInClear()
    {
        using var client = NewClient(SmtpClientTls.Opportunistic);

        Reply(client, Greeting + EhloInClear).Should().Be("EHLO relay.test\r\nSTARTTLS\r\n");
        Reply(client, "454 4.7.0 TLS not available due to temporary reason\r\n").Should().Be("MAIL FROM:<s@relay.test>\r\nRCPT TO:<a@mx.test>\r\n");
        client.IsSecure.Should().BeFalse();
    }

    [Fact]
    public void OpportunisticTls_NotOffered_GoesOnInClear()
    {
        using var client = NewClient(SmtpClientTls.Opportunistic);

        Reply(client, Greeting);
        Reply(client, "250-mx.test Hello\r\n250 PIPELINING\r\n").Should().Be("MAIL FROM:<s@relay.test>\r\nRCPT TO:<a@mx.test>\r\n");
    }

    [Fact]
    public void NoTls_IgnoresAnOfferedStartTls()
    {
        using var client = NewClient(SmtpClientTls.None);

        Reply(client, Greeting);
        Reply(client, EhloInClear).Should().Be("MAIL FROM:<s@relay.test>\r\nRCPT TO:<a@mx.test>\r\n");
    }

    [Fact]
    public void FailedHandshake_EndsTheSession_WithA454ConnectionError()
    {
        using var client = NewClient(SmtpClientTls.Required);
        Reply(client, Greeting + EhloInClear + Ready);

        client.TlsFailed();

        client.IsDone.Should().BeTrue();
        Take(client).Should().BeEmpty("nothing more can go over the broken stream");
        client.Result.ConnectionError!.ToString().Should().Be("454 4.7.5 TLS negotiation with mx.test failed");
    }

    [Fact]
    public void TlsEstablished_WithoutAReady_IsRefused()
    {
        using var client = NewClient(SmtpClientTls.Required);
        Reply(client, Greeting + EhloInClear);

        var act = () => client.TlsEstablished();

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void TransportFailed_InTheMiddleOfAMessage_IsItsConnectionError()
    {
        using var client = NewClient(SmtpClientTls.None);
        Reply(client, Greeting + "250-mx.test\r\n250 PIPELINING\r\n");
        Reply(client, "250 2.1.0 OK\r\n250 2.1.5 OK\r\n").Should().Be("DATA\r\n");

        client.TransportFailed(new SmtpReply(451, "4.4.2", "Connection to mx.test timed out"));

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError!.ToString().Should().Be("451 4.4.2 Connection to mx.test timed out");
        client.Result.RecipientReplies.Should().BeEmpty();
    }

    private static SmtpClientSession NewClient(SmtpClientTls tls) =>
        new("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content)) { Tls = tls, ServerName = "mx.test" };

    private static string Reply(SmtpClientSession client, string replies)
    {
        client.Receive(Encoding.ASCII.GetBytes(replies));
        return Take(client);
    }

    private static string Take(SmtpClientSession client)
    {
        var sent = Encoding.UTF8.GetString(client.Output.Span);
        client.ClearOutput();
        return sent;
    }
}
