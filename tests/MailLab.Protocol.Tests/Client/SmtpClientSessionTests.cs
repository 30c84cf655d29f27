using System.Text;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Client;

/// <summary>
/// The sans-I/O SMTP client against scripted server replies: what it sends after each reply, and
/// what it concludes per recipient.
/// </summary>
public sealed class SmtpClientSessionTests
{
    private const string Ehlo = "250-mx.test Hello\r\n250-SIZE 2097152\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n";

    private static readonly byte[] Content = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\n.leading dot\r\nbody\r\n");

    [Fact]
    public void PipelinesMailAndRcpts_SendsDataOnlyAfterAnAcceptedRecipient()
    {
        using var client = NewClient(["a@mx.test", "b@mx.test"]);

        Reply(client, "220 mx.test ESMTP\r\n").Should().Be("EHLO relay.test\r\n");
        Reply(client, Ehlo).Should().Be($"MAIL FROM:<s@relay.test> SIZE={Content.Length}\r\nRCPT TO:<a@mx.test>\r\nRCPT TO:<b@mx.test>\r\n");
        Reply(client, "250 2.1.0 Sender OK\r\n250 2.1.5 OK\r\n").Should().BeEmpty("one RCPT reply is still to come");
        Reply(client, "550 5.1.1 No such user\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 Start mail input\r\n").Should().Be("Subject: hi\r\n\r\n..leading dot\r\nbody\r\n.\r\n");
        Reply(client, "250 2.6.0 Queued\r\n").Should().Be("QUIT\r\n");
        client.IsDone.Should().BeFalse();
        Reply(client, "221 2.0.0 Bye\r\n").Should().BeEmpty();

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError.Should().BeNull();
        client.Result.RecipientReplies["a@mx.test"].ToString().Should().Be("250 2.6.0 Queued");
        client.Result.RecipientReplies["b@mx.test"].ToString().Should().Be("550 5.1.1 No such user");
    }

    [Fact]
    public void WithoutPipelining_SendsOneCommandAtATime_AndFallsBackToHeloWhenEhloIsUnknown()
    {
        using var client = NewClient(["a@mx.test", "b@mx.test"]);

        Reply(client, "220 old.test\r\n").Should().Be("EHLO relay.test\r\n");
        Reply(client, "502 Command not implemented\r\n").Should().Be("HELO relay.test\r\n");
        Reply(client, "250 old.test\r\n").Should().Be("MAIL FROM:<s@relay.test>\r\n", "HELO offers no SIZE");
        Reply(client, "250 OK\r\n").Should().Be("RCPT TO:<a@mx.test>\r\n");
        Reply(client, "250 OK\r\n").Should().Be("RCPT TO:<b@mx.test>\r\n");
        Reply(client, "250 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n").Should().EndWith("\r\n.\r\n");
        Reply(client, "451 4.3.0 Try later\r\n").Should().Be("QUIT\r\n");

        client.Result.RecipientReplies.Values.Select(r => r.ToString()).Should().Equal("451 4.3.0 Try later", "451 4.3.0 Try later");
    }

    [Fact]
    public void EveryRecipientRefused_QuitsWithoutData()
    {
        using var client = NewClient(["a@far.test"]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo);

        Reply(client, "250 2.1.0 Sender OK\r\n550 5.7.1 Unable to relay\r\n").Should().Be("QUIT\r\n");

        client.Result.RecipientReplies["a@far.test"].ToString().Should().Be("550 5.7.1 Unable to relay");
    }

    [Fact]
    public void SenderRefused_IsEveryRecipientsAnswer()
    {
        using var client = NewClient(["a@mx.test", "b@mx.test"]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo);

        Reply(client, "550 5.7.1 Sender refused\r\n503 5.5.1 need MAIL\r\n503 5.5.1 need MAIL\r\n").Should().Be("QUIT\r\n");

        client.Result.RecipientReplies.Values.Select(r => r.ToString()).Should().Equal("550 5.7.1 Sender refused", "550 5.7.1 Sender refused");
    }

    [Theory]
    [InlineData("554 5.7.1 mx Access denied\r\n", "554 5.7.1 mx Access denied", "QUIT\r\n")]
    [InlineData("421 4.3.2 Service not available\r\n", "421 4.3.2 Service not available", "")]
    public void RefusedGreeting_IsAConnectionError(string greeting, string error, string sent)
    {
        using var client = NewClient(["a@mx.test"]);

        Reply(client, greeting).Should().Be(sent, "after 554 the client says QUIT (RFC 5321 §3.1); after 421 the server is gone");

        client.Result.ConnectionError!.ToString().Should().Be(error);
        client.Result.RecipientReplies.Should().BeEmpty();
    }

    [Fact]
    public void ServiceClosingMidTransaction_AnswersTheRecipientsWithIt()
    {
        using var client = NewClient(["a@mx.test"]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo);

        Reply(client, "421 4.4.2 mx Connection timed out\r\n").Should().BeEmpty();

        client.IsDone.Should().BeTrue();
        client.Result.RecipientReplies["a@mx.test"].ToString().Should().Be("421 4.4.2 mx Connection timed out");
    }

