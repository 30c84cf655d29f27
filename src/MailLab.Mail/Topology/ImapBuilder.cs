using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a host's <c>imap</c> block: MailLab's own IMAP4rev2 service (Windows Server 2003's POP3
/// service had no IMAP; Exchange's IMAP4 service comes with the Exchange issue). It serves the
/// same mailboxes and accounts as the host's POP3 service.
/// <code>
/// imap:
///   enabled: true          # false: no IMAP on this host (a lab faithful to Windows Server 2003)
///   port: 2143             # IMAP with STARTTLS (IMAP's own 143 needs privileges; 0 picks a free port)
///   implicitTlsPort: 2993  # IMAPS, TLS from the first byte (RFC 8314; 993 on a real server); null: none
/// </code>
/// Every host that runs POP3 runs IMAP too unless its block says <c>enabled: false</c>; a port the
/// block leaves out gets the defaults by the host's place among the IMAP hosts (see TopologyBuilder).
/// </summary>
internal sealed class ImapBuilder(VirtualServerBuilder listeners)
{
    public static readonly string[] ImapKeys = ["enabled", "port", "implicitTlsPort"];

    private readonly HashSet<MailHost> _explicitPort = [];
    private readonly HashSet<MailHost> _explicitTlsPort = [];
    private readonly HashSet<MailHost> _switchedOff = [];

    public bool HasExplicitPort(MailHost host) => _explicitPort.Contains(host);

    public bool HasExplicitImplicitTlsPort(MailHost host) => _explicitTlsPort.Contains(host);

    /// <summary>True when the block said <c>enabled: false</c>.</summary>
    public bool IsSwitchedOff(MailHost host) => _switchedOff.Contains(host);

    public void Read(MailHost host, MappingReader imap)
    {
        var service = host.Imap;
        if (imap.Has("enabled") && imap.TryBool("enabled", out var enabled) && !enabled)
        {
            _switchedOff.Add(host);
        }

        if (imap.Has("port") && imap.TryInt("port", 0, 65535, out var port)
            && (port == 0 || listeners.Claim(imap, "port", service.Address, port, $"the IMAP service of {host.Name}")))
        {
            service.Port = port;
            _explicitPort.Add(host);
        }

        if (imap.Has("implicitTlsPort") && imap.TryNullableLong("implicitTlsPort", out var tlsPort))
        {
            if (tlsPort is null)
            {
                // null: no IMAPS listener, STARTTLS only.
                service.ImplicitTlsPort = null;
                _explicitTlsPort.Add(host);
            }
            else if (tlsPort is < 0 or > 65535)
            {
                imap.Error("implicitTlsPort", "must be a TCP port (0-65535; 0 picks a free port) or null (no IMAPS)");
            }
            else if (tlsPort == 0 || listeners.Claim(imap, "implicitTlsPort", service.Address, (int)tlsPort, $"the IMAPS listener of {host.Name}"))
            {
                service.ImplicitTlsPort = (int)tlsPort;
                _explicitTlsPort.Add(host);
            }
        }
    }
}
