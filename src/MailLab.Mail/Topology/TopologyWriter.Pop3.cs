using MailLab.Mail.Pop3;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.World;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>The <c>pop3</c> block of a host, in the form <see cref="Pop3Builder"/> reads.</summary>
public static partial class TopologyWriter
{
    /// <summary>The settings in table order (<see cref="Pop3Settings"/>), then the domains.</summary>
    private static YamlMappingNode Pop3(Pop3Service service, PasswordForm passwords)
    {
        var node = new YamlMappingNode();
        var settings = service.Settings;
        foreach (var setting in Pop3Settings.All)
        {
            node.Add(setting.Key, setting.Type.Write(setting.Read(settings)));
        }

        node.Add(Pop3Builder.DomainsKey, Sequence(service.Domains.Select(d => Pop3Domain(service, d, passwords))));
        return node;
    }

    /// <summary>
    /// The <c>directories</c> list: directory accounts that no mailbox entry carries (see
    /// <see cref="CarriedDirectoryAccount"/>), so that an account whose mailbox was deleted without
    /// /deleteuser is not lost, and every account when passwords are hashed, then the directory's
    /// Exchange recipients. Directories with nothing else to say are left out.
    /// </summary>
    private static YamlSequenceNode Directories(MailWorld world, PasswordForm passwords)
    {
        var carried = world.Hosts.Select(h => h.Pop3)
            .Where(s => s.Enabled)
            .SelectMany(s => s.Domains.SelectMany(s.MailboxesOf).Select(m => CarriedDirectoryAccount(s, m, passwords)))
            .OfType<Accounts.MailAccount>()
            .ToHashSet();
        return Sequence(world.Directories.All.Select(d =>
        {
            var node = new YamlMappingNode { { "name", Text(d.Name) } };
            var accounts = d.Accounts.Where(a => !carried.Contains(a)).ToArray();
            if (accounts.Length > 0)
            {
                node.Add("accounts", Sequence(accounts.Select(a => Flow(("address", Text(a.Address)), Password(a, passwords)))));
            }

            AddRecipients(node, d);
            return node;
        }).Where(node => node.Children.Count > 1));
    }

    private static YamlMappingNode Pop3Domain(Pop3Service service, Pop3Domain domain, PasswordForm passwords) => new()
    {
        { "name", Text(domain.Name) },
        { "locked", Bool(domain.IsLocked) },
        { "mailboxes", Sequence(service.MailboxesOf(domain).Select(m => Pop3Mailbox(service, m, passwords))) },
    };

    /// <summary>
    /// The directory account a mailbox entry carries with its password: with the Active Directory
    /// method and passwords in clear. Others go to <c>directories</c>, which keeps hashes too.
    /// </summary>
    private static Accounts.MailAccount? CarriedDirectoryAccount(Pop3Service service, Pop3Mailbox mailbox, PasswordForm passwords) =>
        passwords == PasswordForm.AsGiven && service.AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated
        && service.Directory.Find(mailbox.Address) is { Password: not null } account
            ? account
            : null;

    /// <summary>
    /// A mailbox with what recreates its user: a local account is in the host's <c>accounts</c>
    /// already; a directory account carries its password (or is in <c>directories</c>); a
    /// password-file entry only its hash.
    /// </summary>
    private static YamlMappingNode Pop3Mailbox(Pop3Service service, Pop3Mailbox mailbox, PasswordForm passwords)
    {
        var entries = new List<(string, YamlNode)> { ("user", Text(mailbox.UserName)) };
        if (service.AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile
            && service.PasswordFile.Export(mailbox.Address) is { } hash)
        {
            entries.Add(("passwordHash", Text(hash)));
        }
        else if (CarriedDirectoryAccount(service, mailbox, passwords) is { Password: { } password })
        {
            entries.Add(("password", Text(password)));
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
