using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>
/// A RCPT whose decision needs I/O (LDAP routing's directory lookup): the session stops reading, says
/// so (<see cref="SmtpSessionAction.Wait"/>), and answers once the transport tells it the lookup is in;
/// pipelined commands after it wait their turn and get their replies in order (RFC 2920 §3.1).
/// </summary>
public sealed class RecipientLookupTests
{
    [Fact]
    public void PendingLookup_StopsReading_ThenAnswersInOrder()
    {
        using var driver = Started();
        var lookup = new TaskCompletionSource<SmtpRecipientDecision>();
        driver.Handler.Later["dir@maillab.test"] = lookup.Task;
        driver.Command("MAIL FROM:<alice@maillab.test>");
        const string first = "RCPT TO:<dir@maillab.test>\r\n";
        const string pipelined = first + "RCPT TO:<bob@maillab.test>\r\n";

        var consumed = driver.Send(pipelined);

        consumed.Should().Be(first.Length);
        driver.Session.PendingAction.Should().Be(SmtpSessionAction.Wait);
        driver.Session.PendingLookup.Should().BeSameAs(lookup.Task);
        driver.TakeLines().Should().BeEmpty();
        driver.Session.Receive(Bytes.Of("NOOP\r\n")).Should().Be(0);

        lookup.SetResult(SmtpRecipientDecision.Refuse(new SmtpReply(550, "5.1.1", "dir@maillab.test: no such recipient in the directory")));
        driver.Session.LookupCompleted();
        driver.Session.PendingAction.Should().Be(SmtpSessionAction.None);
        driver.Send(pipelined[consumed..]).Should().Be(pipelined.Length - consumed);

        driver.TakeLines().Should().Equal("550 5.1.1 dir@maillab.test: no such recipient in the directory", "250 2.1.5 Recipient OK");
    }

    [Fact]
    public void FailedLookup_Refuses451_443_TheClientMayTryAgain()
    {
        using var driver = Started();
        var lookup = new TaskCompletionSource<SmtpRecipientDecision>();
        driver.Handler.Later["dir@maillab.test"] = lookup.Task;
        driver.Command("MAIL FROM:<alice@maillab.test>");
        driver.Session.Receive(Bytes.Of("RCPT TO:<dir@maillab.test>\r\n"));

        lookup.SetException(new TimeoutException());
        driver.Session.LookupCompleted();
        driver.Send("NOOP\r\n");

        driver.TakeLines().Should().Equal("451 4.4.3 Directory server failure: try again later", "250 2.0.0 OK");
    }

    [Fact]
    public void LookupAlreadyDone_AnsweredAtOnce()
    {
        using var driver = Started();
        driver.Handler.Later["dir@maillab.test"] = Task.FromResult(SmtpRecipientDecision.Accept(new SmtpMailbox("dir", "maillab.test")));
        driver.Command("MAIL FROM:<alice@maillab.test>");

        driver.Command("RCPT TO:<dir@maillab.test>").Should().Equal("250 2.1.5 Recipient OK");
        driver.Session.PendingAction.Should().Be(SmtpSessionAction.None);
    }

    private static SessionDriver Started()
    {
        var driver = new SessionDriver();
        driver.TakeLines();
        driver.Command("EHLO client.example");
        return driver;
    }
}
