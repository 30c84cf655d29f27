using System.Globalization;
using System.Net;
using MailLab.Mail.Smtp;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a virtual server's property-sheet settings (limits, access, delivery) onto the model's
/// settings objects. A key that is left out keeps the IIS default already in those objects.
/// </summary>
internal static class SettingsReader
{
    private static readonly string[] LimitsKeys =
        ["maxConnections", "connectionTimeoutMinutes", "maxMessageSizeKb", "maxSessionSizeKb", "maxMessagesPerConnection", "maxRecipientsPerMessage"];

    private static readonly string[] AccessKeys =
        ["anonymousAccess", "basicAuthentication", "basicRequiresTls", "basicDefaultDomain", "requireTls", "connection", "relay", "allowAuthenticatedRelay"];

    private static readonly string[] AccessListKeys = ["onlyListed", "entries"];

    private static readonly string[] DeliveryKeys =
    [
        "retryIntervalsMinutes", "delayNotificationHours", "expirationHours", "maxHopCount", "masqueradeDomain", "smartHost",
        "outboundPort", "maxOutboundConnections", "maxOutboundConnectionsPerDomain", "outboundTimeoutMinutes", "outboundTls",
    ];

    /// <summary>General and Messages tabs. <c>null</c> means "no limit" (the box unticked).</summary>
    public static void ReadLimits(MappingReader server, SmtpLimitsSettings limits)
    {
        var reader = server.Mapping("limits", LimitsKeys);
        if (reader is null)
        {
            return;
        }

        if (reader.TryNullableInt("maxConnections", out var maxConnections))
        {
            limits.MaxConnections = maxConnections;
        }

        if (reader.TryNumber("connectionTimeoutMinutes", 0, minExclusive: true, out var timeout))
        {
            limits.ConnectionTimeout = TimeSpan.FromMinutes(timeout);
        }

        if (reader.TryNullableLong("maxMessageSizeKb", out var maxMessage))
        {
            limits.MaxMessageSizeKb = maxMessage;
        }

        if (reader.TryNullableLong("maxSessionSizeKb", out var maxSession))
        {
            limits.MaxSessionSizeKb = maxSession;
        }

        if (reader.TryNullableInt("maxMessagesPerConnection", out var maxMessages))
        {
            limits.MaxMessagesPerConnection = maxMessages;
        }

        if (reader.TryNullableInt("maxRecipientsPerMessage", out var maxRecipients))
        {
            limits.MaxRecipientsPerMessage = maxRecipients;
        }

        // The model knows IIS's rules ("maxMessageSizeKb must be at least 1"): its first word is the key.
        if (limits.Validate() is { } problem)
        {
            var space = problem.IndexOf(' ');
            var key = problem[..space] == "connectionTimeout" ? "connectionTimeoutMinutes" : problem[..space];
            reader.Error(key, problem[(space + 1)..]);
        }
    }

    /// <summary>Access tab: authentication, secure communication, connection control and relay restrictions.</summary>
    public static void ReadAccess(MappingReader server, SmtpAccessSettings access)
    {
        var reader = server.Mapping("access", AccessKeys);
        if (reader is null)
        {
            return;
        }

        if (reader.TryBool("anonymousAccess", out var anonymous))
        {
            access.AnonymousAccess = anonymous;
        }

        if (reader.TryBool("basicAuthentication", out var basic))
        {
            access.BasicAuthentication = basic;
        }

        if (reader.TryBool("basicRequiresTls", out var basicTls))
        {
            access.BasicRequiresTls = basicTls;
        }

        if (reader.TryNullableString("basicDefaultDomain", out var defaultDomain))
        {
            if (defaultDomain is null || NameRules.IsDomainName(defaultDomain))
            {
                access.BasicDefaultDomain = defaultDomain;
            }
            else
            {
                reader.Error("basicDefaultDomain", $"'{defaultDomain}' is not a domain name");
            }
        }

        if (reader.TryBool("requireTls", out var requireTls))
        {
            access.RequireTls = requireTls;
        }

        ReadAccessList(reader, "connection", access.Connection);
        ReadAccessList(reader, "relay", access.Relay);
        if (reader.TryBool("allowAuthenticatedRelay", out var authenticatedRelay))
        {
            access.AllowAuthenticatedRelay = authenticatedRelay;
        }
    }

