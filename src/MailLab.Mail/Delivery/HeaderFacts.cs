using MimeKit;

namespace MailLab.Mail.Delivery;

/// <summary>
/// What cleanup and a stored message's summary need from a header block: how many Received headers
/// there are, the first (in content arriving, the sending hop's) and the second (in a stored
/// message, the previous hop's, after our own), whether Message-ID and Date are present,
/// and the first Subject and From. A value the caller owns: each <see cref="Read(Stream)"/> returns its own.
/// </summary>
/// <remarks>
/// A well-formed block (every line ended by CRLF, every field "name:" with a name of printable
/// ASCII, RFC 5322 §2.2 and §3.6.8, up to an empty line) is read by <see cref="HeaderScanner"/>,
/// which only notes where the fields are: a <see cref="Header"/> is made by MimeKit from a field's
/// bytes when it is asked for. Anything else (bare LF or CR, a line that is no field, no empty line)
/// is read by MimeKit's reader, whose leniency then decides.
/// </remarks>
internal readonly struct HeaderFacts(int received, bool hasMessageId, bool hasDate, HeaderFacts.Field firstReceived, HeaderFacts.Field secondReceived, HeaderFacts.Field subject, HeaderFacts.Field from)
{
    [ThreadStatic]
    private static Reader? PerThread;

    public int Received { get; } = received;

    public bool HasMessageId { get; } = hasMessageId;

    public bool HasDate { get; } = hasDate;

    public Header? FirstReceived => firstReceived.Header;

    /// <summary>The first Received field's raw value (the octets after its colon, folds and final CRLF included), without making a <see cref="Header"/>.</summary>
    public ReadOnlySpan<byte> FirstReceivedRawValue => firstReceived.RawValue;

    public Header? SecondReceived => secondReceived.Header;

    public Header? Subject => subject.Header;

    public Header? From => from.Header;

    /// <summary>Reads the header block of <paramref name="headers"/>; null when MimeKit cannot parse it.</summary>
    public static HeaderFacts? Read(Stream headers)
    {
        if (headers is MemoryStream memory && memory.TryGetBuffer(out var buffer) && HeaderScanner.TryScan(buffer.AsMemory((int)memory.Position), out var scanned))
        {
            return scanned;
        }

        return ReadWithMimeKit(headers);
    }

    /// <summary>Reads the header block at the start of <paramref name="content"/>; null when MimeKit cannot parse it.</summary>
    public static HeaderFacts? Read(ReadOnlyMemory<byte> content)
    {
        if (HeaderScanner.TryScan(content, out var scanned))
        {
            return scanned;
        }

        using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return ReadWithMimeKit(stream);
    }

    /// <summary>MimeKit's reader alone (the scanner's reference in tests).</summary>
    internal static HeaderFacts? ReadWithMimeKit(Stream headers)
    {
        // A reader allocates its read-ahead buffer, so each thread keeps one and gives it each block in
        // turn; what it found is copied out before the call returns.
        var reader = PerThread ??= new Reader();
        try
        {
            return reader.Read(headers);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>One field of the block: the octets of the whole field (name to final CRLF), or the header MimeKit's reader made.</summary>
    internal readonly struct Field
    {
        private readonly Header? _header;
        private readonly ReadOnlyMemory<byte> _octets;
        private readonly int _valueAt;

        public Field(Header header) => _header = header;

        /// <param name="valueAt">Where the raw value starts in <paramref name="octets"/> (after the colon).</param>
        public Field(ReadOnlyMemory<byte> octets, int valueAt)
        {
            _octets = octets;
            _valueAt = valueAt;
        }

        public bool IsEmpty => _header is null && _octets.IsEmpty;

        public ReadOnlySpan<byte> RawValue => _header is { } header ? header.RawValue : _octets.Span[_valueAt..];

        /// <summary>The field as MimeKit parses it on its own (the same name, raw value and decoded value as its reader gives).</summary>
        public Header? Header
        {
            get
            {
                if (_header is not null || _octets.IsEmpty)
                {
                    return _header;
                }

                var octets = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_octets, out var segment)
                    ? segment
                    : new ArraySegment<byte>(_octets.ToArray());
                // With the default options given, not their copy (the overload without options clones them, registry and all).
                return MimeKit.Header.TryParse(ParserOptions.Default, segment.Array!, segment.Offset, segment.Count, out var parsed) ? parsed : null;
            }
        }
    }

    /// <summary>MimeKit's event-style reader (no <see cref="HeaderList"/> is built, with its index and change events for every header).</summary>
    private sealed class Reader() : MimeReader(Stream.Null, MimeFormat.Entity)
    {
        private int _received;
        private bool _hasMessageId;
        private bool _hasDate;
        private Header? _firstReceived;
        private Header? _secondReceived;
        private Header? _subject;
        private Header? _from;

        public HeaderFacts Read(Stream headers)
        {
            SetStream(headers, MimeFormat.Entity);
            try
            {
                ReadHeaders(CancellationToken.None);
                return new HeaderFacts(_received, _hasMessageId, _hasDate, Of(_firstReceived), Of(_secondReceived), Of(_subject), Of(_from));
            }
            finally
            {
                (_received, _hasMessageId, _hasDate) = (0, false, false);
                (_firstReceived, _secondReceived, _subject, _from) = (null, null, null, null);
                SetStream(Stream.Null, MimeFormat.Entity);
            }
        }

        protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
        {
            switch (header.Id)
            {
                case HeaderId.Received:
                    _received++;
                    _firstReceived ??= header;
                    _secondReceived = _received == 2 ? header : _secondReceived;
                    break;
                case HeaderId.MessageId:
                    _hasMessageId = true;
                    break;
                case HeaderId.Date:
                    _hasDate = true;
                    break;
                case HeaderId.Subject:
                    _subject ??= header;
                    break;
                case HeaderId.From:
                    _from ??= header;
                    break;
            }
        }

        private static Field Of(Header? header) => header is null ? default : new Field(header);
    }
}
