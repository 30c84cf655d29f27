using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>IMAP4rev1 (RFC 3501) versus IMAP4rev2 (RFC 9051) behaviour, and modified UTF-7 names.</summary>
public sealed class ImapRevisionTests
{
    [Theory]
    [InlineData("Входящие", "&BBIERQQ+BDQETwRJBDgENQ-")]
    [InlineData("a&b", "a&-b")]
    [InlineData("Entwürfe", "Entw&APw-rfe")]
    [InlineData("plain", "plain")]
    public void ModifiedUtf7_RoundTrips(string name, string encoded)
    {
        ModifiedUtf7.Encode(name).Should().Be(encoded);
        ModifiedUtf7.TryDecode(encoded, out var decoded).Should().BeTrue();
        decoded.Should().Be(name);
    }

    [Fact]
    public void Rev1Client_SeesModifiedUtf7Names_Rev2ClientSeesUtf8()
    {
        var store = MemoryImapStore.WithDefaults();
        store.Accounts["alice"].AddFolder("Входящие");
        using var rev1 = new ImapSessionDriver(store: store);
        rev1.LogIn();
        rev1.Command("l1 LIST \"\" \"&BBIERQQ+BDQETwRJBDgENQ-\"").Should().Equal("* LIST (\\HasNoChildren) \"/\" \"&BBIERQQ+BDQETwRJBDgENQ-\"", "l1 OK LIST completed");
        rev1.Command("s1 SELECT &BBIERQQ+BDQETwRJBDgENQ-").Last().Should().StartWith("s1 OK");

        using var rev2 = new ImapSessionDriver(store: store);
        rev2.LogIn();
        rev2.Command("e1 ENABLE IMAP4rev2");
        rev2.Command("l1 LIST \"\" \"Входящие\"").Should().Equal("* LIST (\\HasNoChildren) \"/\" \"Входящие\"", "l1 OK LIST completed");
    }

    [Fact]
    public void Rev1_GetsRecentUnseenAndUntaggedSearch_Rev2_GetsEsearch()
    {
        using var rev1 = new ImapSessionDriver();
        rev1.LogIn();
        var select1 = rev1.Command("s1 SELECT INBOX");
        select1.Should().Contain("* 0 RECENT").And.Contain("* OK [UNSEEN 2] first unseen message");
        rev1.Command("f1 SEARCH ALL").Should().Equal("* SEARCH 1 2 3", "f1 OK SEARCH completed");

        using var rev2 = new ImapSessionDriver();
        rev2.LogIn();
        rev2.Command("e1 ENABLE IMAP4rev2").Should().Equal("* ENABLED IMAP4rev2", "e1 OK ENABLE completed");
        var select2 = rev2.Command("s1 SELECT INBOX");
        select2.Should().NotContain(l => l.Contains("RECENT") || l.Contains("UNSEEN"));
        select2.Should().Contain("* LIST () \"/\" \"INBOX\"");
        rev2.Command("f1 SEARCH ALL").Should().Equal("* ESEARCH (TAG \"f1\") ALL 1:3", "f1 OK SEARCH completed");
        rev2.Command("f2 FETCH 1 FLAGS").Should().Equal("* 1 FETCH (FLAGS (\\Seen))", "f2 OK FETCH completed");
    }

    [Fact]
    public void DisabledCapability_IsNeitherAdvertisedNorAccepted()
    {
        var options = ImapSessionDriver.DefaultOptions() with { DisabledCapabilities = new HashSet<string>(["IDLE", "MOVE"], StringComparer.OrdinalIgnoreCase) };
        using var driver = new ImapSessionDriver(options);
        driver.LogIn();
        driver.Command("c1 CAPABILITY")[0].Should().NotContain(" IDLE").And.NotContain(" MOVE");
        driver.Command("i1 IDLE").Should().Equal("i1 BAD unknown command IDLE");
        driver.Select();
        driver.Command("m1 MOVE 1 Trash").Should().Equal("m1 BAD unknown command MOVE");
    }
}

/// <summary>LIST patterns (RFC 9051 §6.3.9).</summary>
public sealed class ImapListPatternTests
{
    [Theory]
    [InlineData("*", "Archive/2024", true)]
    [InlineData("%", "Archive/2024", false)]
    [InlineData("%", "Archive", true)]
    [InlineData("Archive/%", "Archive/2024", true)]
    [InlineData("A%/2%", "Archive/2024", true)]
    [InlineData("*4", "Archive/2024", true)]
    [InlineData("*5", "Archive/2024", false)]
    [InlineData("%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Pattern_Matches(string pattern, string name, bool expected)
    {
        MailLab.Protocol.Imap.ImapServerSession.WildcardMatch(pattern, name, '/').Should().Be(expected);
    }
}
