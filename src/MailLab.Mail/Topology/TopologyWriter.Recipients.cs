using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>A directory's Exchange recipients, in the form <see cref="RecipientsBuilder"/> reads.</summary>
public static partial class TopologyWriter
{
    /// <summary>
    /// Adds the policies an administrator made, the users that differ from a new account's user, the
    /// contacts and the groups. Addresses a policy gives are left out (reading the file applies the
    /// policy again); the others are written, the primary one with <c>SMTP:</c>.
    /// </summary>
    private static void AddRecipients(YamlMappingNode node, ActiveDirectory directory)
    {
        var policies = directory.RecipientPolicies;
        var policy = policies[0];
        var made = policies.Where(p => !p.IsDefault || !p.Templates.SequenceEqual(RecipientPolicy.Default(directory.Name).Templates)).ToArray();
        if (made.Length > 0)
        {
            node.Add(RecipientsBuilder.PoliciesKey, Sequence(made.Select(p => (YamlNode)Flow(
                [("name", Text(p.Name)),
                 .. p.IsDefault ? Array.Empty<(string, YamlNode)>() : [("priority", Whole(p.Priority))],
                 ("addresses", FlowSequence(p.Templates.Select(t => Text(t.ToString()))))]))));
        }

        var users = directory.Users.Where(u => !IsNew(u, policy)).ToArray();
        if (users.Length > 0)
        {
            node.Add(RecipientsBuilder.UsersKey, Sequence(users.Select(u =>
            {
                var entry = Flow([("address", Text(u.Account)), .. Names(u, u.Name)]);
                if (u.ExternalAddress is { } external)
                {
                    entry.Add("externalAddress", Text(external));
                }

                AddProxies(entry, u, policy);
                foreach (var setting in RecipientSettings.All.Where(s => !Equals(SettingText(s, u.Settings), SettingText(s, RecipientSnapshot.Defaults))))
                {
                    entry.Add(setting.Key, setting.Type.Write(setting.Read(u.Settings)));
                }

                return (YamlNode)entry;
            })));
        }

        if (directory.Contacts is { Count: > 0 } contacts)
        {
            node.Add(RecipientsBuilder.ContactsKey, Sequence(contacts.Select(c =>
            {
                var entry = Flow([("name", Text(c.Name)), .. Names(c, c.Name), ("externalAddress", Text(c.ExternalAddress))]);
                AddProxies(entry, c, policy);
                return (YamlNode)entry;
            })));
        }

        if (directory.Groups is { Count: > 0 } groups)
        {
            node.Add(RecipientsBuilder.GroupsKey, Sequence(groups.Select(g =>
            {
                var entry = Flow([("name", Text(g.Name)), .. Names(g, g.Name)]);
                AddProxies(entry, g, policy);
                entry.Add("members", FlowSequence(g.Members.Select(m => Text(m))));
                return (YamlNode)entry;
            })));
        }
    }

    /// <summary>The alias when it is not the default one, and the given name and surname when set.</summary>
    private static IEnumerable<(string, YamlNode)> Names(DirectoryRecipient recipient, string defaultAlias)
    {
        if (!recipient.Alias.Equals(defaultAlias, StringComparison.OrdinalIgnoreCase))
        {
            yield return ("alias", Text(recipient.Alias));
        }

        if (recipient.FirstName is { } first)
        {
            yield return ("firstName", Text(first));
        }

        if (recipient.LastName is { } last)
        {
            yield return ("lastName", Text(last));
        }
    }

    private static void AddProxies(YamlMappingNode entry, DirectoryRecipient recipient, RecipientPolicy policy)
    {
        var extra = ExtraProxies(recipient, policy);
        if (extra.Count > 0)
        {
            entry.Add("proxyAddresses", FlowSequence(extra.Select(p => Text(p.ToString()))));
        }
    }

    /// <summary>The addresses the policy does not give, and the primary one when it is not the policy's primary.</summary>
    private static List<ProxyAddress> ExtraProxies(DirectoryRecipient recipient, RecipientPolicy policy)
    {
        var generated = policy.AddressesFor(recipient).ToArray();
        return recipient.ProxyAddresses
            .Where(p => !generated.Any(g => g.Address == p.Address && (g.Primary == p.Primary || !p.Primary)))
            .ToList();
    }

    /// <summary>A user as an account gets it: default alias and names, the policy's addresses only, default settings.</summary>
    private static bool IsNew(DirectoryUser user, RecipientPolicy policy) =>
        user.Alias.Equals(user.Name, StringComparison.OrdinalIgnoreCase) && user.FirstName is null && user.LastName is null
        && user.ExternalAddress is null && ExtraProxies(user, policy).Count == 0
        && RecipientSettings.All.All(s => SettingText(s, user.Settings) == SettingText(s, RecipientSnapshot.Defaults));

    private static string SettingText(RecipientSetting setting, RecipientSnapshot settings) => setting.Get(settings);
}
