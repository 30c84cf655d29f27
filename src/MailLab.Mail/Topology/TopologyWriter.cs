using System.Globalization;
using MailLab.Mail.Smtp;
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

        return node;
    }

    private static YamlMappingNode VirtualServer(SmtpVirtualServer server) => new()
    {
        { "name", Text(server.Name) },
        { "address", Text(server.Address.ToString()) },
        { "port", Whole(server.Port) },
        { "homeDirectory", Text(server.HomeDirectory.Path) },
        { "fqdn", Text(server.Fqdn) },
        { "state", Text(TopologyValues.Name(server.OwnState)) },
        { "loggingEnabled", Bool(server.LoggingEnabled) },
        { "ndrCopyTo", Text(server.NdrCopyTo) },
        { "limits", Limits(server.Limits) },
        { "access", Access(server.Access) },
        { "delivery", Delivery(server.Delivery) },
        { "domains", Sequence(server.Domains.All.Select(Domain)) },
        { "operators", FlowSequence(server.Operators.Names.Select(Text)) },
    };

    /// <summary>An account's password, or its salted hash (see <see cref="PasswordForm"/>).</summary>
    private static (string, YamlNode) Password(Accounts.MailAccount account, PasswordForm passwords) =>
        passwords == PasswordForm.AsGiven && account.Password is { } clear
            ? ("password", Text(clear))
            : ("passwordHash", Text(account.Hash.ToString()));

    private static YamlMappingNode Limits(SmtpLimitsSettings limits) => Flow(
        ("maxConnections", Whole(limits.MaxConnections)),
        ("connectionTimeoutMinutes", Number(limits.ConnectionTimeout.TotalMinutes)),
        ("maxMessageSizeKb", Whole(limits.MaxMessageSizeKb)),
        ("maxSessionSizeKb", Whole(limits.MaxSessionSizeKb)),
        ("maxMessagesPerConnection", Whole(limits.MaxMessagesPerConnection)),
        ("maxRecipientsPerMessage", Whole(limits.MaxRecipientsPerMessage)));

    private static YamlMappingNode Access(SmtpAccessSettings access) => new()
    {
        { "anonymousAccess", Bool(access.AnonymousAccess) },
        { "basicAuthentication", Bool(access.BasicAuthentication) },
        { "basicRequiresTls", Bool(access.BasicRequiresTls) },
        { "basicDefaultDomain", Text(access.BasicDefaultDomain) },
        { "requireTls", Bool(access.RequireTls) },
        { "connection", AccessList(access.Connection) },
        { "relay", AccessList(access.Relay) },
        { "allowAuthenticatedRelay", Bool(access.AllowAuthenticatedRelay) },
    };

    private static YamlMappingNode AccessList(AccessList list) =>
        Flow(("onlyListed", Bool(list.OnlyListed)), ("entries", FlowSequence(list.Entries.Select(e => Text(e.Text)))));

    private static YamlMappingNode Delivery(SmtpDeliverySettings delivery) => new()
    {
        { "retryIntervalsMinutes", FlowSequence(delivery.RetryIntervals.Select(i => Number(i.TotalMinutes))) },
        { "delayNotificationHours", Number(delivery.DelayNotification.TotalHours) },
        { "expirationHours", Number(delivery.Expiration.TotalHours) },
        { "maxHopCount", Whole(delivery.MaxHopCount) },
        { "masqueradeDomain", Text(delivery.MasqueradeDomain) },
        { "smartHost", Text(delivery.SmartHost) },
        { "outboundPort", Whole(delivery.OutboundPort) },
        { "maxOutboundConnections", Whole(delivery.MaxOutboundConnections) },
        { "maxOutboundConnectionsPerDomain", Whole(delivery.MaxOutboundConnectionsPerDomain) },
        { "outboundTimeoutMinutes", Number(delivery.OutboundTimeout.TotalMinutes) },
        { "outboundTls", Bool(delivery.OutboundTls) },
    };

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

    private static YamlSequenceNode FlowSequence(IEnumerable<YamlNode> items) => new(items) { Style = SequenceStyle.Flow };

    private static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    private static YamlScalarNode Number(double value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A whole number, or <c>null</c> for "no limit".</summary>
    private static YamlScalarNode Whole(long? value) => new(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null");

    /// <summary>
    /// A string, quoted when YAML would otherwise read it as something else (null, a boolean, a
    /// number); the emitter adds quotes where plain text is not allowed at all (<c>*.example.com</c>).
    /// </summary>
    private static YamlScalarNode Text(string? value)
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