    [Fact]
    public void ConnectionLostDuringContent_IsATransientFailure()
    {
        using var client = NewClient(["a@mx.test"]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo);
        Reply(client, "250 OK\r\n250 OK\r\n");
        Reply(client, "354 go\r\n");

        client.ConnectionLost();

        client.IsDone.Should().BeTrue();
        client.Result.RecipientReplies["a@mx.test"].ToString().Should().Be("451 4.4.2 Connection dropped by the server");
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\n")]
    [InlineData("250 ok\r\n")]
    [InlineData("2201 x\r\n")]
    public void GarbageInsteadOfAGreeting_IsAProtocolError(string garbage)
    {
        using var client = NewClient(["a@mx.test"]);

        Reply(client, garbage == "250 ok\r\n" ? "220-first\r\n251 changed code\r\n" : garbage);

        client.IsDone.Should().BeTrue();
        client.Result.ConnectionError!.ToString().Should().StartWith("451 4.5.0 Protocol error from the server");
    }

    [Fact]
    public void RepliesSplitIntoSingleBytes_ReadTheSame()
    {
        var observer = new RecordingObserver();
        using var observed = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content), observer: observer);

        foreach (var b in Encoding.ASCII.GetBytes("220 mx\r\n" + Ehlo))
        {
            observed.Receive([b]);
        }

