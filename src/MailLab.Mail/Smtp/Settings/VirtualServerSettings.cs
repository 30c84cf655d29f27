using MailLab.Mail.Topology;
using static MailLab.Mail.Smtp.Settings.SettingValue;

namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// Every limit, access and delivery setting of a virtual server by its admin API / topology-file
/// name (<c>maxMessageSizeKb</c>, <c>relayList</c>, <c>retryIntervalsMinutes</c>…): the one table the
/// admin API, the CLI and the scenarios share. Names are case-insensitive and may carry their section
/// (<c>limits.maxMessageSizeKb</c>, <c>access.relay.entries</c>). An unknown name is reported with every valid one.
/// </summary>
public static class VirtualServerSettings
{
    private static readonly VirtualServerSetting[] Table =
    [
        // General and Messages tabs' limits (null: no limit).
        new("maxConnections", "limits", SettingTab.General, SettingKind.Number, "limit number of connections to (null: no limit)",
            v => Format(v.Limits.MaxConnections), (v, t) => v.Limits.MaxConnections = NullableInt("maxConnections", t, 1)),
        new("connectionTimeoutMinutes", "limits", SettingTab.General, SettingKind.Number, "connection time-out, in minutes",
            v => FormatNumber(v.Limits.ConnectionTimeout.TotalMinutes), (v, t) => v.Limits.ConnectionTimeout = TimeSpan.FromMinutes(Positive("connectionTimeoutMinutes", t))),
        new("maxMessageSizeKb", "limits", SettingTab.Messages, SettingKind.Number, "limit message size to (KB); advertised with SIZE",
            v => Format(v.Limits.MaxMessageSizeKb), (v, t) => v.Limits.MaxMessageSizeKb = NullableLong("maxMessageSizeKb", t, 1)),
        new("maxSessionSizeKb", "limits", SettingTab.Messages, SettingKind.Number, "limit session size to (KB)",
            v => Format(v.Limits.MaxSessionSizeKb), (v, t) => v.Limits.MaxSessionSizeKb = NullableLong("maxSessionSizeKb", t, 1)),
        new("maxMessagesPerConnection", "limits", SettingTab.Messages, SettingKind.Number, "limit number of messages per (outgoing) connection to",
            v => Format(v.Limits.MaxMessagesPerConnection), (v, t) => v.Limits.MaxMessagesPerConnection = NullableInt("maxMessagesPerConnection", t, 1)),
        new("maxRecipientsPerMessage", "limits", SettingTab.Messages, SettingKind.Number, "limit number of recipients per message to",
            v => Format(v.Limits.MaxRecipientsPerMessage), (v, t) => v.Limits.MaxRecipientsPerMessage = NullableInt("maxRecipientsPerMessage", t, 1)),

        // Access tab.
        new("anonymousAccess", "access", SettingTab.Access, SettingKind.Boolean, "Authentication → Anonymous access",
            v => Format(v.Access.AnonymousAccess), (v, t) => v.Access.AnonymousAccess = Bool("anonymousAccess", t)),
        new("basicAuthentication", "access", SettingTab.Access, SettingKind.Boolean, "Authentication → Basic authentication (AUTH LOGIN/PLAIN, CRAM-MD5)",
            v => Format(v.Access.BasicAuthentication), (v, t) => v.Access.BasicAuthentication = Bool("basicAuthentication", t)),
        new("basicRequiresTls", "access", SettingTab.Access, SettingKind.Boolean, "Basic authentication → Requires TLS encryption",
            v => Format(v.Access.BasicRequiresTls), (v, t) => v.Access.BasicRequiresTls = Bool("basicRequiresTls", t)),
        new("basicDefaultDomain", "access", SettingTab.Access, SettingKind.Text, "Basic authentication → default domain (null: none)",
            v => Format(v.Access.BasicDefaultDomain), (v, t) => v.Access.BasicDefaultDomain = Checked("basicDefaultDomain", t, n => NameRules.IsDomainName(n), "a domain name")),
        new("requireTls", "access", SettingTab.Access, SettingKind.Boolean, "Secure communication → Require secure channel",
            v => Format(v.Access.RequireTls), (v, t) => v.Access.RequireTls = Bool("requireTls", t)),
        new("connectionOnlyListed", "access", SettingTab.Access, SettingKind.Boolean, "Connection control: true = only the list below, false = all except the list below",
            v => Format(v.Access.Connection.OnlyListed), (v, t) => v.Access.Connection.OnlyListed = Bool("connectionOnlyListed", t)),
        new("connectionList", "access", SettingTab.Access, SettingKind.TextList, "Connection control list: IPs, subnets or domain names, comma-separated",
            v => string.Join(", ", v.Access.Connection.Entries), (v, t) => Entries(v.Access.Connection, "connectionList", t)),
        new("relayOnlyListed", "access", SettingTab.Access, SettingKind.Boolean, "Relay restrictions: true = only the list below, false = all except the list below",
            v => Format(v.Access.Relay.OnlyListed), (v, t) => v.Access.Relay.OnlyListed = Bool("relayOnlyListed", t)),
        new("relayList", "access", SettingTab.Access, SettingKind.TextList, "Relay restrictions list: IPs, subnets or domain names, comma-separated",
            v => string.Join(", ", v.Access.Relay.Entries), (v, t) => Entries(v.Access.Relay, "relayList", t)),
        new("allowAuthenticatedRelay", "access", SettingTab.Access, SettingKind.Boolean, "Allow all computers which successfully authenticate to relay",
            v => Format(v.Access.AllowAuthenticatedRelay), (v, t) => v.Access.AllowAuthenticatedRelay = Bool("allowAuthenticatedRelay", t)),

        // Delivery tab.
        new("retryIntervalsMinutes", "delivery", SettingTab.Delivery, SettingKind.NumberList, "first, second, third and subsequent retry intervals, in minutes (\"15, 30, 60, 240\")",
            v => string.Join(", ", v.Delivery.RetryIntervals.Select(i => FormatNumber(i.TotalMinutes))), RetryIntervals),
        new("delayNotificationHours", "delivery", SettingTab.Delivery, SettingKind.Number, "delay notification, in hours",
            v => FormatNumber(v.Delivery.DelayNotification.TotalHours), (v, t) => v.Delivery.DelayNotification = TimeSpan.FromHours(Positive("delayNotificationHours", t))),
        new("expirationHours", "delivery", SettingTab.Delivery, SettingKind.Number, "expiration time-out, in hours",
            v => FormatNumber(v.Delivery.Expiration.TotalHours), (v, t) => v.Delivery.Expiration = TimeSpan.FromHours(Positive("expirationHours", t))),
        new("maxHopCount", "delivery", SettingTab.Delivery, SettingKind.Number, "Advanced → maximum hop count",
            v => Format(v.Delivery.MaxHopCount), (v, t) => v.Delivery.MaxHopCount = Int("maxHopCount", t, 1)),
        new("masqueradeDomain", "delivery", SettingTab.Delivery, SettingKind.Text, "Advanced → masquerade domain (null: none)",
            v => Format(v.Delivery.MasqueradeDomain), (v, t) => v.Delivery.MasqueradeDomain = Checked("masqueradeDomain", t, n => NameRules.IsDomainName(n), "a domain name")),
        new("smartHost", "delivery", SettingTab.Delivery, SettingKind.Text, "Advanced → smart host: a name or [IP], optionally :port (null: none)",
            v => Format(v.Delivery.SmartHost), (v, t) => v.Delivery.SmartHost = Checked("smartHost", t, NameRules.IsSmartHost, "a host name or [IP address], optionally :port")),
        new("outboundPort", "delivery", SettingTab.Delivery, SettingKind.Number, "Outbound connections → TCP port",
            v => Format(v.Delivery.OutboundPort), (v, t) => v.Delivery.OutboundPort = Int("outboundPort", t, 1, 65535)),
        new("maxOutboundConnections", "delivery", SettingTab.Delivery, SettingKind.Number, "Outbound connections → limit (null: no limit)",
            v => Format(v.Delivery.MaxOutboundConnections), (v, t) => v.Delivery.MaxOutboundConnections = NullableInt("maxOutboundConnections", t, 1)),
        new("maxOutboundConnectionsPerDomain", "delivery", SettingTab.Delivery, SettingKind.Number, "Outbound connections → limit per domain (null: no limit)",
            v => Format(v.Delivery.MaxOutboundConnectionsPerDomain), (v, t) => v.Delivery.MaxOutboundConnectionsPerDomain = NullableInt("maxOutboundConnectionsPerDomain", t, 1)),
        new("outboundTimeoutMinutes", "delivery", SettingTab.Delivery, SettingKind.Number, "Outbound connections → time-out, in minutes",
            v => FormatNumber(v.Delivery.OutboundTimeout.TotalMinutes), (v, t) => v.Delivery.OutboundTimeout = TimeSpan.FromMinutes(Positive("outboundTimeoutMinutes", t))),
        new("outboundTls", "delivery", SettingTab.Delivery, SettingKind.Boolean, "Outbound security → TLS encryption",
            v => Format(v.Delivery.OutboundTls), (v, t) => v.Delivery.OutboundTls = Bool("outboundTls", t)),

        // Identity, NDR copy and logging.
        new("fqdn", "general", SettingTab.General, SettingKind.Text, "Delivery → Advanced → fully-qualified domain name (the name in the greeting)",
            v => v.Fqdn, (v, t) => v.Fqdn = Checked("fqdn", t, n => NameRules.IsDomainName(n), "a domain name") ?? throw Invalid("fqdn", t, "a domain name")),
        new("ndrCopyTo", "general", SettingTab.Messages, SettingKind.Text, "Messages → send a copy of each non-delivery report to (null: nobody)",
            v => Format(v.NdrCopyTo), (v, t) => v.NdrCopyTo = Checked("ndrCopyTo", t, NameRules.IsMailAddress, "an address user@domain")),
        new("loggingEnabled", "general", SettingTab.General, SettingKind.Boolean, "General → enable logging",
            v => Format(v.LoggingEnabled), (v, t) => v.LoggingEnabled = Bool("loggingEnabled", t)),
    ];

