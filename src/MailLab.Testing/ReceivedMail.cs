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

    /// <summary>How it travelled, read from the trace now (a later read sees later hops, such as a POP3 retrieval).</summary>
    public MailJourney Journey => MailJourney.Read(_world, TraceId);

    /// <summary>
    /// The SMTP transactions that brought it, read from the transcripts now: the ones refused since
    /// the previous copy of the same envelope (an app that retried after a 451, say), then its own.
    /// </summary>
    public IReadOnlyList<SubmissionAttempt> Attempts => SubmissionAttempt.Of(_world, this);

    public override string ToString() => $"from <{Envelope.MailFrom}> to {string.Join(", ", To)}: \"{Subject}\"";
}
