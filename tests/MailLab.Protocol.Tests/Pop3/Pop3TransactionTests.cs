using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;
using MailLab.Protocol.Tests.Pop3.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>TRANSACTION details the transcripts do not show: exact bytes, snapshots and odd content.</summary>
public sealed class Pop3TransactionTests
{
    [Fact]
    public void Retr_WritesTheStuffedMessageAndTerminator_ByteForByte()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();

        driver.Send("RETR 1\r\n");

        driver.TakeText().Should().Be(
            "+OK 119 octets\r\n" +
            "From: bob@maillab.test\r\nTo: alice@maillab.test\r\nSubject: Dots\r\n\r\n" +
            "Hello Alice,\r\n..signature follows\r\n...two dots\r\n..\r\nBye\r\n" +
            ".\r\n");
    }

    [Fact]
    public void Retr_OfContentWithoutFinalCrlf_StillEndsTheResponseOnItsOwnLine()
    {
        using var driver = new Pop3SessionDriver();
        driver.Handler.Mailboxes["bob"].Add(new FakeMessage("odd", Bytes.Of("Subject: x\r\n\r\n.no end")));
        driver.LogOn("bob", "hunter2");

        driver.Send("RETR 1\r\n");

        driver.TakeText().Should().Be("+OK 21 octets\r\nSubject: x\r\n\r\n..no end\r\n.\r\n");
    }

    [Fact]
    public void Retr_OfAnEmptyMessage_IsJustTheTerminator()
    {
        using var driver = new Pop3SessionDriver();
        driver.Handler.Mailboxes["bob"].Add(new FakeMessage("empty", []));
        driver.LogOn("bob", "hunter2");

        driver.Send("RETR 1\r\n");

        driver.TakeText().Should().Be("+OK 0 octets\r\n.\r\n");
    }

    [Fact]
    public void Maildrop_IsASnapshot_MailArrivingDuringTheSessionIsNotListed()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();

        driver.Handler.Mailboxes["alice"].Add(new FakeMessage("late", Bytes.Of("Subject: late\r\n\r\n")));

        driver.TakeSingleOf("STAT").Should().Be("+OK 2 211");
        driver.TakeSingleOf("RETR 3").Should().Be("-ERR no such message, only 2 messages in maildrop");
    }

    [Fact]
    public void MessageNumbers_DoNotChangeAfterDele()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();

        driver.Command("DELE 1");

        driver.TakeSingleOf("LIST 2").Should().Be("+OK 2 92");
        driver.Command("RETR 2")[0].Should().Be("+OK 92 octets");
    }

    [Fact]
    public void Rset_AfterDele_MakesTheMessageRetrievableAgain()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();
        driver.Command("DELE 1");

        driver.TakeSingleOf("RSET").Should().Be("+OK maildrop has 2 messages (211 octets)");

        driver.Command("RETR 1")[0].Should().Be("+OK 119 octets");
        driver.Command("QUIT");
        driver.Handler.Opened.Single().Commits.Single().Should().BeEmpty();
    }

    [Fact]
    public void Quit_DeletesFromTheStore_SoTheNextSessionSeesTheRest()
    {
        var handler = new FakePop3Handler();
        using (var first = new Pop3SessionDriver(handler: handler))
        {
            first.LogOn();
            first.Command("DELE 1");
            first.Command("QUIT");
        }

        using var second = new Pop3SessionDriver(handler: handler);
        second.LogOn();

        second.Command("UIDL").Should().Equal("+OK", "1 20240102.0002.alice", ".");
    }

    [Fact]
    public void Top_ZeroLines_SendsTheHeaderAndTheEmptyLine()
    {
        using var driver = new Pop3SessionDriver();
        driver.LogOn();

        driver.Send("TOP 1 0\r\n");

        driver.TakeText().Should().Be("+OK\r\nFrom: bob@maillab.test\r\nTo: alice@maillab.test\r\nSubject: Dots\r\n\r\n.\r\n");
    }
}
