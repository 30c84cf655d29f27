namespace MailLab.Protocol.Imap.Parsing;

/// <summary>Parses FETCH attributes (RFC 9051 §6.4.5) and modifiers; the reader stands after the sequence set and its space.</summary>
internal static class FetchParser
{
    public static FetchRequest Parse(ImapReader r)
    {
        var items = new List<FetchItem>();
        if (r.TryConsume('('))
        {
            items.Add(ReadItem(r));
            while (r.TryConsume(' '))
            {
                items.Add(ReadItem(r));
            }

            r.Expect(')', "')' closing the fetch attributes");
        }
        else if (r.TryConsumeWord("ALL"))
        {
            items.AddRange([new(FetchKind.Flags), new(FetchKind.InternalDate), new(FetchKind.Rfc822Size), new(FetchKind.Envelope)]);
        }
        else if (r.TryConsumeWord("FAST"))
        {
            items.AddRange([new(FetchKind.Flags), new(FetchKind.InternalDate), new(FetchKind.Rfc822Size)]);
        }
        else if (r.TryConsumeWord("FULL"))
        {
            items.AddRange([new(FetchKind.Flags), new(FetchKind.InternalDate), new(FetchKind.Rfc822Size), new(FetchKind.Envelope), new(FetchKind.Body)]);
        }
        else
        {
            items.Add(ReadItem(r));
        }

        ulong? changedSince = null;
        var vanished = false;
        if (r.TryConsume(' '))
        {
            // fetch-modifiers (RFC 4466 §2.4): SP "(" modifier *(SP modifier) ")".
            r.Expect('(', "'(' opening the fetch modifiers");
            do
            {
                var name = r.ReadAtom("a fetch modifier").ToUpperInvariant();
                switch (name)
                {
                    case "CHANGEDSINCE":
                        r.Space();
                        changedSince = r.ReadNumber64();
                        break;
                    case "VANISHED":
                        vanished = true;
                        break;
                    default:
                        throw new ImapSyntaxException($"unknown fetch modifier {name}");
                }
            }
            while (r.TryConsume(' '));

            r.Expect(')', "')' closing the fetch modifiers");
        }

        r.End();
        return new FetchRequest(items, changedSince, vanished);
    }

    private static bool IsNameChar(byte b) => ImapReader.IsAtomChar(b) && b != '[' && b != '<';

    private static FetchItem ReadItem(ImapReader r)
    {
        var name = r.ReadWhile(IsNameChar, "a fetch attribute").ToUpperInvariant();
        switch (name)
        {
            case "FLAGS": return new(FetchKind.Flags);
            case "INTERNALDATE": return new(FetchKind.InternalDate);
            case "RFC822.SIZE": return new(FetchKind.Rfc822Size);
            case "UID": return new(FetchKind.Uid);
            case "ENVELOPE": return new(FetchKind.Envelope);
            case "BODYSTRUCTURE": return new(FetchKind.BodyStructure);
            case "MODSEQ": return new(FetchKind.ModSeq);
            case "RFC822": return new(FetchKind.Rfc822);
            case "RFC822.HEADER": return new(FetchKind.Rfc822Header);
            case "RFC822.TEXT": return new(FetchKind.Rfc822Text);
            case "BODY" when r.Peek() != '[': return new(FetchKind.Body);
            case "BODY" or "BODY.PEEK":
                return new(FetchKind.BodySection) { Peek = name == "BODY.PEEK", Section = ReadSection(r, binary: false), Partial = ReadPartial(r) };
            case "BINARY" or "BINARY.PEEK":
                return new(FetchKind.BinarySection) { Peek = name == "BINARY.PEEK", Section = ReadSection(r, binary: true), Partial = ReadPartial(r) };
            case "BINARY.SIZE":
                return new(FetchKind.BinarySize) { Section = ReadSection(r, binary: true) };
            default:
                throw new ImapSyntaxException($"unknown fetch attribute {name}");
        }
    }

    /// <summary>"[" [section-spec] "]"; BINARY takes only a part path (RFC 3516 §4.2).</summary>
    private static SectionSpec ReadSection(ImapReader r, bool binary)
    {
        r.Expect('[', "'[' opening the section");
        if (r.TryConsume(']'))
        {
            return SectionSpec.Whole;
        }

        var part = new List<int>();
        var c = r.Peek();
        while (c >= '1' && c <= '9')
        {
            part.Add((int)Math.Min(r.ReadNzNumber(), int.MaxValue));
            if (!r.TryConsume('.'))
            {
                break;
            }

            c = r.Peek();
            if (c < '0' || c > '9')
            {
                break;
            }
        }

        if (r.TryConsume(']'))
        {
            return new SectionSpec(part, SectionText.None, []);
        }

        if (binary)
        {
            throw new ImapSyntaxException("BINARY takes a part number only");
        }

        var text = r.ReadWhile(b => ImapReader.IsAtomChar(b) && b != '[', "a section text").ToUpperInvariant();
        SectionSpec spec;
        switch (text)
        {
            case "HEADER": spec = new(part, SectionText.Header, []); break;
            case "TEXT": spec = new(part, SectionText.Text, []); break;
            case "MIME" when part.Count > 0: spec = new(part, SectionText.Mime, []); break;
            case "HEADER.FIELDS" or "HEADER.FIELDS.NOT":
                r.Space();
                r.Expect('(', "'(' opening the header list");
                var fields = new List<string> { r.ReadAstring("a header field name") };
                while (r.TryConsume(' '))
                {
                    fields.Add(r.ReadAstring("a header field name"));
                }

                r.Expect(')', "')' closing the header list");
                spec = new(part, text == "HEADER.FIELDS" ? SectionText.HeaderFields : SectionText.HeaderFieldsNot, fields);
                break;
            default:
                throw new ImapSyntaxException($"invalid section {text}");
        }

        r.Expect(']', "']' closing the section");
        return spec;
    }

    /// <summary>partial = "&lt;" number64 "." nz-number64 "&gt;".</summary>
    private static (long, long)? ReadPartial(ImapReader r)
    {
        if (!r.TryConsume('<'))
        {
            return null;
        }

        var start = r.ReadNumber64();
        r.Expect('.', "'.' in the partial range");
        var length = r.ReadNumber64();
        if (length == 0)
        {
            throw new ImapSyntaxException("a partial length must not be zero");
        }

        r.Expect('>', "'>' closing the partial range");
        return ((long)start, (long)length);
    }
}
