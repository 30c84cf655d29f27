using MimeKit;

namespace MailLab.Mail.Delivery;

/// <summary>
/// What cleanup and a stored message's summary need from a header block: how many Received headers
/// there are, the first (in content arriving, the sending hop's) and the second (in a stored
/// message, the previous hop's, after our own), whether Message-ID and Date are present,
/// and the first Subject and From. A value the caller owns: each <see cref="Read"/> returns its own.
/// </summary>
internal readonly record struct HeaderFacts(int Received, bool HasMessageId, bool HasDate, Header? FirstReceived, Header? SecondReceived, Header? Subject, Header? From)
{
    [ThreadStatic]
    private static Reader? PerThread;

    /// <summary>Reads the header block of <paramref name="headers"/>; null when MimeKit cannot parse it.</summary>
    public static HeaderFacts? Read(Stream headers)
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

    /// <summary>MimeKit's event-style reader (no <see cref="HeaderList"/> is built, with its index and change events for every header).</summary>
    private sealed class Reader() : MimeReader(Stream.Null, MimeFormat.Entity)
    {
        private HeaderFacts _found;

        public HeaderFacts Read(Stream headers)
        {
            _found = default;
            SetStream(headers, MimeFormat.Entity);
            try
            {
                ReadHeaders(CancellationToken.None);
                return _found;
            }
            finally
            {
                _found = default;
                SetStream(Stream.Null, MimeFormat.Entity);
            }
        }

        protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
        {
            switch (header.Id)
            {
                case HeaderId.Received:
                    var count = _found.Received + 1;
                    _found = _found with { Received = count, FirstReceived = count == 1 ? header : _found.FirstReceived, SecondReceived = count == 2 ? header : _found.SecondReceived };
                    break;
                case HeaderId.MessageId:
                    _found = _found with { HasMessageId = true };
                    break;
                case HeaderId.Date:
                    _found = _found with { HasDate = true };
                    break;
                case HeaderId.Subject when _found.Subject is null:
                    _found = _found with { Subject = header };
                    break;
                case HeaderId.From when _found.From is null:
                    _found = _found with { From = header };
                    break;
            }
        }
    }
}
