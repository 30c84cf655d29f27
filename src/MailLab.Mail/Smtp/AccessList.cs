using System.Net;

namespace MailLab.Mail.Smtp;

/// <summary>
/// IIS's two-way list (Access tab → Connection, Relay): either "Only the list below" is granted or
/// "All except the list below" is.
/// </summary>
public sealed class AccessList
{
    /// <summary>True for "Only the list below"; false for "All except the list below".</summary>
    public bool OnlyListed { get; set; }

    public List<AccessRule> Entries { get; } = [];

    public static AccessList AllowAll() => new() { OnlyListed = false };

    public static AccessList OnlyTheListBelow() => new() { OnlyListed = true };

    public bool IsGranted(IPAddress? address, string? reverseName)
    {
        var listed = Entries.Any(e => e.Matches(address, reverseName));
        return OnlyListed ? listed : !listed;
    }
}
