using MailLab.Protocol.Imap.Parsing;
using MimeKit;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>Where an entity or message lies in the raw bytes: its start, the end of its header (after the blank line) and its end.</summary>
internal readonly record struct ByteRange(long Begin, long HeadersEnd, long End, int Lines);

/// <summary>
/// MimeKit's parse of one stored message, with every entity's and embedded message's byte offsets
/// from the parser's events, so FETCH sections are cut from the stored bytes exactly as they are
/// (RFC 9051 §6.4.5) and never re-serialised. Parsed once per message and session.
/// </summary>
internal sealed class ParsedMessage
{
    private readonly Dictionary<MimeEntity, ByteRange> _entities = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MimeMessage, ByteRange> _messages = new(ReferenceEqualityComparer.Instance);

    public ParsedMessage(ReadOnlyMemory<byte> raw)
    {
        Raw = raw;
        using var stream = new MemoryStream(raw.ToArray(), writable: false);
        var parser = new MimeParser(stream, MimeFormat.Entity, persistent: false);
        parser.MimeEntityEnd += (_, e) => _entities[e.Entity] = new ByteRange(e.BeginOffset, e.HeadersEndOffset, e.EndOffset, e.Lines);
        parser.MimeMessageEnd += (_, e) => _messages[e.Message] = new ByteRange(e.BeginOffset, e.HeadersEndOffset, e.EndOffset, 0);
        Message = parser.ParseMessage();
    }

    public ReadOnlyMemory<byte> Raw { get; }

    public MimeMessage Message { get; }

    public ByteRange RangeOf(MimeEntity entity) => _entities.TryGetValue(entity, out var r) ? r : new ByteRange(0, 0, 0, 0);

    public ByteRange RangeOf(MimeMessage message) => _messages.TryGetValue(message, out var r) ? r : new ByteRange(0, 0, Raw.Length, 0);

    /// <summary>The body octets of an entity (after its header).</summary>
    public ReadOnlyMemory<byte> BodyOf(MimeEntity entity)
    {
        var r = RangeOf(entity);
        return Slice(r.HeadersEnd, r.End);
    }

    public ReadOnlyMemory<byte> Slice(long from, long to)
    {
        from = Math.Clamp(from, 0, Raw.Length);
        to = Math.Clamp(to, from, Raw.Length);
        return Raw[(int)from..(int)to];
    }

    /// <summary>
    /// The octets of a section (RFC 9051 §6.4.5), or null when the part does not exist. Part
    /// numbers index a multipart's children; a non-multipart message has one part, 1; a
    /// message/rfc822 part's numbers go on into the embedded message.
    /// </summary>
    public ReadOnlyMemory<byte>? Section(SectionSpec spec)
    {
        object node = Message;
        foreach (var n in spec.Part)
        {
            var next = Child(node, n);
            if (next is null)
            {
                return null;
            }

            node = next;
        }

        var message = node switch
        {
            MimeMessage m => m,
            MessagePart mp => mp.Message,
            _ => null,
        };
        switch (spec.Text)
        {
            case SectionText.None:
                if (node is MimeMessage whole)
                {
                    var r = RangeOf(whole);
                    return Slice(r.Begin, r.End);
                }

                return BodyOf((MimeEntity)node);
            case SectionText.Mime:
                if (node is not MimeEntity entity)
                {
                    return null;
                }

                var er = RangeOf(entity);
                return Slice(er.Begin, er.HeadersEnd);
            case SectionText.Header or SectionText.HeaderFields or SectionText.HeaderFieldsNot when message is not null:
                var mr = RangeOf(message);
                var header = Slice(mr.Begin, mr.HeadersEnd);
                return spec.Text == SectionText.Header ? header : HeaderFields.Filter(header, spec.Fields, spec.Text == SectionText.HeaderFieldsNot);
            case SectionText.Text when message is not null:
                var tr = RangeOf(message);
                return Slice(tr.HeadersEnd, tr.End);
            default:
                return null;
        }
    }

    /// <summary>The entity a part path names, for BINARY (RFC 3516) and BODYSTRUCTURE; null if none.</summary>
    public MimeEntity? Entity(IReadOnlyList<int> part)
    {
        object node = Message;
        foreach (var n in part)
        {
            node = Child(node, n)!;
            if (node is null)
            {
                return null;
            }
        }

        return node switch
        {
            MimeMessage m => m.Body,
            MimeEntity e => e,
            _ => null,
        };
    }

    private static object? Child(object node, int n)
    {
        var body = node switch
        {
            MimeMessage m => m.Body,
            MessagePart mp => mp.Message?.Body,
            MimeEntity e => e,
            _ => null,
        };
        if (body is Multipart multipart)
        {
            return n >= 1 && n <= multipart.Count ? multipart[n - 1] : null;
        }

        // A non-multipart message (top level or embedded) has exactly one part.
        return n == 1 && node is MimeMessage or MessagePart && body is not null ? body : null;
    }
}