    /// <summary>Delivery tab: retries, notifications, hop count, masquerade domain, smart host, outbound connections.</summary>
    public static void ReadDelivery(MappingReader server, SmtpDeliverySettings delivery)
    {
        var reader = server.Mapping("delivery", DeliveryKeys);
        if (reader is null)
        {
            return;
        }

        ReadRetryIntervals(reader, delivery);
        if (reader.TryNumber("delayNotificationHours", 0, minExclusive: true, out var delay))
        {
            delivery.DelayNotification = TimeSpan.FromHours(delay);
        }

        if (reader.TryNumber("expirationHours", 0, minExclusive: true, out var expiration))
        {
            delivery.Expiration = TimeSpan.FromHours(expiration);
        }

        if (reader.TryInt("maxHopCount", 1, int.MaxValue, out var hops))
        {
            delivery.MaxHopCount = hops;
        }

        if (reader.TryNullableString("masqueradeDomain", out var masquerade))
        {
            if (masquerade is null || NameRules.IsDomainName(masquerade))
            {
                delivery.MasqueradeDomain = masquerade;
            }
            else
            {
                reader.Error("masqueradeDomain", $"'{masquerade}' is not a domain name");
            }
        }

        if (reader.TryNullableString("smartHost", out var smartHost))
        {
            if (smartHost is null || NameRules.IsSmartHost(smartHost))
            {
                delivery.SmartHost = smartHost;
            }
            else
            {
                reader.Error("smartHost", $"'{smartHost}' is not a host name or [IP address], optionally with :port");
            }
        }

        if (reader.TryInt("outboundPort", 1, 65535, out var port))
        {
            delivery.OutboundPort = port;
        }

        if (TryLimit(reader, "maxOutboundConnections", out var total))
        {
            delivery.MaxOutboundConnections = total;
        }

        if (TryLimit(reader, "maxOutboundConnectionsPerDomain", out var perDomain))
        {
            delivery.MaxOutboundConnectionsPerDomain = perDomain;
        }

        if (reader.TryNumber("outboundTimeoutMinutes", 0, minExclusive: true, out var outboundTimeout))
        {
            delivery.OutboundTimeout = TimeSpan.FromMinutes(outboundTimeout);
        }

        if (reader.TryBool("outboundTls", out var outboundTls))
        {
            delivery.OutboundTls = outboundTls;
        }
    }

    /// <summary>"Only the list below" (onlyListed: true) or "All except the list below", with IPs, subnets and domain names.</summary>
    private static void ReadAccessList(MappingReader access, string key, AccessList list)
    {
        var reader = access.Mapping(key, AccessListKeys);
        if (reader is null)
        {
            return;
        }

        if (reader.TryBool("onlyListed", out var onlyListed))
        {
            list.OnlyListed = onlyListed;
        }

        foreach (var (node, path) in reader.Items("entries"))
        {
            if (!MappingReader.TryItemString(node, path, reader.Diagnostics, out var text))
            {
                continue;
            }

            if (AccessRule.TryParse(text, out var rule))
            {
                list.Entries.Add(rule!);
            }
            else
            {
                reader.Diagnostics.Add(node.Start, path, $"'{text}' is not an IP address (192.0.2.1), subnet (192.0.2.0/24 or 192.0.2.0/255.255.255.0) or domain name");
            }
        }
    }

    /// <summary>First, second, third and subsequent retry intervals, in minutes; the last one repeats.</summary>
    private static void ReadRetryIntervals(MappingReader reader, SmtpDeliverySettings delivery)
    {
        if (!reader.Has("retryIntervalsMinutes"))
        {
            return;
        }

        var items = reader.Items("retryIntervalsMinutes");
        if (items.Count == 0)
        {
            if (reader.Value("retryIntervalsMinutes") is { } value && (value is YamlSequenceNode || MappingReader.IsNull(value)))
            {
                reader.Error("retryIntervalsMinutes", "needs at least one interval (the last one repeats)");
            }

            return;
        }

        var intervals = new List<TimeSpan>();
        foreach (var (node, path) in items)
        {
            if (node is YamlScalarNode { Value: { } text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
                && double.IsFinite(minutes) && minutes > 0)
            {
                intervals.Add(TimeSpan.FromMinutes(minutes));
            }
            else
            {
                reader.Diagnostics.Add(node.Start, path, "must be a number of minutes greater than 0");
            }
        }

        if (intervals.Count == items.Count)
        {
            delivery.RetryIntervals = intervals;
        }
    }

    /// <summary>A connection-count limit: a whole number of at least 1, or null for no limit.</summary>
    private static bool TryLimit(MappingReader reader, string key, out int? value)
    {
        if (!reader.TryNullableInt(key, out value))
        {
            return false;
        }

        if (value is < 1)
        {
            reader.Error(key, "must be at least 1 (or null for no limit)");
            return false;
        }

        return true;
    }
}
