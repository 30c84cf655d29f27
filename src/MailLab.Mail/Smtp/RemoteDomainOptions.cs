namespace MailLab.Mail.Smtp;

/// <summary>
/// The property sheet of a remote domain (docs/REFERENCE.md, "Domains"): "Allow incoming mail to be relayed
/// to this domain", "Forward all mail to smart host" (with its TCP port), and outbound TLS.
/// </summary>
public sealed record RemoteDomainOptions(bool AllowRelay = false, string? SmartHost = null, bool RequireTls = false, int? OutboundPort = null)
{
    public static RemoteDomainOptions None { get; } = new();

    /// <summary>Sets these options on a remote domain; a local domain takes none of them.</summary>
    public void ApplyTo(SmtpDomain domain)
    {
        if (OutboundPort is < 1 or > 65535)
        {
            throw new ArgumentException($"outboundPort {OutboundPort} is not a TCP port: use 1 to 65535.");
        }

        if (!string.IsNullOrWhiteSpace(SmartHost) && !Topology.NameRules.IsSmartHost(SmartHost.Trim()))
        {
            throw new ArgumentException($"smartHost \"{SmartHost}\" is not a host name or [IP address], optionally followed by :port.");
        }

        if (OutboundPort is not null && string.IsNullOrWhiteSpace(SmartHost))
        {
            throw new ArgumentException("outboundPort is the smart host's port: give a smartHost too.");
        }

        if (domain.Type != SmtpDomainType.Remote && this != None)
        {
            throw new ArgumentException($"\"{domain.Name}\" is a local domain: allowRelay, smartHost, requireTls and outboundPort apply to remote domains only.");
        }

        domain.AllowRelay = AllowRelay;
        domain.SmartHost = string.IsNullOrWhiteSpace(SmartHost) ? null : SmartHost.Trim();
        domain.RequireTls = RequireTls;
        domain.OutboundPort = OutboundPort;
    }
}
