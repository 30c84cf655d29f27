using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;

namespace MailLab.Mail.Routing;

/// <summary>
/// LDAP routing to the host's own Active Directory (no server named on the LDAP Routing tab): the
/// world's directory of the host's organisation (<see cref="HostDirectory"/>), its users, contacts
/// and distribution groups by any proxy address. The lookup answers at RCPT; on delivery the same
/// directory's categorizer (<see cref="Delivery.DirectoryExpansion"/>) expands groups and applies each
/// recipient's restrictions.
/// </summary>
public sealed class WorldDirectory(World.MailHost host) : IRecipientDirectory
{
    public string Name => $"the Active Directory {host.Pop3.Directory.Name}";

    public ValueTask<DirectoryAnswer> LookupAsync(string address, CancellationToken cancel)
    {
        var directory = HostDirectory.Of(host);
        var filter = LdapSchemaMap.For(Smtp.LdapSchemaType.ActiveDirectory).Filter(address);
        return ValueTask.FromResult(directory.FindRecipient(address) switch
        {
            DistributionGroup group => new DirectoryAnswer(DirectoryOutcome.Group, filter, $"{group.Name} <{group.PrimaryAddress}>",
                Members: group.Members.Select(m => directory.FindRecipient(m) is { } r ? Target(r, m) : m).ToArray()),
            { } recipient => new DirectoryAnswer(DirectoryOutcome.User, filter, ActiveDirectory.Reference(recipient), Target(recipient, address)),
            null => new DirectoryAnswer(DirectoryOutcome.NotFound, filter),
        });
    }

    private static string Target(DirectoryRecipient recipient, string reference) => recipient switch
    {
        DirectoryUser user => user.ExternalAddress ?? user.Account,
        DirectoryContact contact => contact.ExternalAddress ?? reference,
        _ => recipient.PrimaryAddress ?? reference,
    };
}
