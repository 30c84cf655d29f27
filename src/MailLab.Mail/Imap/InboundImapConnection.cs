using MailLab.Protocol.Imap;

namespace MailLab.Mail.Imap;

/// <summary>One inbound IMAP connection: its session; <see cref="Dispose"/> ends it and releases its folder and account.</summary>
public sealed class InboundImapConnection : IDisposable
{
    private int _disposed;

    internal InboundImapConnection(ImapServerSession session)
    {
        Session = session;
    }

    public ImapServerSession Session { get; }

    public TimeSpan IdleTimeout => Session.IdleTimeout;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Session.Dispose();
        }
    }
}
