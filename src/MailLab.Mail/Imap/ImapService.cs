using System.Net;
using MailLab.Protocol.Imap;

namespace MailLab.Mail.Imap;

/// <summary>
/// A host's IMAP service (MailLab's own; Windows Server 2003's POP3 service had no IMAP): its
/// switch, its ports, and the sessions it accepts over the host's mailbox store, with the same
/// accounts as the host's POP3 service.
/// </summary>
public sealed class ImapService
{
    internal ImapService(World.MailHost host)
    {
        Host = host;
    }

    public World.MailHost Host { get; }

    /// <summary>Whether the host runs IMAP (the topology's <c>imap: enabled</c>).</summary>
    public bool Enabled { get; set; }

    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>IMAP with STARTTLS (143 on a real server).</summary>
    public int Port { get; set; } = 143;

    /// <summary>IMAPS, TLS from the first byte (993 on a real server, RFC 8314).</summary>
    public int ImplicitTlsPort { get; set; } = 993;

    /// <summary>The autologout timer (RFC 9051 §5.4: at least 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Opens a session for a new connection and writes the greeting into its output (or a BYE when switched off).</summary>
    public InboundImapConnection Accept(EndPoint? remote, EndPoint? local, bool tlsAvailable, bool implicitTls)
    {
        var options = new ImapServerOptions
        {
            HostName = Host.Name,
            TlsAvailable = tlsAvailable && !implicitTls,
            ImplicitTls = implicitTls,
            IdleTimeout = IdleTimeout,
            TimeProvider = Host.World.Clock,
            AllowPlaintextWithoutTls = !Host.Pop3.RequireSecurePasswordAuthentication,
        };
        var session = new ImapServerSession(options, new ImapStoreBackend(this), new ImapSessionContext(remote, local, implicitTls));
        if (Enabled)
        {
            session.Start();
        }
        else
        {
            session.Refuse("IMAP is switched off on this host");
        }

        return new InboundImapConnection(session);
    }
}
