using System.Net;

namespace MailLab.Mail.World;

/// <summary>MailLab's listeners stay on this machine: any address is mapped to loopback.</summary>
public static class Listening
{
    public static IPAddress LoopbackOnly(IPAddress configured) =>
        IPAddress.IsLoopback(configured) ? configured : configured.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
}
