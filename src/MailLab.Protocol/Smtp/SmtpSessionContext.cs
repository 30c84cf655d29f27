using System.Net;

namespace MailLab.Protocol.Smtp;

/// <summary>What a session knows about its connection and client, read by the handler.</summary>
public sealed class SmtpSessionContext
{
    public SmtpSessionContext(EndPoint? remoteEndPoint, EndPoint? localEndPoint)
    {
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
    }

    public EndPoint? RemoteEndPoint { get; }

    public EndPoint? LocalEndPoint { get; }

    public IPAddress? RemoteAddress => (RemoteEndPoint as IPEndPoint)?.Address;

    /// <summary>The name from HELO or EHLO, null before either.</summary>
    public string? ClientName { get; internal set; }

    public bool IsExtended { get; internal set; }

    public bool IsSecure { get; internal set; }

    /// <summary>The user that AUTH accepted, null while anonymous.</summary>
    public string? AuthenticatedUser { get; internal set; }

    public int MessagesAccepted { get; internal set; }

    /// <summary>Octets of message content accepted so far in this connection (IIS session size).</summary>
    public long SessionBytes { get; internal set; }
}
