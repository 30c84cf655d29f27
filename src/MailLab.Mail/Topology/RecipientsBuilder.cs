using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a <c>directories</c> entry's Exchange recipients: its recipient policies first (they give
/// the addresses), then users, contacts and groups, then the groups' members (who may be named
/// before they are listed). A user's delivery restrictions, options and Exchange features are the
/// keys of <see cref="RecipientSettings"/> on its entry.
/// <code>
/// recipientPolicies:
///   - { name: RosNOU, priority: 1, addresses: ["SMTP:%m@rosnou.ru", "smtp:%g.%s@rosnou.ru"] }
/// users:
///   - { address: student@rosnou.ru, alias: student, firstName: Ivan, lastName: Petrov, proxyAddresses: ["smtp:ivan@rosnou.ru"], maxReceivingSizeKb: 1024 }
/// contacts:
///   - { name: Ivan (mail.ru), alias: ivan.mailru, externalAddress: ivan@mail.ru }
/// groups:
///   - { name: students, members: [student] }
/// </code>
/// </summary>
internal sealed class RecipientsBuilder(TopologyDiagnostics diagnostics)
{
    public const string UsersKey = "users";
    public const string ContactsKey = "contacts";
    public const string GroupsKey = "groups";
    public const string PoliciesKey = "recipientPolicies";

    internal static readonly string[] Keys = [PoliciesKey, UsersKey, ContactsKey, GroupsKey];
    internal static readonly string[] PolicyKeys = ["name", "priority", "addresses"];
    internal static readonly string[] ContactKeys = ["name", "alias", "externalAddress", "firstName", "lastName", "proxyAddresses"];
    internal static readonly string[] GroupKeys = ["name", "alias", "proxyAddresses", "members"];

    internal static IReadOnlyList<string> UserKeys { get; } =
        [.. new[] { "address", "alias", "firstName", "lastName", "displayName", "externalAddress", "proxyAddresses" }, .. RecipientSettings.All.Select(s => s.Key)];

    public void Read(ActiveDirectory directory, MappingReader entry)
    {
        foreach (var (node, path) in entry.Items(PoliciesKey))
        {
            ReadPolicy(directory, node, path);
        }

        foreach (var (node, path) in entry.Items(UsersKey))
        {
            ReadUser(directory, node, path);
        }

        foreach (var (node, path) in entry.Items(ContactsKey))
        {
            ReadContact(directory, node, path);
        }

        var members = new List<(DistributionGroup Group, MappingReader Reader)>();
        foreach (var (node, path) in entry.Items(GroupsKey))
        {
            if (ReadGroup(directory, node, path) is { } group)
            {
                members.Add(group);
            }
        }

        foreach (var (group, reader) in members)
        {
            foreach (var (node, path) in reader.Items("members"))
            {
                if (!MappingReader.TryItemString(node, path, diagnostics, out var member))
                {
                    continue;
                }

                try
                {
                    directory.AddMember(group, member);
                }
                catch (RecipientAdminException e)
                {
                    diagnostics.Add(node.Start, path, e.Message);
                }
            }
        }
    }

    private void ReadPolicy(ActiveDirectory directory, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, PolicyKeys);
        if (reader is null || !reader.Require("name") || !reader.TryString("name", out var name) || !reader.Require("addresses"))
        {
            return;
        }

        var priority = RecipientPolicy.LowestPriority;
        var isDefault = name.Equals(RecipientPolicy.DefaultName, StringComparison.OrdinalIgnoreCase);
        if (!isDefault && (!reader.Require("priority") || !reader.TryInt("priority", 1, 1000, out priority)))
        {
            return;
        }

        var templates = new List<ProxyAddress>();
        foreach (var (item, itemPath) in reader.Items("addresses"))
        {
            if (MappingReader.TryItemString(item, itemPath, diagnostics, out var text))
            {
                if (ParseTemplate(text) is { } template)
                {
                    templates.Add(template);
                }
                else
                {
                    diagnostics.Add(item.Start, itemPath, $"'{text}' is not an SMTP address template such as SMTP:%m@rosnou.ru or smtp:%g.%s@rosnou.ru");
                }
            }
        }

        if (templates.Count(t => t.Primary) != 1)
        {
            reader.Error("addresses", "needs exactly one primary template (SMTP: in capitals), e.g. SMTP:%m@rosnou.ru");
            return;
        }

