using System.Globalization;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Writes a world back in the topology file format that <see cref="TopologyLoader"/> reads, with
/// every setting spelled out, so that configuration changed by the CLI or the web pages can be
/// saved. Loading the result gives the same settings.
/// </summary>
public static partial class TopologyWriter
{
    private const string Header =
        "# MailLab topology (see README.md, \"Topology files\"). Written from a running configuration:\n" +
        "# every setting is spelled out; a key left out of a hand-written file keeps the IIS 6 default.\n";

    public static string Write(MailWorld world, PasswordForm passwords = PasswordForm.AsGiven)
    {
        var root = new YamlMappingNode
        {
            { "hosts", Sequence(world.Hosts.Select(h => Host(h, passwords))) },
            { "dns", Sequence(world.Dns.All.Select(r => Flow(r.Preference is { } preference
                ? [("name", Text(r.Name)), ("type", Text(r.Type)), ("preference", Whole(preference)), ("value", Text(r.Value))]
                : [("name", Text(r.Name)), ("type", Text(r.Type)), ("value", Text(r.Value))]))) },
            { "links", Sequence(world.Links.All.Select(l => Flow(
                ("from", Text(l.From)), ("to", Text(l.To)), ("reachable", Bool(l.Reachable)), ("latencyMs", Number(l.Latency.TotalMilliseconds))))) },
            { "unreachableHosts", FlowSequence(world.Links.UnreachableHosts.Order(StringComparer.Ordinal).Select(Text)) },
        };
        if (Directories(world, passwords) is { Children.Count: > 0 } directories)
        {
            root.Add("directories", directories);
        }

        if (world.Faults.All.Count > 0)
        {
            root.Add("faults", Sequence(world.Faults.All.Select(Fault)));
        }

        if (world.Certificate is { } certificate)
        {
            root.Add("certificate", Flow([("file", Text(certificate.Path)),
                .. certificate.KeyPath is { } key ? [("key", Text(key))] : Array.Empty<(string, YamlNode)>(),
                .. certificate.Password is { } password ? [("password", Text(password))] : Array.Empty<(string, YamlNode)>()]));
        }

        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        output.Write(Header);
        var settings = new EmitterSettings().WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n");
        new YamlStream(new YamlDocument(root)).Save(new Emitter(output, settings), assignAnchors: false);

        // The emitter ends the document explicitly ("..."); a hand-edited file reads better without it.
        var text = output.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Host(MailHost host, PasswordForm passwords)
    {
        var node = new YamlMappingNode { { "name", Text(host.Name) } };
        if (host.Address is { } address)
        {
            node.Add("address", Text(address.ToString()));
        }

        if (host.Addressing != HostAddressing.Static)
        {
            node.Add("addressing", Text(HostAddressChange.Name(host.Addressing)));
        }

        node.Add("smtp", new YamlMappingNode
        {
            { "state", Text(TopologyValues.Name(host.Smtp.State)) },
            { "virtualServers", Sequence(host.Smtp.VirtualServers.Select(VirtualServer)) },
        });
        node.Add("accounts", Sequence(host.Accounts.All.Select(a => host.Mailboxes.Find(a.Address) is null
            ? Flow(("address", Text(a.Address)), Password(a, passwords), ("mailbox", Bool(false)))
            : Flow(("address", Text(a.Address)), Password(a, passwords)))));
        if (host.Pop3.Enabled)
        {
            node.Add("pop3", Pop3(host.Pop3, passwords));
        }

        if (host.Pop3.Enabled || host.Imap.Enabled)
        {
            node.Add("imap", Imap(host.Imap));
        }

        if (host.Exchange is { } exchange)
        {
            node.Add("exchange", Exchange(exchange));
        }

        return node;
    }

    private static YamlMappingNode VirtualServer(SmtpVirtualServer server)
    {
        var settings = server.Settings;
        var node = new YamlMappingNode
        {
            { "name", Text(server.Name) },
            { "address", Text(server.Address.ToString()) },
            { "port", Whole(server.Port) },
            { "homeDirectory", Text(server.HomeDirectory.Path) },
        };

        // The general settings by property-sheet tab (the FQDN and logging, then the Messages tab's
        // NDR copy), the virtual server's state after the first of them, its name in the greeting.
        var general = VirtualServerSettings.All.Where(s => s.Section == SettingSection.General).OrderBy(s => s.Tab).ToArray();
        foreach (var setting in general)
        {
            node.Add(setting.Key, setting.Type.Write(setting.Read(settings)));
            if (setting == general[0])
            {
                node.Add("state", Text(TopologyValues.Name(server.OwnState)));
            }
        }

        foreach (var section in SettingsReader.Blocks)
        {
            node.Add(SettingsReader.Name(section), Block(section, settings));
        }

        node.Add("domains", Sequence(server.Domains.All.Select(Domain)));
        node.Add("operators", FlowSequence(server.Operators.Names.Select(Text)));
        return node;
    }

    /// <summary>
    /// One block of settings in table order: the limits on one line, the others a key a line, with the
    /// access lists (<c>connection.onlyListed</c>, <c>connection.entries</c>) as one-line mappings.
    /// </summary>
    private static YamlMappingNode Block(SettingSection section, Smtp.Settings.VirtualServerSnapshot settings)
    {
        var block = new YamlMappingNode { Style = section == SettingSection.Limits ? MappingStyle.Flow : MappingStyle.Any };
        foreach (var setting in VirtualServerSettings.All.Where(s => s.Section == section))
        {
            var value = setting.Type.Write(setting.Read(settings));
            if (setting.Key.Split('.') is [var list, var key])
            {
                if (!block.Children.TryGetValue(list, out var inner))
                {
                    inner = new YamlMappingNode { Style = MappingStyle.Flow };
                    block.Add(list, inner);
                }

                ((YamlMappingNode)inner).Add(key, value);
            }
            else
            {
                block.Add(setting.Key, value);
            }
        }

        return block;
    }

    /// <summary>An account's password, or its salted hash (see <see cref="PasswordForm"/>).</summary>
    private static (string, YamlNode) Password(Accounts.MailAccount account, PasswordForm passwords) =>
        passwords == PasswordForm.AsGiven && account.Password is { } clear
            ? ("password", Text(clear))
            : ("passwordHash", Text(account.Hash.ToString()));

    private static YamlMappingNode Domain(SmtpDomain domain) => domain.Type == SmtpDomainType.Remote
        ? Flow(
            ("name", Text(domain.Name)),
            ("type", Text(TopologyValues.Name(domain.Type))),
            ("allowRelay", Bool(domain.AllowRelay)),
            ("smartHost", Text(domain.SmartHost)),
            ("requireTls", Bool(domain.RequireTls)),
            ("sendHeloInsteadOfEhlo", Bool(domain.SendHeloInsteadOfEhlo)))
        : Flow(("name", Text(domain.Name)), ("type", Text(TopologyValues.Name(domain.Type))));

    /// <summary>A one-line mapping: <c>{name: mail.ru, type: local}</c>.</summary>
    private static YamlMappingNode Fault(Faults.Fault fault) => fault.Reply is { } reply
        ? Flow(
            ("host", Text(fault.Host)),
            ("kind", Text("reply")),
            ("stage", Text(fault.Stage.ToString().ToLowerInvariant())),
            ("code", Whole(reply.Code)),
            ("enhancedCode", Text(reply.EnhancedCode)),
            ("text", Text(reply.Lines[0])),
            ("count", Whole(fault.Remaining)))
        : Flow(("host", Text(fault.Host)), ("kind", Text("drop")), ("count", Whole(fault.Remaining)));

    private static YamlMappingNode Flow(params (string Key, YamlNode Value)[] entries)
    {
        var node = new YamlMappingNode { Style = MappingStyle.Flow };
        foreach (var (key, value) in entries)
        {
            node.Add(key, value);
        }

        return node;
    }

    private static YamlSequenceNode Sequence(IEnumerable<YamlNode> items) => new(items);

    internal static YamlSequenceNode FlowSequence(IEnumerable<YamlNode> items) => new(items) { Style = SequenceStyle.Flow };

    internal static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    internal static YamlScalarNode Number(double value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A whole number, or <c>null</c> for "no limit".</summary>
    internal static YamlScalarNode Whole(long? value) => new(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null");

    /// <summary>
    /// A string, quoted when YAML would otherwise read it as something else (null, a boolean, a
    /// number); the emitter adds quotes where plain text is not allowed at all (<c>*.example.com</c>).
    /// </summary>
    internal static YamlScalarNode Text(string? value)
    {
        if (value is null)
        {
            return new YamlScalarNode("null");
        }

        var ambiguous = value.Length == 0 || value.Trim() != value
            || value.ToLowerInvariant() is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off"
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return new YamlScalarNode(value) { Style = ambiguous ? ScalarStyle.SingleQuoted : ScalarStyle.Any };
    }
}
