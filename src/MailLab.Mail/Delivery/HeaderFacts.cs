using MimeKit;

namespace MailLab.Mail.Delivery;

/// <summary>
/// What cleanup and a stored message's summary need from a header block, read with MimeKit's
/// event-style <see cref="MimeReader"/> (no <see cref="HeaderList"/> is built, with its index and
/// change events for every header): how many Received headers there are and the second of them
/// (the previous hop's), whether Message-ID and Date are present, and the first Subject and From.
/// One reader per thread is given each header block in turn (a new reader allocates its read-ahead
/// buffer), so what <see cref="Read"/> returns is valid until the next call on the same thread.
/// </summary>
internal sealed class HeaderFacts : MimeReader
{
    [ThreadStatic]
    private static HeaderFacts? PerThread;

    private HeaderFacts()
        : base(Stream.Null, MimeFormat.Entity)
    {
    }

    public int Received { get; private set; }

    public bool HasMessageId { get; private set; }

    public bool HasDate { get; private set; }

    /// <summary>The second Received header: the one the previous hop wrote, below ours.</summary>
    public Header? SecondReceived { get; private set; }

    public Header? Subject { get; private set; }

    public Header? From { get; private set; }

    /// <summary>Reads the header block of <paramref name="headers"/>; null when MimeKit cannot parse it.</summary>
    public static HeaderFacts? Read(Stream headers)
    {
        var reader = PerThread ??= new HeaderFacts();
        reader.Received = 0;
        reader.HasMessageId = false;
        reader.HasDate = false;
        reader.SecondReceived = null;
        reader.Subject = null;
        reader.From = null;
        reader.SetStream(headers, MimeFormat.Entity);
        try
        {
            reader.ReadHeaders(CancellationToken.None);
            return reader;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken)
    {
        switch (header.Id)
        {
            case HeaderId.Received:
                if (++Received == 2)
                {
                    SecondReceived = header;
                }

                break;
            case HeaderId.MessageId:
                HasMessageId = true;
                break;
            case HeaderId.Date:
                HasDate = true;
                break;
            case HeaderId.Subject:
                Subject ??= header;
                break;
            case HeaderId.From:
                From ??= header;
                break;
        }
    }
}
