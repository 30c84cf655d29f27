using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>SORT and UID SORT (RFC 5256 §3) with each sort key, DISPLAYFROM/DISPLAYTO (RFC 5957), ESORT (RFC 5267 §3) and CONDSTORE's MODSEQ (RFC 7162 §3.1.5).</summary>
public sealed class ImapSortTests
{
    private static ImapSessionDriver Selected(params (string Headers, double Hours)[] messages) => HeaderFixture.Selected(messages);

    private static ImapSessionDriver Selected(ImapServerOptions options, params (string Headers, double Hours)[] messages) => HeaderFixture.Selected(options, messages);

    [Fact]
    public void Arrival_OrdersByInternalDate_TiesBySequence()
    {
        using var driver = Selected(("Subject: a", 0), ("Subject: b", 2), ("Subject: c", 1), ("Subject: d", 2));
        driver.Command("s1 SORT (ARRIVAL) UTF-8 ALL").Should().Equal("* SORT 1 3 2 4", "s1 OK SORT completed");
        driver.Command("s2 SORT (REVERSE ARRIVAL) UTF-8 ALL").Should().Equal(new[] { "* SORT 2 4 3 1", "s2 OK SORT completed" }, "REVERSE does not turn the sequence tie-break round");
    }

    [Fact]
    public void Date_UsesTheDateHeaderInUtc_AndTheInternalDateWithoutOne()
    {
        using var driver = Selected(
            ("Date: Fri, 1 Mar 2024 10:00:00 +0000", 5),
            ("Date: Fri, 1 Mar 2024 12:00:00 +0300", 0), // 09:00 UTC
            ("Subject: no date", -2.5), // internal date 09:30 UTC
            ("Date: not a date", -3)); // internal date 09:00 UTC, same as 2: sequence order
        driver.Command("s1 SORT (DATE) US-ASCII ALL").Should().Equal("* SORT 2 4 3 1", "s1 OK SORT completed");
    }

    [Fact]
    public void Size_OrdersByRfc822Size()
    {
        using var driver = Selected(("Subject: longer subject", 0), ("Subject: s", 0), ("Subject: mid", 0));
        driver.Command("s1 SORT (SIZE) UTF-8 ALL").Should().Equal("* SORT 2 3 1", "s1 OK SORT completed");
        driver.Command("s2 SORT (REVERSE SIZE) UTF-8 ALL").Should().Equal("* SORT 1 3 2", "s2 OK SORT completed");
    }

    [Fact]
    public void Subject_ComparesBaseSubjects_DecodedAndCaseFolded()
    {
        using var driver = Selected(
            ("Subject: Re: beta", 0),
            ("Subject: =?utf-8?q?Alpha?=", 0),
            ("Subject: [list] Fwd: ALPHA (fwd)", 0),
            ("From: x@example.com", 0), // no subject: the empty string sorts first
            ("Subject: gamma", 0));
        driver.Command("s1 SORT (SUBJECT) UTF-8 ALL").Should().Equal("* SORT 4 2 3 1 5", "s1 OK SORT completed");
    }

    [Fact]
    public void Subject_FoldsCaseBeyondAscii()
    {
        // i;unicode-casemap's case mapping (RFC 5051, I18NLEVEL=1 as RFC 5256 asks): by code point "Б" < "Я" < "а".
        using var driver = Selected(("Subject: =?utf-8?b?0K/QsdC70L7QutC+?=", 0), ("Subject: =?utf-8?b?0LDQv9C10LvRjNGB0LjQvQ==?=", 0), ("Subject: =?utf-8?b?0JHQsNC90LDQvQ==?=", 0));
        driver.Command("s1 SORT (SUBJECT) UTF-8 ALL").Should().Equal("* SORT 2 3 1", "s1 OK SORT completed");
    }

