using System.Text;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>FETCH attributes and section specs (RFC 9051 §6.4.5, RFC 3516 BINARY, RFC 7162 modifiers).</summary>
public sealed class ImapFetchParserTests
{
    private static FetchRequest Parse(string text) => FetchParser.Parse(new ImapReader(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("ALL", 4)]
    [InlineData("FAST", 3)]
    [InlineData("FULL", 5)]
    [InlineData("(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY BODYSTRUCTURE MODSEQ RFC822 RFC822.HEADER RFC822.TEXT)", 11)]
    public void Macros_AndLists(string text, int count)
    {
        Parse(text).Items.Should().HaveCount(count);
    }

    [Fact]
    public void Section_WithPartHeaderFieldsAndPartial()
    {
        var item = Parse("BODY[1.2.HEADER.FIELDS (A B)]<0.100>").Items.Single();
        item.Kind.Should().Be(FetchKind.BodySection);
        item.Section.Part.Should().Equal(1, 2);
        item.Section.Text.Should().Be(SectionText.HeaderFields);
        item.Section.Fields.Should().Equal("A", "B");
        item.Partial.Should().Be((0L, 100L));
        item.Peek.Should().BeFalse();
        item.SetsSeen.Should().BeTrue();
        item.Section.ToString().Should().Be("1.2.HEADER.FIELDS (A B)");
    }

    [Theory]
    [InlineData("BODY.PEEK[]", "BodySection", "", true)]
    [InlineData("BODY[TEXT]", "BodySection", "TEXT", false)]
    [InlineData("BODY[HEADER]", "BodySection", "HEADER", false)]
    [InlineData("BODY[2.MIME]", "BodySection", "2.MIME", false)]
    [InlineData("BODY[3]", "BodySection", "3", false)]
    [InlineData("BODY[1.HEADER.FIELDS.NOT (X)]", "BodySection", "1.HEADER.FIELDS.NOT (X)", false)]
    [InlineData("BINARY[1]", "BinarySection", "1", false)]
    [InlineData("BINARY.PEEK[1.2]", "BinarySection", "1.2", true)]
    [InlineData("BINARY.SIZE[2]", "BinarySize", "2", false)]
    public void Sections(string text, string kind, string section, bool peek)
    {
        var item = Parse(text).Items.Single();
        item.Kind.ToString().Should().Be(kind);
        item.Section.ToString().Should().Be(section);
        item.Peek.Should().Be(peek);
    }

    [Fact]
    public void Modifiers_ChangedSinceAndVanished()
    {
        var request = Parse("(FLAGS) (CHANGEDSINCE 12345 VANISHED)");
        request.ChangedSince.Should().Be(12345UL);
        request.Vanished.Should().BeTrue();
    }

    [Theory]
    [InlineData("BODY[")]
    [InlineData("BODY[MIME]")]
    [InlineData("BODY[1.FOO]")]
    [InlineData("BODY[]<1>")]
    [InlineData("BODY[]<0.0>")]
    [InlineData("BINARY[TEXT]")]
    [InlineData("BODY[HEADER.FIELDS ()]")]
    [InlineData("FOO")]
    [InlineData("(FLAGS")]
    [InlineData("FLAGS (CHANGEDSINCE)")]
    [InlineData("FLAGS (BAR)")]
    public void Malformed_IsASyntaxError(string text)
    {
        var act = () => Parse(text);
        act.Should().Throw<ImapSyntaxException>();
    }
}
