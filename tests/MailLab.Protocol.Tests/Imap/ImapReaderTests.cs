using System.Text;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>The argument types of RFC 9051 §9, read from framed commands.</summary>
public sealed class ImapReaderTests
{
    private static ImapReader Reader(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("INBOX", "INBOX")]
    [InlineData("\"a b\"", "a b")]
    [InlineData("\"q\\\"uote\\\\d\"", "q\"uote\\d")]
    [InlineData("\"\"", "")]
    [InlineData("{3}\r\nabc", "abc")]
    [InlineData("{3+}\r\na\"c", "a\"c")]
    [InlineData("{0}\r\n", "")]
    [InlineData("a]b", "a]b")]
    [InlineData("\"Входящие\"", "Входящие")]
    [InlineData("~foo", "~foo")]
    [InlineData("~{3}\r\nabc", "abc")]
    public void Astring_IsRead(string text, string expected)
    {
        var r = Reader(text);
        r.ReadAstring().Should().Be(expected);
        r.AtEnd.Should().BeTrue();
    }

    [Theory]
    [InlineData("\"abc", "unterminated quoted string")]
    [InlineData("\"a\\bc\"", "invalid escape in quoted string")]
    [InlineData("{5}\r\nabc", "literal is shorter than announced")]
    [InlineData("{3}abc", "expected a line end after the literal size")]
    [InlineData("(x)", "expected a string")]
    [InlineData("", "expected a string")]
    public void Astring_Malformed_IsASyntaxError(string text, string message)
    {
        var act = () => Reader(text).ReadAstring();
        act.Should().Throw<ImapSyntaxException>().WithMessage(message);
    }

    [Fact]
    public void Literal_WithNul_IsRefused_ButLiteral8_IsNot()
    {
        var act = () => Reader("{3}\r\na\0c").ReadLiteral(out _);
        act.Should().Throw<ImapSyntaxException>();
        Reader("~{3}\r\na\0c").ReadLiteral(out var binary).Length.Should().Be(3);
        binary.Should().BeTrue();
    }

    [Fact]
    public void NString_ReadsNil()
    {
        Reader("NIL").ReadNString().Should().BeNull();
        Reader("\"NIL\"").ReadNString().Should().Be("NIL");
    }

    [Theory]
    [InlineData("1", 1u, 1u)]
    [InlineData("1:*", 1u, SequenceRange.Star)]
    [InlineData("*:3", SequenceRange.Star, 3u)]
    [InlineData("5:2", 2u, 5u)]
    public void SequenceSet_Ranges(string text, uint first, uint last)
    {
        var set = Reader(text).ReadSequenceSet();
        set.Ranges.Should().ContainSingle().Which.Should().Be(new SequenceRange(first, last));
    }

    [Fact]
    public void SequenceSet_ListsAndSavedResult()
    {
        var set = Reader("1,3:4,7:*").ReadSequenceSet();
        set.Ranges.Should().HaveCount(3);
        set.Contains(4, 10).Should().BeTrue();
        set.Contains(5, 10).Should().BeFalse();
        set.Contains(10, 10).Should().BeTrue();
        // RFC 9051 §9: "x:*" includes "*" even when x is past it.
        Reader("20:*").ReadSequenceSet().Contains(10, 10).Should().BeTrue();
        // 4294967295 is a UID, not "*": a range above the largest UID holds nothing (imaptest search-sets).
        Reader("11:4294967295").ReadSequenceSet().Contains(10, 10).Should().BeFalse();
        Reader("4294967295").ReadSequenceSet().Contains(10, 10).Should().BeFalse();
        Reader("$").ReadSequenceSet().IsSaved.Should().BeTrue();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1:")]
    [InlineData(",1")]
    [InlineData("a")]
    [InlineData("99999999999")]
    public void SequenceSet_Malformed_IsASyntaxError(string text)
    {
        var act = () => Reader(text).ReadSequenceSet();
        act.Should().Throw<ImapSyntaxException>();
    }

    [Fact]
    public void SequenceSet_Format_MakesRanges()
    {
        SequenceSet.Format([5, 1, 2, 3, 9]).Should().Be("1:3,5,9");
        SequenceSet.FormatOrdered([4, 5, 2]).Should().Be("4:5,2");
    }

    [Fact]
    public void Tag_StopsAtPlusAndSpace()
    {
        Reader("a.1 X").ReadTag().Should().Be("a.1");
        var act = () => Reader("+a").ReadTag();
        act.Should().Throw<ImapSyntaxException>();
    }
}
