using MailLab.Mail.Smtp;
using MailLab.Scenarios.Driver;
using static MailLab.Scenarios.Settings.SettingValue;

namespace MailLab.Scenarios.Settings;

/// <summary>
/// Every limit, access and delivery setting of a virtual server by its admin API / topology-file
/// name (<c>maxMessageSizeKb</c>, <c>relayList</c>, <c>retryIntervalsMinutes</c>…). Names are
/// case-insensitive and may carry their section (<c>limits.maxMessageSizeKb</c>,
/// <c>access.relay.entries</c>). An unknown name is reported with every valid one.
/// </summary>
public static class VirtualServerSettings
{
    private static readonly VirtualServerSetting[] Table =
    [
        // General and Messages tabs (null: no limit).
        new("maxConnections", "limits", "limit number of connections to (null: no limit)",
            v => Format(v.Limits.MaxConnections), (v, t) => Limits(v, l => l.MaxConnections = NullableInt("maxConnections", t, 1))),
        new("connectionTimeoutMinutes", "limits", "connection time-out, in minutes",
            v => FormatNumber(v.Limits.ConnectionTimeout.TotalMinutes), (v, t) => Limits(v, l => l.ConnectionTimeout = TimeSpan.FromMinutes(Positive("connectionTimeoutMinutes", t)))),
        new("maxMessageSizeKb", "limits", "limit message size to (KB); advertised with SIZE",
            v => Format(v.Limits.MaxMessageSizeKb), (v, t) => Limits(v, l => l.MaxMessageSizeKb = NullableLong("maxMessageSizeKb", t, 1))),
        new("maxSessionSizeKb", "limits", "limit session size to (KB)",
            v => Format(v.Limits.MaxSessionSizeKb), (v, t) => Limits(v, l => l.MaxSessionSizeKb = NullableLong("maxSessionSizeKb", t, 1))),
        new("maxMessagesPerConnection", "limits", "limit number of messages per (outgoing) connection to",
            v => Format(v.Limits.MaxMessagesPerConnection), (v, t) => Limits(v, l => l.MaxMessagesPerConnection = NullableInt("maxMessagesPerConnection", t, 1))),
        new("maxRecipientsPerMessage", "limits", "limit number of recipients per message to",
            v => Format(v.Limits.MaxRecipientsPerMessage), (v, t) => Limits(v, l => l.MaxRecipientsPerMessage = NullableInt("maxRecipientsPerMessage", t, 1))),

        // Access tab.
        new("anonymousAccess", "access", "Authentication → Anonymous access",
            v => Format(v.Access.AnonymousAccess), (v, t) => v.Access.AnonymousAccess = Bool("anonymousAccess", t)),
        new("basicAuthentication", "access", "Authentication → Basic authentication (AUTH LOGIN/PLAIN, CRAM-MD5)",
            v => Format(v.Access.BasicAuthentication), (v, t) => v.Access.BasicAuthentication = Bool("basicAuthentication", t)),
        new("basicRequiresTls", "access", "Basic authentication → Requires TLS encryption",
            v => Format(v.Access.BasicRequiresTls), (v, t) => v.Access.BasicRequiresTls = Bool("basicRequiresTls", t)),
        new("basicDefaultDomain", "access", "Basic authentication → default domain (null: none)",
            v => Format(v.Access.BasicDefaultDomain), (v, t) => v.Access.BasicDefaultDomain = NullableText(t)),
        new("requireTls", "access", "Secure communication → Require secure channel",
            v => Format(v.Access.RequireTls), (v, t) => v.Access.RequireTls = Bool("requireTls", t)),
        new("connectionOnlyListed", "access", "Connection control: true = only the list below, false = all except the list below",
            v => Format(v.Access.Connection.OnlyListed), (v, t) => v.Access.Connection.OnlyListed = Bool("connectionOnlyListed", t)),
        new("connectionList", "access", "Connection control list: IPs, subnets or domain names, comma-separated",
            v => string.Join(", ", v.Access.Connection.Entries), (v, t) => Entries(v.Access.Connection, "connectionList", t)),
        new("relayOnlyListed", "access", "Relay restrictions: true = only the list below, false = all except the list below",
            v => Format(v.Access.Relay.OnlyListed), (v, t) => v.Access.Relay.OnlyListed = Bool("relayOnlyListed", t)),
        new("relayList", "access", "Relay restrictions list: IPs, subnets or domain names, comma-separated",
            v => string.Join(", ", v.Access.Relay.Entries), (v, t) => Entries(v.Access.Relay, "relayList", t)),
        new("allowAuthenticatedRelay", "access", "Allow all computers which successfully authenticate to relay",
            v => Format(v.Access.AllowAuthenticatedRelay), (v, t) => v.Access.AllowAuthenticatedRelay = Bool("allowAuthenticatedRelay", t)),

        // Delivery tab.
        new("retryIntervalsMinutes", "delivery", "first, second, third and subsequent retry intervals, in minutes (\"15, 30, 60, 240\")",
            v => string.Join(", ", v.Delivery.RetryIntervals.Select(i => FormatNumber(i.TotalMinutes))), RetryIntervals),
        new("delayNotificationHours", "delivery", "delay notification, in hours",
            v => FormatNumber(v.Delivery.DelayNotification.TotalHours), (v, t) => v.Delivery.DelayNotification = TimeSpan.FromHours(Positive("delayNotificationHours", t))),
        new("expirationHours", "delivery", "expiration time-out, in hours",
            v => FormatNumber(v.Delivery.Expiration.TotalHours), (v, t) => v.Delivery.Expiration = TimeSpan.FromHours(Positive("expirationHours", t))),
        new("maxHopCount", "delivery", "Advanced → maximum hop count",
            v => Format(v.Delivery.MaxHopCount), (v, t) => v.Delivery.MaxHopCount = Int("maxHopCount", t, 1)),
        new("masqueradeDomain", "delivery", "Advanced → masquerade domain (null: none)",
            v => Format(v.Delivery.MasqueradeDomain), (v, t) => v.Delivery.MasqueradeDomain = NullableText(t)),
        new("smartHost", "delivery", "Advanced → smart host: a name or [IP], optionally :port (null: none)",
            v => Format(v.Delivery.SmartHost), (v, t) => v.Delivery.SmartHost = NullableText(t)),
        new("outboundPort", "delivery", "Outbound connections → TCP port",
            v => Format(v.Delivery.OutboundPort), (v, t) => v.Delivery.OutboundPort = Int("outboundPort", t, 1, 65535)),
        new("maxOutboundConnections", "delivery", "Outbound connections → limit (null: no limit)",
            v => Format(v.Delivery.MaxOutboundConnections), (v, t) => v.Delivery.MaxOutboundConnections = NullableInt("maxOutboundConnections", t, 1)),
        new("maxOutboundConnectionsPerDomain", "delivery", "Outbound connections → limit per domain (null: no limit)",
            v => Format(v.Delivery.MaxOutboundConnectionsPerDomain), (v, t) => v.Delivery.MaxOutboundConnectionsPerDomain = NullableInt("maxOutboundConnectionsPerDomain", t, 1)),
        new("outboundTimeoutMinutes", "delivery", "Outbound connections → time-out, in minutes",
            v => FormatNumber(v.Delivery.OutboundTimeout.TotalMinutes), (v, t) => v.Delivery.OutboundTimeout = TimeSpan.FromMinutes(Positive("outboundTimeoutMinutes", t))),
        new("outboundTls", "delivery", "Outbound security → TLS encryption",
            v => Format(v.Delivery.OutboundTls), (v, t) => v.Delivery.OutboundTls = Bool("outboundTls", t)),

        // General and Messages tabs: identity.
        new("fqdn", "general", "Delivery → Advanced → fully-qualified domain name (the name in the greeting)",
            v => v.Fqdn, (v, t) => v.Fqdn = NullableText(t) ?? throw Invalid("fqdn", t, "a domain name")),
        new("ndrCopyTo", "general", "Messages → send a copy of each non-delivery report to (null: nobody)",
            v => Format(v.NdrCopyTo), (v, t) => v.NdrCopyTo = NullableText(t)),
        new("loggingEnabled", "general", "General → enable logging",
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

    public static IReadOnlyList<VirtualServerSetting> All => Table;

    /// <summary>Finds a setting by name; throws with the list of valid names (and the closest one) otherwise.</summary>
    public static VirtualServerSetting Find(string name)
    {
        var key = name.Trim();
        foreach (var section in new[] { "limits.", "access.", "delivery.", "general." })
        {
            if (key.StartsWith(section, StringComparison.OrdinalIgnoreCase))
            {
                key = key[section.Length..];
                break;
            }
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

        var closest = Runner.Similarity.Rank(name, Table.Select(s => s.Name)).FirstOrDefault();
        var groups = Table.GroupBy(s => s.Section).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Name))}");
        throw new ScenarioSetupException(
            $"Unknown setting \"{name}\"{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}. Valid settings are {string.Join("; ", groups)}.");
    }

    /// <summary>Sets a setting from its text; a value IIS would refuse leaves the old one in place.</summary>
    public static void Apply(SmtpVirtualServer server, string name, string value) => Find(name).Set(server, value);

    private static void Limits(SmtpVirtualServer server, Action<SmtpLimitsSettings> change)
    {
        var limits = server.Limits;
        var before = (limits.MaxConnections, limits.ConnectionTimeout, limits.MaxMessageSizeKb, limits.MaxSessionSizeKb, limits.MaxMessagesPerConnection, limits.MaxRecipientsPerMessage);
        change(limits);
        if (limits.Validate() is { } problem)
        {
            (limits.MaxConnections, limits.ConnectionTimeout, limits.MaxMessageSizeKb, limits.MaxSessionSizeKb, limits.MaxMessagesPerConnection, limits.MaxRecipientsPerMessage) = before;
            throw new ScenarioSetupException($"IIS would refuse this: {problem}.");
        }
    }

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
