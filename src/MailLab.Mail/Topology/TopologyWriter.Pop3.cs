using MailLab.Mail.Pop3;
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