        Encoding.ASCII.GetString(observed.Output.Span).Should().StartWith($"EHLO relay.test\r\nMAIL FROM:<s@relay.test> SIZE={Content.Length}\r\n");
        observer.Lines.Should().Contain(["S: 250-mx.test Hello", "S: 250-PIPELINING", "S: 250 ENHANCEDSTATUSCODES"]);
    }

    [Fact]
    public void EightBitContent_IsDeclaredWhenTheServerOffers8BitMime()
    {
        using var client = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Encoding.UTF8.GetBytes("Subject: é\r\n\r\nx\r\n")));
        Reply(client, "220 mx\r\n");

        Reply(client, Ehlo).Should().StartWith("MAIL FROM:<s@relay.test> SIZE=18 BODY=8BITMIME\r\n");
    }

    [Fact]
    public void AgainstARealServerSession_TheMessageArrivesByteForByte()
    {
        var handler = new FakeSmtpHandler();
        var content = Encoding.ASCII.GetBytes("Subject: t\r\n\r\n.\r\n..\r\nx\n.\r\nend");
        using var server = new SmtpServerSession(new SmtpServerOptions { HostName = "mx.test" }, handler, new SmtpSessionContext(null, null));
        using var client = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@maillab.test", "nobody@maillab.test"], content));
        server.Start();
        while (!client.IsDone)
        {
            client.Receive(server.Output.Span);
            server.ClearOutput();
            server.Receive(client.Output.Span);
            client.ClearOutput();
        }

        handler.Delivered.Should().ContainSingle().Which.Text.Should().Be("Subject: t\r\n\r\n.\r\n..\r\nx\n.\r\nend\r\n");
        client.Result.RecipientReplies["a@maillab.test"].IsPositive.Should().BeTrue();
        client.Result.RecipientReplies["nobody@maillab.test"].Should().Be(FakeSmtpHandler.MailboxUnavailable);
        server.IsClosed.Should().BeTrue("the client ended with QUIT");
    }

    [Fact]
    public void SeveralMessagesOnOneConnection_RsetOnlyAfterATransactionLeftOpen()
    {
        using var client = new SmtpClientSession("relay.test",
        [
            new SmtpClientTransaction("s@relay.test", ["gone@mx.test"], Content),
            new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content),
            new SmtpClientTransaction("s@relay.test", ["b@mx.test"], Content),
        ]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo).Should().Be($"MAIL FROM:<s@relay.test> SIZE={Content.Length}\r\nRCPT TO:<gone@mx.test>\r\n");

        Reply(client, "250 2.1.0 OK\r\n550 5.1.1 No such user\r\n").Should().Be("RSET\r\n", "MAIL was accepted, so the transaction is open (RFC 5321 §4.1.1.5)");
        Reply(client, "250 2.0.0 Reset\r\n").Should().StartWith("MAIL FROM:<s@relay.test>").And.EndWith("RCPT TO:<a@mx.test>\r\n");
        Reply(client, "250 OK\r\n250 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n");
        Reply(client, "250 2.6.0 first\r\n").Should().StartWith("MAIL FROM:<s@relay.test>", "a finished transaction needs no RSET");
        Reply(client, "250 OK\r\n250 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n");
        Reply(client, "451 4.3.0 second\r\n").Should().Be("QUIT\r\n");

        client.Results.Select(r => r.RecipientReplies.Values.Single().ToString())
            .Should().Equal("550 5.1.1 No such user", "250 2.6.0 first", "451 4.3.0 second");
    }

    [Fact]
    public void ServiceClosingBetweenMessages_AnswersTheMessageInFlight_AndFailsTheOnesNotStarted()
    {
        using var client = new SmtpClientSession("relay.test",
        [
            new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content),
            new SmtpClientTransaction("s@relay.test", ["b@mx.test"], Content),
            new SmtpClientTransaction("s@relay.test", ["c@mx.test"], Content),
        ]);
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo);
        Reply(client, "250 OK\r\n250 OK\r\n");
        Reply(client, "354 go\r\n");
        Reply(client, "250 2.6.0 first\r\n");

        Reply(client, "421 4.3.2 Service not available\r\n").Should().BeEmpty();

        client.Results[0].RecipientReplies["a@mx.test"].ToString().Should().Be("250 2.6.0 first");
        client.Results[1].RecipientReplies["b@mx.test"].ToString().Should().Be("421 4.3.2 Service not available", "its MAIL and RCPT were on their way");
        client.Results[2].ConnectionError!.ToString().Should().Be("421 4.3.2 Service not available");
        client.Results[2].RecipientReplies.Should().BeEmpty();
    }

    [Fact]
    public void FedSession_AsksForTheNextMessageAfterEachFinalReply_AndQuitsWhenNoneIsLeft()
    {
        var waiting = new Queue<SmtpClientTransaction>([
            new SmtpClientTransaction("s@relay.test", ["gone@mx.test"], Content),
            new SmtpClientTransaction("s@relay.test", ["b@mx.test"], Content),
        ]);
        var asked = new List<int>();
        SmtpClientSession? session = null;
        using var client = session = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content), () =>
        {
            asked.Add(session!.CurrentTransaction);
            return waiting.TryDequeue(out var next) ? next : null;
        });
        Reply(client, "220 mx\r\n");
        Reply(client, Ehlo).Should().EndWith("RCPT TO:<a@mx.test>\r\n");
        Reply(client, "250 OK\r\n250 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n");
        asked.Should().BeEmpty("the first message has no final reply yet");

        Reply(client, "250 2.6.0 first\r\n").Should().EndWith("RCPT TO:<gone@mx.test>\r\n", "a finished transaction needs no RSET");
        asked.Should().Equal(0);
        client.ResultOf(0).RecipientReplies["a@mx.test"].ToString().Should().Be("250 2.6.0 first", "its answer is final once the next one is asked for");
        client.CurrentTransaction.Should().Be(1);

        Reply(client, "250 OK\r\n550 5.1.1 No such user\r\n").Should().Be("RSET\r\n", "MAIL was accepted, so the transaction is open (RFC 5321 §4.1.1.5)");
        Reply(client, "250 2.0.0 Reset\r\n").Should().EndWith("RCPT TO:<b@mx.test>\r\n");
        Reply(client, "250 OK\r\n250 OK\r\n").Should().Be("DATA\r\n");
        Reply(client, "354 go\r\n");
        Reply(client, "250 2.6.0 third\r\n").Should().Be("QUIT\r\n", "the source has nothing more");
        Reply(client, "221 Bye\r\n");

        asked.Should().Equal(0, 1, 2);
        client.IsDone.Should().BeTrue();
        client.Results.Select(r => r.RecipientReplies.Values.Single().ToString())
            .Should().Equal("250 2.6.0 first", "550 5.1.1 No such user", "250 2.6.0 third");
    }

    [Fact]
    public void FedSession_RefusedGreeting_FailsOnlyTheMessageItTook()
    {
        var asked = 0;
        using var client = new SmtpClientSession("relay.test", new SmtpClientTransaction("s@relay.test", ["a@mx.test"], Content), () =>
        {
            asked++;
            return null;
        });

        Reply(client, "554 5.7.1 Go away\r\n").Should().Be("QUIT\r\n");

        asked.Should().Be(0, "a connection that never got going takes no more messages");
        client.Results.Should().ContainSingle().Which.ConnectionError!.ToString().Should().Be("554 5.7.1 Go away");
    }

    [Theory]
    [InlineData(".a\r\nb.\r\n.\r\n\n.c\r\n", "..a\r\nb.\r\n..\r\n\n.c\r\n.\r\n")]
    [InlineData("no final line end", "no final line end\r\n.\r\n")]
    [InlineData("", "\r\n.\r\n")]
    public void DotStuffer_StuffsOnlyDotsAfterCrlf(string content, string wire)
    {
        using var output = new Common.PooledByteBuffer();

        Smtp.Client.DotStuffer.Write(Encoding.ASCII.GetBytes(content), output);

        Encoding.ASCII.GetString(output.WrittenSpan).Should().Be(wire);
    }

    private static SmtpClientSession NewClient(string[] recipients) =>
        new("relay.test", new SmtpClientTransaction("s@relay.test", recipients, Content));

    /// <summary>Feeds the server's bytes and returns what the client sends in answer.</summary>
    private static string Reply(SmtpClientSession client, string replies)
    {
        client.Receive(Encoding.ASCII.GetBytes(replies));
        var sent = Encoding.UTF8.GetString(client.Output.Span);
        client.ClearOutput();
        return sent;
    }
}