    /// <summary>Other spellings: the topology file's nested keys and the API's list names.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["connection.onlyListed"] = "connectionOnlyListed",
        ["connection.entries"] = "connectionList",
        ["connectionEntries"] = "connectionList",
        ["connection"] = "connectionList",
        ["relay.onlyListed"] = "relayOnlyListed",
        ["relay.entries"] = "relayList",
        ["relayEntries"] = "relayList",
        ["relay"] = "relayList",
        ["connectionTimeout"] = "connectionTimeoutMinutes",
        ["retryIntervals"] = "retryIntervalsMinutes",
    };

    private static readonly string[] SectionPrefixes = ["limits.", "access.", "delivery.", "general.", "messages."];

    public static IReadOnlyList<VirtualServerSetting> All => Table;

    /// <summary>Finds a setting by name; throws with the list of valid names (and the closest one) otherwise.</summary>
    public static VirtualServerSetting Find(string name)
    {
        var key = name.Trim();
        var prefix = SectionPrefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null)
        {
            key = key[prefix.Length..];
        }

        if (Aliases.TryGetValue(key, out var canonical))
        {
            key = canonical;
        }

        var found = Table.FirstOrDefault(s => s.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var closest = Closest(key);
        var groups = Table.GroupBy(s => s.Section).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Name))}");
        throw new InvalidSettingException(
            name,
            $"Unknown setting \"{name}\"{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}. Valid settings are {string.Join("; ", groups)}.");
    }

    /// <summary>Sets a setting from its text; a value IIS would refuse leaves the old one in place.</summary>
    public static void Apply(SmtpVirtualServer server, string name, string value) => ApplyAll(server, [new(name, value)]);

    /// <summary>
    /// Sets several settings at once, all or nothing: the first unknown name or bad value (or a set of
    /// limits IIS would refuse together) throws and leaves every setting as it was.
    /// </summary>
    public static void ApplyAll(SmtpVirtualServer server, IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        var settings = changes.Select(c => Find(c.Key)).ToArray();
        lock (server)
        {
            var limits = server.Limits;
            var limitsBefore = (limits.MaxConnections, limits.ConnectionTimeout, limits.MaxMessageSizeKb, limits.MaxSessionSizeKb, limits.MaxMessagesPerConnection, limits.MaxRecipientsPerMessage);
            var before = settings.Distinct().Select(s => (Setting: s, Text: s.Get(server))).ToArray();
            try
            {
                for (var i = 0; i < settings.Length; i++)
                {
                    settings[i].Set(server, changes[i].Value);
                }

                // Checked once every change is in, so that raising two related limits in one go works.
                if (limits.Validate() is { } problem)
                {
                    throw new InvalidSettingException(problem.Split(' ')[0], $"IIS would refuse this: {problem}.");
                }
            }
            catch
            {
                foreach (var (setting, text) in before.Where(b => b.Setting.Section != "limits"))
                {
                    setting.Set(server, text);
                }

                (limits.MaxConnections, limits.ConnectionTimeout, limits.MaxMessageSizeKb, limits.MaxSessionSizeKb, limits.MaxMessagesPerConnection, limits.MaxRecipientsPerMessage) = limitsBefore;
                throw;
            }
        }
    }

    /// <summary>A likely meant name: a near miss by edit distance, or one name inside the other ("maxRecipients").</summary>
    private static string? Closest(string typed) =>
        Topology.KeySuggester.Closest(typed, Table.Select(s => s.Name))
        ?? (typed.Length >= 4 ? Table.Select(s => s.Name).FirstOrDefault(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase) || typed.Contains(n, StringComparison.OrdinalIgnoreCase)) : null);

    /// <summary>Null for "none", else the text when it passes the topology file's rule for such a value.</summary>
    private static string? Checked(string name, string text, Func<string, bool> valid, string expected) =>
        NullableText(text) is not { } value ? null : valid(value) ? value : throw Invalid(name, text, expected);

    private static void Entries(AccessList list, string name, string text)
    {
        var rules = new List<AccessRule>();
        foreach (var item in List(text))
        {
            rules.Add(AccessRule.TryParse(item, out var rule) ? rule! : throw Invalid(name, item, "an IP address (192.0.2.1), a subnet (192.0.2.0/24) or a domain name"));
        }

        list.Entries.Clear();
        list.Entries.AddRange(rules);
    }

    private static void RetryIntervals(SmtpVirtualServer server, string text)
    {
        var intervals = List(text).Select(i => TimeSpan.FromMinutes(Positive("retryIntervalsMinutes", i))).ToList();
        server.Delivery.RetryIntervals = intervals.Count > 0 ? intervals : throw Invalid("retryIntervalsMinutes", text, "at least one interval (the last one repeats)");
    }
}
