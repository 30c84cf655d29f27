using System.Net;

namespace MailLab.Mail.Smtp;

/// <summary>
/// IIS's two-way list (Access tab → Connection, Relay): either "Only the list below" is granted or
/// "All except the list below" is. Immutable: a change is a new list.
/// </summary>
public sealed record AccessList(bool OnlyListed, IReadOnlyList<AccessRule> Entries)
{
    public static AccessList AllowAll() => new(false, []);

    public static AccessList OnlyTheListBelow() => new(true, []);

    /// <summary>This list with one more entry.</summary>
    public AccessList With(AccessRule rule) => this with { Entries = [.. Entries, rule] };

    public bool IsGranted(IPAddress? address, string? reverseName)
    {
        var listed = Entries.Any(e => e.Matches(address, reverseName));
        return OnlyListed ? listed : !listed;
    }
}