    [Fact]
    public void FromToCc_CompareTheFirstAddressLocalPart_AGroupByItsName()
    {
        using var driver = Selected(
            ("From: Zed <b@z.example>\r\nTo: c@example.com\r\nCc: team: x@example.com;", 0),
            ("From: a@y.example\r\nTo: \"A\" <b@example.com>\r\nCc: m@example.com, a@example.com", 0),
            ("From: B@x.example\r\nTo: a@example.com", 0));
        driver.Command("s1 SORT (FROM) UTF-8 ALL").Should().Equal("* SORT 2 1 3", "s1 OK SORT completed");
        driver.Command("s2 SORT (TO) UTF-8 ALL").Should().Equal("* SORT 3 2 1", "s2 OK SORT completed");
        driver.Command("s3 SORT (CC) UTF-8 ALL").Should().Equal(new[] { "* SORT 3 2 1", "s3 OK SORT completed" }, "no Cc is the empty string; the group sorts by \"team\"");
    }

    [Fact]
    public void DisplayFromAndDisplayTo_UseTheDisplayName_ElseTheAddress()
    {
        using var driver = Selected(
            ("From: foo bar <a@b.c>\r\nTo: z: q@q.example;", 0),
            ("From: b@c.d\r\nTo: =?iso-8859-1?q?foo_aar?= <e@f.g>", 0),
            ("From: =?iso-8859-1?q?foo_aar?= <e@f.g>\r\nTo: b@c.d", 0));
        driver.Command("s1 SORT (DISPLAYFROM) UTF-8 ALL").Should().Equal("* SORT 2 3 1", "s1 OK SORT completed");
        driver.Command("s2 SORT (DISPLAYTO) UTF-8 ALL").Should().Equal("* SORT 3 2 1", "s2 OK SORT completed");
    }

    [Fact]
    public void SeveralCriteria_TheLaterBreakTheEarliersTies()
    {
        using var driver = Selected(("Subject: b", 0), ("Subject: a", 3), ("Subject: b", 1), ("Subject: a", 2));
        driver.Command("s1 SORT (SUBJECT REVERSE ARRIVAL) UTF-8 ALL").Should().Equal("* SORT 2 4 3 1", "s1 OK SORT completed");
    }

    [Fact]
    public void SearchKeys_FilterWhatIsSorted_AndUidSortAnswersUids()
    {
        using var driver = Selected(("Subject: c", 0), ("Subject: a", 0), ("Subject: b", 0), ("Subject: d", 0));
        driver.Command("e1 STORE 3 +FLAGS (\\Deleted)");
        driver.Command("e2 EXPUNGE");
        driver.Command("s1 SORT (SUBJECT) UTF-8 NOT SUBJECT d").Should().Equal("* SORT 2 1", "s1 OK SORT completed");
        driver.Command("s2 UID SORT (SUBJECT) UTF-8 ALL").Should().Equal("* SORT 2 1 4", "s2 OK UID SORT completed");
    }

    [Fact]
    public void UnknownCharset_IsNoBadCharset()
    {
        using var driver = Selected(("Subject: a", 0));
        driver.Command("s1 SORT (SUBJECT) KOI8-R ALL").Should().Equal("s1 NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset KOI8-R");
    }

    [Theory]
    [InlineData("s1 SORT (COLOR) UTF-8 ALL", "s1 BAD SORT: unknown sort key COLOR")]
    [InlineData("s1 SORT () UTF-8 ALL", "s1 BAD SORT: expected a sort key")]
    [InlineData("s1 SORT (SUBJECT) ALL", "s1 BAD SORT: expected a space")]
    [InlineData("s1 SORT SUBJECT UTF-8 ALL", "s1 BAD SORT: expected '(' opening the sort criteria")]
    [InlineData("s1 SORT (REVERSE) UTF-8 ALL", "s1 BAD SORT: expected a space")]
    public void MalformedCriteria_AreBad(string command, string reply)
    {
        using var driver = Selected(("Subject: a", 0));
        driver.Command(command).Should().Equal(reply);
    }

