namespace MailLab.Mail.World;

/// <summary>
/// Where a host's address comes from: configured by hand (static), or leased from a DHCP server, which
/// may hand out another one when the lease is renewed. A mail server needs a static address: its DNS A
/// record (what MX records lead to) names it, and a new lease leaves that record pointing at nobody.
/// </summary>
public enum HostAddressing
{
    Static,
    Dhcp,
}