        directory.SetPolicy(new RecipientPolicy(isDefault ? RecipientPolicy.DefaultName : name, priority, templates));
    }

    /// <summary>"SMTP:%m@domain" (primary) or "smtp:%g.%s@domain": a prefix, a format and a domain.</summary>
    internal static ProxyAddress? ParseTemplate(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(ProxyAddress.PrimaryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var primary = trimmed.StartsWith(ProxyAddress.PrimaryPrefix, StringComparison.Ordinal);
        var template = trimmed[ProxyAddress.PrimaryPrefix.Length..];
        var at = template.LastIndexOf('@');
        return at >= 0 && NameRules.IsDomainName(template[(at + 1)..]) && !template[..at].Any(char.IsWhiteSpace)
            ? new ProxyAddress(template, primary)
            : null;
    }

    private void ReadUser(ActiveDirectory directory, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, UserKeys);
        if (reader is null || !reader.Require("address") || !reader.TryString("address", out var address))
        {
            return;
        }

        if (!NameRules.IsMailAddress(address))
        {
            reader.Error("address", $"'{address}' is not an address of the form user@domain (the user's account)");
            return;
        }

        if (!TryNames(reader, out var alias, out var first, out var last))
        {
            return;
        }

        try
        {
            var user = directory.AddUser(address, alias, first, last);
            if (reader.Has("displayName") && reader.TryString("displayName", out var display))
            {
                user.DisplayName = display;
            }

            ReadExternal(reader, user);
            ReadProxies(directory, user, reader);
            var read = new HashSet<string>();
            var settings = SettingsReader.ReadFlat(reader, RecipientSettings.All, user.Settings, read);
            if (RecipientSettings.Validate(settings) is { } problem)
            {
                SettingsReader.ReportBroken(problem, name => (reader, RecipientSettings.Find(name).Key));
                return;
            }

            user.Settings = settings;
        }
        catch (RecipientAdminException e)
        {
            reader.Error("alias", e.Message);
        }
    }

    private void ReadContact(ActiveDirectory directory, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, ContactKeys);
        if (reader is null || !reader.Require("name") || !reader.TryString("name", out var name)
            || !reader.Require("externalAddress") || !reader.TryString("externalAddress", out var external)
            || !TryNames(reader, out var alias, out var first, out var last))
        {
            return;
        }

        try
        {
            var contact = directory.AddContact(name, external, alias, first, last);
            ReadProxies(directory, contact, reader);
        }
        catch (RecipientAdminException e)
        {
            reader.Error("name", e.Message);
        }
    }

    private (DistributionGroup, MappingReader)? ReadGroup(ActiveDirectory directory, YamlNode node, string path)
    {
        var reader = MappingReader.Open(node, path, diagnostics, GroupKeys);
        if (reader is null || !reader.Require("name") || !reader.TryString("name", out var name) || !TryNames(reader, out var alias, out _, out _))
        {
            return null;
        }

        try
        {
            var group = directory.AddGroup(name, alias);
            ReadProxies(directory, group, reader);
            return (group, reader);
        }
        catch (RecipientAdminException e)
        {
            reader.Error("name", e.Message);
            return null;
        }
    }

    private static bool TryNames(MappingReader reader, out string? alias, out string? first, out string? last)
    {
        alias = first = last = null;
        return (!reader.Has("alias") || reader.TryNullableString("alias", out alias))
            && (!reader.Has("firstName") || reader.TryNullableString("firstName", out first))
            && (!reader.Has("lastName") || reader.TryNullableString("lastName", out last));
    }

    private static void ReadExternal(MappingReader reader, DirectoryRecipient recipient)
    {
        if (reader.Has("externalAddress") && reader.TryString("externalAddress", out var external))
        {
            if (NameRules.IsMailAddress(external))
            {
                recipient.ExternalAddress = external;
            }
            else
            {
                reader.Error("externalAddress", $"'{external}' is not an address of the form user@domain");
            }
        }
    }

    private void ReadProxies(ActiveDirectory directory, DirectoryRecipient recipient, MappingReader reader)
    {
        foreach (var (item, itemPath) in reader.Items("proxyAddresses"))
        {
            if (!MappingReader.TryItemString(item, itemPath, diagnostics, out var text))
            {
                continue;
            }

            if (ProxyAddress.Parse(text) is not { } proxy)
            {
                diagnostics.Add(item.Start, itemPath, $"'{text}' is not an SMTP proxy address such as SMTP:student@rosnou.ru or smtp:ivan.petrov@rosnou.ru");
                continue;
            }

            try
            {
                directory.AddProxy(recipient, proxy);
            }
            catch (RecipientAdminException e)
            {
                diagnostics.Add(item.Start, itemPath, e.Message);
            }
        }
    }
}
