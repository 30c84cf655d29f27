using System.Net;

namespace MailLab.Protocol.Pop3;

/// <summary>What a POP3 session knows about its connection and client.</summary>
public sealed class Pop3SessionContext
{
    public Pop3SessionContext(EndPoint? remoteEndPoint, EndPoint? localEndPoint)
    {
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
    }

    public EndPoint? RemoteEndPoint { get; }

    public EndPoint? LocalEndPoint { get; }

    public IPAddress? RemoteAddress => (RemoteEndPoint as IPEndPoint)?.Address;

    public bool IsSecure { get; internal set; }

    /// <summary>The user whose maildrop is open, null in AUTHORIZATION.</summary>
    public string? AuthenticatedUser { get; internal set; }

    /// <summary>How the user logged on (see <see cref="Pop3LogonMechanisms"/>), null in AUTHORIZATION.</summary>
    public string? LogonMechanism { get; internal set; }
}
