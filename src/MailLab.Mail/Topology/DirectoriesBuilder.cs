using MailLab.Mail.Pop3;
using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads the file's <c>directories</c> list: accounts of an organisation's Active Directory that no
/// POP3 mailbox entry creates (a user whose mailbox was deleted without /deleteuser keeps the
/// account, as on Windows). Read before the hosts, so that a mailbox entry without a password may
/// name one of them. Its Exchange recipients (users, contacts, groups, recipient policies) are
/// <see cref="RecipientsBuilder"/>'s.
/// <code>
/// directories:
///   - name: rosnou.ru
///     accounts:
///       - { address: petr@rosnou.ru, password: Secret1 }      # or passwordHash: pbkdf2-sha256:…
/// </code>
/// </summary>
internal sealed class DirectoriesBuilder(TopologyDiagnostics diagnostics, MailWorld world)
{
    internal static readonly string[] DirectoryKeys = ["name", "accounts", .. RecipientsBuilder.Keys];
    internal static readonly string[] AccountKeys = ["address", "password", "passwordHash"];

    public void Read(MappingReader file)
    {
        foreach (var (node, path) in file.Items("directories"))
        {
            var reader = MappingReader.Open(node, path, diagnostics, DirectoryKeys);
            if (reader is null || !reader.Require("name") || !reader.TryString("name", out var name))
            {
                continue;
            }

            if (!NameRules.IsDomainName(name))
            {
                reader.Error("name", $"'{name}' is not a domain name (the Active Directory domain, like rosnou.ru)");
                continue;
            }

            var directory = world.Directories.For(name);
            foreach (var (accountNode, accountPath) in reader.Items("accounts"))
            {
                ReadAccount(directory, accountNode, accountPath);
            }

            new RecipientsBuilder(diagnostics).Read(directory, reader);
        }
    }

    private void ReadAccount(ActiveDirectory directory, YamlDotNet.RepresentationModel.YamlNode node, string path)
    {
        if (AccountEntry.Read(node, path, diagnostics, AccountKeys, out var account, out _) is not { } reader)
        {
            return;
        }

        try
        {
            directory.Add(account);
        }
        catch (Pop3AdminException e)
        {
            reader.Error("address", e.Message);
        }
    }
}
