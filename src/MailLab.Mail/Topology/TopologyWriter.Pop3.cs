using MailLab.Mail.Pop3;
using MailLab.Mail.World;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>The <c>pop3</c> block of a host, in the form <see cref="Pop3Builder"/> reads.</summary>
public static partial class TopologyWriter
{
    private static YamlMappingNode Pop3(Pop3Service service) => new()
    {
        { "port", Whole(service.Port) },
        { "authentication", Text(TopologyValues.Name(service.AuthenticationMethod)) },
        { "requireSpa", Bool(service.RequireSecurePasswordAuthentication) },
        { "directory", Text(service.DirectoryName) },
        { "defaultQuotaBytes", Whole(service.DefaultQuotaBytes) },
        { "domains", Sequence(service.Domains.Select(d => Pop3Domain(service, d))) },
    };

    /// <summary>
    /// The <c>directories</c> list: directory accounts that no mailbox entry carries (see
    /// <see cref="Pop3Mailbox"/>), so that an account whose mailbox was deleted without /deleteuser
    /// is not lost. Directories whose every account has a mailbox entry are left out.
    /// </summary>
    private static YamlSequenceNode Directories(MailWorld world)
    {
        var carried = world.Hosts.Select(h => h.Pop3)
            .Where(s => s.Enabled && s.AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated)
            .SelectMany(s => s.Domains.SelectMany(s.MailboxesOf).Select(m => s.Directory.Find(m.Address)))
            .OfType<Accounts.MailAccount>()
            .ToHashSet();
        var directories = world.Directories.All
            .Select(d => (d.Name, Accounts: d.Accounts.Where(a => !carried.Contains(a)).ToArray()))
            .Where(d => d.Accounts.Length > 0);
        return Sequence(directories.Select(d => new YamlMappingNode
        {
            { "name", Text(d.Name) },
            { "accounts", Sequence(d.Accounts.Select(a => Flow(("address", Text(a.Address)), ("password", Text(a.Password))))) },
        }));
    }

    private static YamlMappingNode Pop3Domain(Pop3Service service, Pop3Domain domain) => new()
    {
        { "name", Text(domain.Name) },
        { "locked", Bool(domain.IsLocked) },
        { "mailboxes", Sequence(service.MailboxesOf(domain).Select(m => Pop3Mailbox(service, m))) },
    };

    /// <summary>
    /// A mailbox with what recreates its user: a local account is in the host's <c>accounts</c>
    /// already; a directory account carries its password; a password-file entry only its hash.
    /// </summary>
    private static YamlMappingNode Pop3Mailbox(Pop3Service service, Pop3Mailbox mailbox)
    {
        var entries = new List<(string, YamlNode)> { ("user", Text(mailbox.UserName)) };
        if (service.AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile
            && service.PasswordFile.Export(mailbox.Address) is { } hash)
        {
            entries.Add(("passwordHash", Text(hash)));
        }
        else if (service.AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated
            && service.Directory.Find(mailbox.Address) is { } account)
        {
            entries.Add(("password", Text(account.Password)));
        }

        entries.Add(("locked", Bool(mailbox.IsOwnLocked)));
        var quota = service.QuotaOf(mailbox);
        entries.Add(("quota", Whole(quota?.LimitBytes)));
        if (quota is not null && quota.Owner != mailbox.UserName)
        {
            entries.Add(("quotaUser", Text(quota.Owner)));
        }

        return Flow([.. entries]);
    }
}
