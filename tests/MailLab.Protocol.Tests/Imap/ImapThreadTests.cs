using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>THREAD and UID THREAD (RFC 5256 §3): ORDEREDSUBJECT and REFERENCES, and the THREAD response's nesting (§4).</summary>
public sealed class ImapThreadTests
{
    private static ImapSessionDriver Selected(params (string Headers, double Hours)[] messages) => HeaderFixture.Selected(messages);

    [Fact]
    public void OrderedSubject_GroupsByBaseSubject_FirstBySentDateIsTheParent()
    {
        using var driver = Selected(
            ("Subject: b\r\nDate: Fri, 1 Mar 2024 12:00:10 +0000", 0),
            ("Subject: Re: a", 1),
            ("Subject: B\r\nDate: Fri, 1 Mar 2024 12:00:05 +0000", 0),
            ("Subject: a", 2),
            ("Subject: [x] fwd: b", 3),
            ("Subject: c", 0.5));
        driver.Command("t1 THREAD ORDEREDSUBJECT UTF-8 ALL").Should().Equal(new[]
        {
            "* THREAD (3 (1)(5))(6)(2 4)",
            "t1 OK THREAD completed",
        }, "the b thread starts 12:00:05, c at 12:30, the a thread at 13:00; no grandchildren");
    }

    [Fact]
    public void References_LinksByReferences_AndInReplyToWithoutThem()
    {
        using var driver = Selected(
            ("Message-ID: <1@x>", 0),
            ("Message-ID: <2@x>\r\nIn-Reply-To: <1@x>", 1),
            ("Message-ID: <3@x>\r\nReferences: <1@x> <2@x>", 2),
            ("Message-ID: <4@x>\r\nIn-Reply-To: <1@x>", 3));
        driver.Command("t1 THREAD REFERENCES US-ASCII ALL").Should().Equal("* THREAD (1 (2 3)(4))", "t1 OK THREAD completed");
        driver.Command("t2 THREAD REFERENCES US-ASCII NOT UID 1").Should().Equal(new[] { "* THREAD ((2 3)(4))", "t2 OK THREAD completed" }, "the missing parent is a dummy that joins its two children at the root");
        driver.Command("t3 THREAD REFERENCES US-ASCII UID 3").Should().Equal(new[] { "* THREAD (3)", "t3 OK THREAD completed" }, "a dummy with one child gives way to it");
    }

    [Fact]
    public void References_ALoop_LeavesTheMessageARoot()
    {
        // imaptest "thread": b references a and c, c references b; c's presumed parent a is dropped, b under c stays.
        using var driver = Selected(
            ("Message-ID: <a@b>", 3),
            ("Message-ID: <b@b>\r\nReferences: <a@b> <c@b>", 1),
            ("Message-ID: <c@b>\r\nReferences: <b@b>", 2));
        driver.Command("t1 THREAD REFERENCES US-ASCII ALL").Should().Equal("* THREAD (3 2)(1)", "t1 OK THREAD completed");
    }

    [Fact]
    public void References_ASecondMessageWithTheSameId_IsAMessageOfItsOwn()
    {
        using var driver = Selected(
            ("Message-ID: <a@b>", 0),
            ("Message-ID: <b@b>\r\nReferences: <a@b>", 0),
            ("Message-ID: <c@b>\r\nReferences: <b@b>", 0),
            ("Message-ID: <b@b>\r\nReferences: <a@b>", 0));
        driver.Command("t1 THREAD REFERENCES US-ASCII ALL").Should().Equal("* THREAD (1 (2 3)(4))", "t1 OK THREAD completed");
    }

    [Fact]
    public void References_RootsOfOneSubject_AreGathered()
    {
        using var driver = Selected(
            ("Subject: plan", 0),
            ("Subject: Re: plan\r\nReferences: <gone@x>", 1), // its dummy parent is pruned; as a reply it joins 1
            ("Subject: other", 2),
            ("Subject: other", 3)); // two non-replies of one subject: a dummy joins them
        driver.Command("t1 THREAD REFERENCES UTF-8 ALL").Should().Equal("* THREAD (1 2)((3)(4))", "t1 OK THREAD completed");
    }

    [Fact]
    public void UidThread_AnswersUids()
    {
        using var driver = Selected(("Message-ID: <1@x>", 0), ("Subject: gone", 0), ("Message-ID: <3@x>\r\nIn-Reply-To: <1@x>", 1));
        driver.Command("e1 STORE 2 +FLAGS (\\Deleted)");
        driver.Command("e2 EXPUNGE");
        driver.Command("t1 THREAD REFERENCES UTF-8 ALL").Should().Equal("* THREAD (1 2)", "t1 OK THREAD completed");
        driver.Command("t2 UID THREAD REFERENCES UTF-8 ALL").Should().Equal("* THREAD (1 3)", "t2 OK UID THREAD completed");
    }

    [Theory]
    [InlineData("t1 THREAD REFERENCES ISO-2022-JP ALL", "t1 NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset ISO-2022-JP")]
    [InlineData("t1 THREAD X-GMAIL UTF-8 ALL", "t1 BAD THREAD: unknown threading algorithm X-GMAIL")]
    [InlineData("t1 THREAD REFERENCES UTF-8", "t1 BAD THREAD: expected a space")]
    public void BadArguments_GetTheRfcReplies(string command, string reply)
    {
        using var driver = Selected(("Subject: a", 0));
        driver.Command(command).Should().Equal(reply);
    }

    [Fact]
    public void ADisabledAlgorithm_IsNeitherAdvertisedNorAccepted()
    {
        var options = ImapSessionDriver.DefaultOptions() with { DisabledCapabilities = new HashSet<string>(["THREAD=REFERENCES"], StringComparer.OrdinalIgnoreCase) };
        using var driver = HeaderFixture.Selected(options, ("Subject: a", 0));
        driver.Command("c1 CAPABILITY")[0].Should().Contain("THREAD=ORDEREDSUBJECT").And.NotContain("THREAD=REFERENCES");
        driver.Command("t1 THREAD REFERENCES UTF-8 ALL").Should().Equal("t1 BAD THREAD: unknown threading algorithm REFERENCES");
        driver.Command("t2 THREAD ORDEREDSUBJECT UTF-8 ALL").Should().Equal("* THREAD (1)", "t2 OK THREAD completed");
    }
}
