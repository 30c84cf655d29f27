using MailLab.Mail.Settings;

using static MailLab.Mail.Settings.SettingType;

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
        new("maxConnections", SettingSection.Limits, "maxConnections", SettingTab.General, new("general", "connections"), Whole(1, nullable: true),
            "Limit number of connections to", "Ограничить число подключений до", "limit number of connections to (null: no limit)",
            s => s.Limits.MaxConnections, (s, v) => s with { Limits = s.Limits with { MaxConnections = I(v) } }),
        new("connectionTimeoutMinutes", SettingSection.Limits, "connectionTimeoutMinutes", SettingTab.General, new("general", "connections"), Positive,
            "Connection time-out (minutes)", "Время ожидания подключения (мин)", "connection time-out, in minutes",
            s => s.Limits.ConnectionTimeout.TotalMinutes, (s, v) => s with { Limits = s.Limits with { ConnectionTimeout = TimeSpan.FromMinutes((double)v!) } }),
        new("maxMessageSizeKb", SettingSection.Limits, "maxMessageSizeKb", SettingTab.Messages, new("messages", "limits"), Whole(1, long.MaxValue, nullable: true),
            "Limit message size to (KB)", "Ограничить размер сообщения до (КБ)", "limit message size to (KB); advertised with SIZE",
            s => s.Limits.MaxMessageSizeKb, (s, v) => s with { Limits = s.Limits with { MaxMessageSizeKb = (long?)v } }),
        new("maxSessionSizeKb", SettingSection.Limits, "maxSessionSizeKb", SettingTab.Messages, new("messages", "limits"), Whole(1, long.MaxValue, nullable: true),
            "Limit session size to (KB)", "Ограничить размер сеанса до (КБ)", "limit session size to (KB); at least the message size",
            s => s.Limits.MaxSessionSizeKb, (s, v) => s with { Limits = s.Limits with { MaxSessionSizeKb = (long?)v } }),
        new("maxMessagesPerConnection", SettingSection.Limits, "maxMessagesPerConnection", SettingTab.Messages, new("messages", "limits"), Whole(1, nullable: true),
            "Limit number of messages per connection to", "Ограничить число сообщений за подключение до", "limit number of messages per (outgoing) connection to",
            s => s.Limits.MaxMessagesPerConnection, (s, v) => s with { Limits = s.Limits with { MaxMessagesPerConnection = I(v) } }),
        new("maxRecipientsPerMessage", SettingSection.Limits, "maxRecipientsPerMessage", SettingTab.Messages, new("messages", "limits"), Whole(1, nullable: true),
            "Limit number of recipients per message to", "Ограничить число получателей сообщения до", "limit number of recipients per message to",
            s => s.Limits.MaxRecipientsPerMessage, (s, v) => s with { Limits = s.Limits with { MaxRecipientsPerMessage = I(v) } }),

        // Access tab.
        new("anonymousAccess", SettingSection.Access, "anonymousAccess", SettingTab.Access, new("access", "authentication"), Bool,
            "Anonymous access", "Анонимный доступ", "Authentication → Anonymous access",
            s => s.Access.AnonymousAccess, (s, v) => s with { Access = s.Access with { AnonymousAccess = (bool)v! } }),
        new("basicAuthentication", SettingSection.Access, "basicAuthentication", SettingTab.Access, new("access", "authentication"), Bool,
            "Basic authentication", "Обычная проверка подлинности", "Authentication → Basic authentication (AUTH LOGIN/PLAIN, CRAM-MD5)",
            s => s.Access.BasicAuthentication, (s, v) => s with { Access = s.Access with { BasicAuthentication = (bool)v! } }),
        new("basicRequiresTls", SettingSection.Access, "basicRequiresTls", SettingTab.Access, new("access", "authentication"), Bool,
            "Requires TLS encryption", "Требуется TLS-шифрование", "Basic authentication → Requires TLS encryption",
            s => s.Access.BasicRequiresTls, (s, v) => s with { Access = s.Access with { BasicRequiresTls = (bool)v! } }),
        new("basicDefaultDomain", SettingSection.Access, "basicDefaultDomain", SettingTab.Access, new("access", "authentication"), SettingType.Text(TextRule.DomainName),
            "Default domain (Basic)", "Домен по умолчанию (обычная проверка)", "Basic authentication → default domain, added to a user name without one (null: none)",
            s => s.Access.BasicDefaultDomain, (s, v) => s with { Access = s.Access with { BasicDefaultDomain = (string?)v } }),
        new("requireTls", SettingSection.Access, "requireTls", SettingTab.Access, new("access", "secureCommunication"), Bool,
            "Require secure channel (TLS)", "Требовать безопасный канал (TLS)", "Secure communication → Require secure channel",
            s => s.Access.RequireTls, (s, v) => s with { Access = s.Access with { RequireTls = (bool)v! } }),
        new("connectionOnlyListed", SettingSection.Access, "connection.onlyListed", SettingTab.Access, new("access", "connectionControl"), OnlyListed,
            "Grant connection to", "Разрешить подключение", "Connection control: true = only the list below, false = all except the list below",
            s => s.Access.Connection.OnlyListed, (s, v) => s with { Access = s.Access with { Connection = s.Access.Connection with { OnlyListed = (bool)v! } } }),
        new("connectionList", SettingSection.Access, "connection.entries", SettingTab.Access, new("access", "connectionControl"), AccessRules,
            "Computers (IP, subnet, domain)", "Компьютеры (IP, подсеть, домен)", "Connection control list: IPs, subnets or domain names, comma-separated",
            s => s.Access.Connection.Entries, (s, v) => s with { Access = s.Access with { Connection = s.Access.Connection with { Entries = (IReadOnlyList<AccessRule>)v! } } }),
        new("relayOnlyListed", SettingSection.Access, "relay.onlyListed", SettingTab.Access, new("access", "relayRestrictions"), OnlyListed,
            "Allow relay for", "Разрешить ретрансляцию", "Relay restrictions: true = only the list below, false = all except the list below",
            s => s.Access.Relay.OnlyListed, (s, v) => s with { Access = s.Access with { Relay = s.Access.Relay with { OnlyListed = (bool)v! } } }),
        new("relayList", SettingSection.Access, "relay.entries", SettingTab.Access, new("access", "relayRestrictions"), AccessRules,
            "Computers (IP, subnet, domain)", "Компьютеры (IP, подсеть, домен)", "Relay restrictions list: IPs, subnets or domain names, comma-separated",
            s => s.Access.Relay.Entries, (s, v) => s with { Access = s.Access with { Relay = s.Access.Relay with { Entries = (IReadOnlyList<AccessRule>)v! } } }),
        new("allowAuthenticatedRelay", SettingSection.Access, "allowAuthenticatedRelay", SettingTab.Access, new("access", "relayRestrictions"), Bool,
            "Allow all computers which successfully authenticate to relay, regardless of the list above",
            "Разрешить ретрансляцию всем компьютерам, прошедшим проверку подлинности, независимо от списка",
            "Allow all computers which successfully authenticate to relay",
            s => s.Access.AllowAuthenticatedRelay, (s, v) => s with { Access = s.Access with { AllowAuthenticatedRelay = (bool)v! } }),

        // Delivery tab.
        new("retryIntervalsMinutes", SettingSection.Delivery, "retryIntervalsMinutes", SettingTab.Delivery, new("delivery", "retries"), Intervals,
            "Retry intervals: first, second, third, subsequent (minutes)", "Интервалы повтора: первый, второй, третий, последующие (мин)",
            "first, second, third and subsequent retry intervals, in minutes (\"15, 30, 60, 240\")",
            s => s.Delivery.RetryIntervals.Select(i => i.TotalMinutes).ToArray(),
            (s, v) => s with { Delivery = s.Delivery with { RetryIntervals = ((IReadOnlyList<double>)v!).Select(TimeSpan.FromMinutes).ToArray() } }),
        new("delayNotificationHours", SettingSection.Delivery, "delayNotificationHours", SettingTab.Delivery, new("delivery", "retries"), Positive,
            "Delay notification (hours)", "Уведомление о задержке (ч)", "delay notification, in hours",
            s => s.Delivery.DelayNotification.TotalHours, (s, v) => s with { Delivery = s.Delivery with { DelayNotification = TimeSpan.FromHours((double)v!) } }),
        new("expirationHours", SettingSection.Delivery, "expirationHours", SettingTab.Delivery, new("delivery", "retries"), Positive,
            "Expiration time-out (hours)", "Срок истечения (ч)", "expiration time-out, in hours",
            s => s.Delivery.Expiration.TotalHours, (s, v) => s with { Delivery = s.Delivery with { Expiration = TimeSpan.FromHours((double)v!) } }),
        new("maxHopCount", SettingSection.Delivery, "maxHopCount", SettingTab.Delivery, new("delivery", "advanced"), Whole(1),
            "Maximum hop count", "Максимальное число переходов", "Advanced → maximum hop count, counted from Received headers",
            s => s.Delivery.MaxHopCount, (s, v) => s with { Delivery = s.Delivery with { MaxHopCount = (int)(long)v! } }),
        new("masqueradeDomain", SettingSection.Delivery, "masqueradeDomain", SettingTab.Delivery, new("delivery", "advanced"), SettingType.Text(TextRule.DomainName),
            "Masquerade domain", "Маскирующий домен", "Advanced → masquerade domain, replaces the local domain in MAIL FROM (null: none)",
            s => s.Delivery.MasqueradeDomain, (s, v) => s with { Delivery = s.Delivery with { MasqueradeDomain = (string?)v } }),
        new("smartHost", SettingSection.Delivery, "smartHost", SettingTab.Delivery, new("delivery", "advanced"), SettingType.Text(TextRule.SmartHost),
            "Smart host", "Смарт-хост", "Advanced → smart host: a name or [IP], optionally :port (null: none)",
            s => s.Delivery.SmartHost, (s, v) => s with { Delivery = s.Delivery with { SmartHost = (string?)v } }),
        new("outboundPort", SettingSection.Delivery, "outboundPort", SettingTab.Delivery, new("delivery", "outbound"), Whole(1, 65535),
            "TCP port", "TCP-порт", "Outbound connections → TCP port",
            s => s.Delivery.OutboundPort, (s, v) => s with { Delivery = s.Delivery with { OutboundPort = (int)(long)v! } }),
        new("maxOutboundConnections", SettingSection.Delivery, "maxOutboundConnections", SettingTab.Delivery, new("delivery", "outbound"), Whole(1, nullable: true),
            "Limit number of connections to", "Ограничить число подключений до", "Outbound connections → limit (null: no limit)",
            s => s.Delivery.MaxOutboundConnections, (s, v) => s with { Delivery = s.Delivery with { MaxOutboundConnections = I(v) } }),
        new("maxOutboundConnectionsPerDomain", SettingSection.Delivery, "maxOutboundConnectionsPerDomain", SettingTab.Delivery, new("delivery", "outbound"), Whole(1, nullable: true),
            "Limit number of connections per domain to", "Ограничить число подключений на домен до", "Outbound connections → limit per domain (null: no limit)",
            s => s.Delivery.MaxOutboundConnectionsPerDomain, (s, v) => s with { Delivery = s.Delivery with { MaxOutboundConnectionsPerDomain = I(v) } }),
        new("outboundTimeoutMinutes", SettingSection.Delivery, "outboundTimeoutMinutes", SettingTab.Delivery, new("delivery", "outbound"), Positive,
            "Time-out (minutes)", "Время ожидания (мин)", "Outbound connections → time-out, in minutes",
            s => s.Delivery.OutboundTimeout.TotalMinutes, (s, v) => s with { Delivery = s.Delivery with { OutboundTimeout = TimeSpan.FromMinutes((double)v!) } }),
        new("outboundTls", SettingSection.Delivery, "outboundTls", SettingTab.Delivery, new("delivery", "outboundSecurity"), Bool,
            "TLS encryption", "TLS-шифрование", "Outbound security → TLS encryption",
            s => s.Delivery.OutboundTls, (s, v) => s with { Delivery = s.Delivery with { OutboundTls = (bool)v! } }),

        // LDAP Routing tab (Windows SMTP Server help, "LDAP Routing tab", winintro.ru/mail.en d60d7f9e; binding types 9f7f29fa;
        // the metabase's IIsSmtpRoutingSource properties, IIS 6.0 SDK ms525677 SmtpDsHost… ms524995 SmtpDsNamingContext).
        new("ldapRoutingEnabled", SettingSection.LdapRouting, "enabled", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), Bool,
            "Enable LDAP routing", "Включить маршрутизацию LDAP", "LDAP Routing → resolve senders and recipients of the local domains through a directory",
            s => s.LdapRouting.Enabled, (s, v) => s with { LdapRouting = s.LdapRouting with { Enabled = (bool)v! } }),
        new("ldapServer", SettingSection.LdapRouting, "server", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), SettingType.Text(TextRule.LdapServer),
            "Server", "Сервер", "LDAP Routing → the computer running the directory, name or IP, optionally :port (389); null: this host's Active Directory",
            s => s.LdapRouting.Server, (s, v) => s with { LdapRouting = s.LdapRouting with { Server = (string?)v } }),
        new("ldapSchema", SettingSection.LdapRouting, "schema", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), Choice(LdapNames.Schemas),
            "Schema", "Схема", "LDAP Routing → Active Directory, Site Server Membership Directory or Exchange LDAP Service",
            s => LdapNames.Schema(s.LdapRouting.Schema), (s, v) => s with { LdapRouting = s.LdapRouting with { Schema = LdapNames.Schema((string)v!) } }),
        new("ldapBinding", SettingSection.LdapRouting, "binding", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), Choice(LdapNames.Bindings),
            "Binding", "Привязка", "LDAP Routing → anonymous, plain text (a simple bind as the user name), Windows SSPI or the service account",
            s => LdapNames.Binding(s.LdapRouting.Binding), (s, v) => s with { LdapRouting = s.LdapRouting with { Binding = LdapNames.Binding((string)v!) } }),
        new("ldapDomain", SettingSection.LdapRouting, "domain", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), SettingType.Text(TextRule.Plain),
            "Domain", "Домен", "LDAP Routing → the Windows domain of the account (Windows SSPI)",
            s => s.LdapRouting.Domain, (s, v) => s with { LdapRouting = s.LdapRouting with { Domain = (string?)v } }),
        new("ldapUserName", SettingSection.LdapRouting, "userName", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), SettingType.Text(TextRule.Plain),
            "User name", "Имя пользователя", "LDAP Routing → the account to bind as (plain text: its DN, such as cn=admin,dc=rosnou,dc=ru)",
            s => s.LdapRouting.UserName, (s, v) => s with { LdapRouting = s.LdapRouting with { UserName = (string?)v } }),
        new("ldapPassword", SettingSection.LdapRouting, "bindPassword", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), Secret,
            "Password", "Пароль", "LDAP Routing → the account's password; write-only: the API shows ******** when one is set",
            s => s.LdapRouting.Password, (s, v) => v is SettingValue.Mask ? s : s with { LdapRouting = s.LdapRouting with { Password = (string?)v } }),
        new("ldapBase", SettingSection.LdapRouting, "base", SettingTab.LdapRouting, new("ldapRouting", "ldapRouting"), SettingType.Text(TextRule.DistinguishedName),
            "Base", "База", "LDAP Routing → the naming context searches start at (dc=rosnou,dc=ru); null: the directory's own",
            s => s.LdapRouting.Base, (s, v) => s with { LdapRouting = s.LdapRouting with { Base = (string?)v } }),

        // Identity, NDR copy and logging: beside the virtual server's name in a topology file.
        new("fqdn", SettingSection.General, "fqdn", SettingTab.General, new("delivery", "advanced", Before: "smartHost"), SettingType.Text(TextRule.Fqdn, nullable: false),
            "Fully-qualified domain name", "Полное доменное имя (FQDN)", "Delivery → Advanced → fully-qualified domain name (the name in the greeting; default: the computer's name)",
            s => s.Fqdn, (s, v) => s with { Fqdn = (string)v! }),
        new("ndrCopyTo", SettingSection.General, "ndrCopyTo", SettingTab.Messages, new("messages", "ndr"), SettingType.Text(TextRule.MailAddress),
            "Send copy of Non-Delivery Report to", "Отправлять копию отчёта о недоставке", "Messages → send a copy of each non-delivery report to (null: nobody)",
            s => s.NdrCopyTo, (s, v) => s with { NdrCopyTo = (string?)v }),
        new("loggingEnabled", SettingSection.General, "loggingEnabled", SettingTab.General, new("general", "logging"), Bool,
            "Enable logging (W3C extended)", "Вести журнал (расширенный формат W3C)", "General → enable logging",
            s => s.LoggingEnabled, (s, v) => s with { LoggingEnabled = (bool)v! }),
    ];

    /// <summary>Rules between settings, checked once every change of a set is in (so raising two related limits in one go works).</summary>
    private static readonly SettingRule<VirtualServerSnapshot>[] Rules =
    [
        // The session size counts message bodies, so it can't be less than one message (KB 303759).
        new("maxSessionSizeKb", s => s.Limits is not { MaxSessionSizeKb: { } session, MaxMessageSizeKb: { } message } || session >= message,
            "must be at least maxMessageSizeKb"),
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
        ["ldap.enabled"] = "ldapRoutingEnabled",
        ["enableLdapRouting"] = "ldapRoutingEnabled",
    };

    private static readonly SettingsTable<VirtualServerSetting, VirtualServerSnapshot> Group =
        new(Table, Rules, Aliases, ["limits.", "access.", "delivery.", "general.", "messages.", "ldapRouting."], s => SettingNames.Camel(s.Section.ToString()));

    public static IReadOnlyList<VirtualServerSetting> All => Table;

    /// <summary>Finds a setting by name; throws with the list of valid names (and the closest one) otherwise.</summary>
    public static VirtualServerSetting Find(string name) => Group.Find(name);

    /// <summary>Sets a setting from its text; a value IIS would refuse leaves the old one in place.</summary>
    public static void Apply(SmtpVirtualServer server, string name, string value) => ApplyAll(server, [new(name, value)]);

    /// <summary>
    /// Sets several settings at once, all or nothing: the first unknown name or bad value (or a set of
    /// limits IIS would refuse together, checked once every change is in so that raising two related
    /// limits in one go works) throws, and the virtual server keeps its snapshot.
    /// </summary>
    public static void ApplyAll(SmtpVirtualServer server, IReadOnlyList<KeyValuePair<string, string>> changes) =>
        server.Configure(Group.Change(changes));

    /// <summary>The first setting out of its range, or rule between settings broken, as "setting must …"; null when IIS would take the set.</summary>
    public static string? Validate(VirtualServerSnapshot settings) => Group.Validate(settings);

    private static int? I(object? value) => (int?)(long?)value;
}
