using MailLab.Mail.Stores;
using MailLab.Mail.World;
using MimeKit;

namespace MailLab.Testing;

/// <summary>The envelope of an SMTP transaction (RFC 5321 §3.3): MAIL FROM's reverse path and the RCPT TO addresses.</summary>
public sealed record MailEnvelope(string MailFrom, IReadOnlyList<string> RcptTo);

/// <summary>
/// One message as a host stored it: its envelope, its headers and MIME tree (MimeKit), its raw
/// bytes, and its journey read from the trace. <see cref="To"/> are the envelope recipients this
/// copy was stored for (Bcc recipients included, as a test of an app expects).
/// </summary>
public sealed class ReceivedMail
{
    private readonly MailWorld _world;
    private readonly StoredMessage _stored;
    private MimeMessage? _message;
    private IReadOnlyList<MailAttachment>? _attachments;
    private IReadOnlyList<string>? _links;

    internal ReceivedMail(long cursor, MailWorld world, StoredMessage stored)
    {
        Cursor = cursor;
        _world = world;
        _stored = stored;
        Envelope = new MailEnvelope(stored.Sender, stored.Recipients);
    }

    /// <summary>Its place in the server's arrival order: a cursor "after" this value skips it.</summary>
    public long Cursor { get; }

    /// <summary>The host that stored this copy.</summary>
    public string Host => _stored.HostName;

    public string TraceId => _stored.TraceId;

    public DateTimeOffset Received => _stored.Received;

    public MailEnvelope Envelope { get; }

    /// <summary>The envelope recipients (RCPT TO) this copy was stored for.</summary>
    public IReadOnlyList<string> To => Envelope.RcptTo;

    /// <summary>The From header's address(es), as written (RFC 5322 §3.6.2).</summary>
    public string From => Message.From.ToString();

    public string Subject => Message.Subject ?? string.Empty;

    public byte[] Raw => _stored.Data;

    /// <summary>The message parsed by MimeKit (once, on first use).</summary>
    public MimeMessage Message
    {
        get
        {
            if (_message is null)
            {
                using var stream = new MemoryStream(_stored.Data, writable: false);
                _message = MimeMessage.Load(stream);
            }

            return _message;
        }
    }

    /// <summary>The text/plain body (MimeKit's choice among alternatives), or null.</summary>
    public string? TextBody => Message.TextBody;

    /// <summary>The text/html body, or null.</summary>
    public string? HtmlBody => Message.HtmlBody;

    /// <summary>Its attachments, decoded.</summary>
    public IReadOnlyList<MailAttachment> Attachments => _attachments ??= MailContent.Attachments(Message);

    /// <summary>The HTML body's anchors' href values, then the URLs in the text body, each once, in order.</summary>
    public IReadOnlyList<string> Links => _links ??= MailContent.Links(Message);

    /// <summary>
    /// The first number of exactly <paramref name="digits"/> digits in the text a reader sees (the text
    /// body, else the HTML body's text), such as a one-time code; null when there is none.
    /// </summary>
    public string? FindCode(int digits = 6) => MailContent.FindCode(MailContent.VisibleText(Message), digits);

    /// <summary>The first match of <paramref name="pattern"/> in the text a reader sees (its first group when it has one); null when none.</summary>
    public string? FindCode(System.Text.RegularExpressions.Regex pattern) => MailContent.FindCode(MailContent.VisibleText(Message), pattern);

    /// <summary>How it travelled, read from the trace now (a later read sees later hops, such as a POP3 retrieval).</summary>
    public MailJourney Journey => MailJourney.Read(_world, TraceId);

    /// <summary>
    /// The SMTP transactions that brought it, read from the transcripts now: the ones refused since
    /// the previous copy of the same envelope (an app that retried after a 451, say), then its own.
    /// </summary>
    public IReadOnlyList<SubmissionAttempt> Attempts => SubmissionAttempt.Of(_world, this);

    public override string ToString() => $"from <{Envelope.MailFrom}> to {string.Join(", ", To)}: \"{Subject}\"";
}
