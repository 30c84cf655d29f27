using System.Net;

namespace MailLab.Protocol.Imap;

/// <summary>What an IMAP session knows about its connection and client.</summary>
public sealed class ImapSessionContext
{
    public ImapSessionContext(EndPoint? remoteEndPoint, EndPoint? localEndPoint = null, bool isTls = false)
    {
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        IsTls = isTls;
    }

    public EndPoint? RemoteEndPoint { get; }

    public EndPoint? LocalEndPoint { get; }

    public IPAddress? RemoteAddress => (RemoteEndPoint as IPEndPoint)?.Address;

    /// <summary>True on an implicit-TLS port (993) from the start, or after STARTTLS.</summary>
    public bool IsTls { get; internal set; }

    /// <summary>The user logged in, null before authentication.</summary>
    public string? AuthenticatedUser { get; internal set; }

    /// <summary>How the user logged in: LOGIN, PLAIN, LOGIN (SASL) or CRAM-MD5; null before.</summary>
    public string? LogonMechanism { get; internal set; }
}