    [Fact]
    public void Return_AnswersEsearch_InSortOrder()
    {
        using var driver = Selected(("Subject: c", 0), ("Subject: a", 0), ("Subject: b", 0), ("Subject: d", 0));
        driver.Command("s1 SORT RETURN (MIN MAX COUNT ALL) (SUBJECT) UTF-8 ALL").Should().Equal("* ESEARCH (TAG \"s1\") MIN 2 MAX 4 ALL 2:3,1,4 COUNT 4", "s1 OK SORT completed");
        driver.Command("s2 UID SORT RETURN () (REVERSE SUBJECT) UTF-8 ALL").Should().Equal("* ESEARCH (TAG \"s2\") UID ALL 4,1,3,2", "s2 OK UID SORT completed");
        driver.Command("s3 SORT RETURN (COUNT) (SUBJECT) UTF-8 SUBJECT nothing").Should().Equal("* ESEARCH (TAG \"s3\") COUNT 0", "s3 OK SORT completed");
    }

    [Fact]
    public void ReturnSave_KeepsTheResultForDollar()
    {
        using var driver = Selected(("Subject: c", 0), ("Subject: a", 0), ("Subject: b", 0));
        driver.Command("s1 SORT RETURN (SAVE) (SUBJECT) UTF-8 NOT SUBJECT a").Should().Equal("s1 OK SORT completed");
        driver.Command("s2 SEARCH $").Should().Equal("* SEARCH 1 3", "s2 OK SEARCH completed");
        driver.Command("s3 SORT (SUBJECT) UTF-8 $").Should().Equal("* SORT 3 1", "s3 OK SORT completed");
    }

    [Fact]
    public void ModSeqKey_AddsTheHighestModSeq_AndEnablesCondStore()
    {
        using var driver = Selected(("Subject: b", 0), ("Subject: a", 0), ("Subject: c", 0));
        driver.Command("s1 SORT (SUBJECT) UTF-8 MODSEQ 3").Should().Equal("* OK [HIGHESTMODSEQ 4] highest modseq", "* SORT 2 3 (MODSEQ 4)", "s1 OK SORT completed");
        driver.Command("s2 SORT RETURN (MIN) (SUBJECT) UTF-8 MODSEQ 1").Should().Equal(new[] { "* ESEARCH (TAG \"s2\") MIN 2 MODSEQ 3", "s2 OK SORT completed" }, "with MIN only, the MODSEQ of the message returned");
    }

    [Fact]
    public void Capabilities_AdvertiseSortDisplayAndEsort_AndDisablingSortTakesThemAway()
    {
        using (var driver = Selected(("Subject: a", 0)))
        {
            driver.Command("c1 CAPABILITY")[0].Should().Contain(" SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES ");
        }

        var options = ImapSessionDriver.DefaultOptions() with { DisabledCapabilities = new HashSet<string>(["SORT"], StringComparer.OrdinalIgnoreCase) };
        using var off = Selected(options, ("Subject: a", 0));
        off.Command("c1 CAPABILITY")[0].Should().NotContain("SORT");
        off.Command("s1 SORT (SUBJECT) UTF-8 ALL").Should().Equal("s1 BAD unknown command SORT");
    }

    [Fact]
    public void WithoutSortDisplay_DisplayKeysAreUnknown_AndWithoutEsortReturnIsBad()
    {
        var options = ImapSessionDriver.DefaultOptions() with { DisabledCapabilities = new HashSet<string>(["SORT=DISPLAY", "ESORT"], StringComparer.OrdinalIgnoreCase) };
        using var driver = Selected(options, ("Subject: a", 0));
        driver.Command("c1 CAPABILITY")[0].Should().Contain(" SORT ").And.NotContain("SORT=DISPLAY").And.NotContain("ESORT");
        driver.Command("s1 SORT (DISPLAYFROM) UTF-8 ALL").Should().Equal("s1 BAD SORT: unknown sort key DISPLAYFROM");
        driver.Command("s2 SORT RETURN (ALL) (SUBJECT) UTF-8 ALL").Should().Equal("s2 BAD SORT: expected '(' opening the sort criteria");
    }
}
