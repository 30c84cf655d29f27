using System.Text.Json;
using System.Text.Json.Nodes;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// The JSON Schema (draft 2020-12) of a topology file, so that an editor completes and checks one
/// (YAML editors read JSON Schema: <c># yaml-language-server: $schema=…</c>). A virtual server's settings
/// come from the settings table with their types, ranges, defaults, labels and help; every mapping lists
/// the keys the loader reads, so a misspelt key is refused as the loader refuses it. Values the loader
/// checks itself (addresses, DNS records, POP3 mailboxes) are left open here.
/// </summary>
public static class TopologySchema
{
    /// <summary>Where the schema is kept in the repository (a test checks it is up to date).</summary>
    public const string RepositoryPath = "docs/topology.schema.json";

    public static JsonObject Create() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = "MailLab topology",
        ["description"] = "Hosts with their SMTP virtual servers, accounts and POP3 service, DNS records and network links (README.md, \"Topology files\").",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = Open(TopologyBuilder.FileKeys, new()
        {
            ["hosts"] = ListOf(Host()),
            ["dns"] = ListOf(Mapping(NetworkBuilder.DnsKeys)),
            ["links"] = ListOf(Mapping(NetworkBuilder.LinkKeys)),
            ["unreachableHosts"] = ListOf(new JsonObject { ["type"] = "string" }),
            ["faults"] = ListOf(Mapping(FaultsBuilder.FaultKeys)),
            ["directories"] = ListOf(Directory()),
            ["certificate"] = Mapping(CertificateReader.Keys),
        }),
    };

    /// <summary>The schema as <see cref="RepositoryPath"/> holds it: indented, one trailing newline.</summary>
    public static string Text() =>
        Create().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Host() => Mapping(TopologyBuilder.HostKeys, new()
    {
        ["name"] = new JsonObject { ["type"] = "string", ["description"] = "the computer's name, e.g. mail.ru" },
        ["addressing"] = new JsonObject { ["enum"] = new JsonArray([.. HostAddressChange.Words.Select(w => (JsonNode)w)]), ["default"] = "static", ["description"] = "where address comes from: configured by hand, or DHCP's current lease" },
        ["smtp"] = Mapping(TopologyBuilder.SmtpKeys, new()
        {
            ["state"] = State(),
            ["virtualServers"] = ListOf(VirtualServer()),
        }),
        ["accounts"] = ListOf(Mapping(TopologyBuilder.AccountKeys)),
        ["pop3"] = Mapping(Pop3Builder.Pop3Keys, Pop3Settings.All.ToDictionary(s => s.Key, s => (JsonNode)Setting(s, Pop3Snapshot.Defaults("")))),
        ["imap"] = Mapping(ImapBuilder.ImapKeys, new()
        {
            ["enabled"] = new JsonObject { ["type"] = "boolean", ["description"] = "MailLab's own IMAP service (Windows Server 2003's POP3 service had none)" },
            ["port"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 65535, ["description"] = "IMAP with STARTTLS (0 picks a free port)" },
            ["implicitTlsPort"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["minimum"] = 0, ["maximum"] = 65535, ["description"] = "IMAPS, TLS from the first byte (null: none)" },
        }),
        ["exchange"] = Mapping(ExchangeBuilder.ExchangeKeys, new()
        {
            ["organization"] = new JsonObject { ["type"] = "string", ["description"] = "the Exchange organisation's name" },
            ["administrativeGroup"] = new JsonObject { ["type"] = "string", ["default"] = "First Administrative Group" },
            ["edition"] = new JsonObject { ["enum"] = new JsonArray([.. ExchangeBuilder.Editions.Select(e => (JsonNode)e)]), ["default"] = "standard" },
            ["servicePack"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 2, ["default"] = 2 },
            ["databaseSizeLimitGb"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["minimum"] = 1, ["description"] = "SP2's registry value \"Database Size Limit in Gb\" (null: the edition's default)" },
            ["storageGroups"] = ListOf(Mapping(ExchangeBuilder.StorageGroupKeys, new()
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["circularLogging"] = new JsonObject { ["type"] = "boolean", ["default"] = false },
                ["stores"] = ListOf(Mapping(ExchangeBuilder.StoreKeys, new()
                {
                    ["name"] = new JsonObject { ["type"] = "string" },
                    ["kind"] = new JsonObject { ["enum"] = new JsonArray([.. ExchangeBuilder.StoreKinds.Select(k => (JsonNode)k)]) },
                    ["doNotMountAtStartup"] = new JsonObject { ["type"] = "boolean", ["default"] = false },
                    ["mounted"] = new JsonObject { ["type"] = "boolean", ["default"] = true },
                    ["limits"] = Mapping(StoreLimitSettings.All.Select(l => l.Key), StoreLimitSettings.All.ToDictionary(l => l.Key, l => (JsonNode)Setting(l, StoreLimits.Defaults))),
                    ["mailboxes"] = ListOf(new JsonObject
                    {
                        ["description"] = "accounts of the host with their mailbox on this store: an address, or the address with the user's storage limits",
                        ["oneOf"] = new JsonArray(
                            new JsonObject { ["type"] = "string" },
                            Mapping(ExchangeBuilder.MailboxKeys, new Dictionary<string, JsonNode>(MailboxLimitSettings.All.ToDictionary(l => l.Key, l => (JsonNode)Setting(l, MailboxLimits.Defaults)))
                            {
                                ["address"] = new JsonObject { ["type"] = "string" },
                            }, required: "address")),
                    }),
                }, required: "name")),
            }, required: "name")),
            ["services"] = ListOf(Mapping(ExchangeBuilder.ServiceKeys, new()
            {
                ["name"] = new JsonObject { ["type"] = "string", ["description"] = "the service's short name (MSExchangeIS) or display name" },
                ["startupType"] = new JsonObject { ["enum"] = new JsonArray([.. ExchangeBuilder.StartupTypes.Select(t => (JsonNode)t)]) },
                ["status"] = new JsonObject { ["enum"] = new JsonArray([.. ExchangeBuilder.Statuses.Select(t => (JsonNode)t)]) },
            }, required: "name")),
        }, required: "organization"),
    }, required: "name");

    /// <summary>An Active Directory domain: its accounts and its Exchange recipients (<see cref="RecipientsBuilder"/>).</summary>
    private static JsonObject Directory()
    {
        var strings = ListOf(new JsonObject { ["type"] = "string" });
        var user = new Dictionary<string, JsonNode>
        {
            ["address"] = new JsonObject { ["type"] = "string", ["description"] = "the user's account (user principal name), its mailbox's address" },
            ["alias"] = new JsonObject { ["type"] = "string", ["description"] = "the Exchange alias (%m)" },
            ["firstName"] = new JsonObject { ["type"] = "string", ["description"] = "given name (%g)" },
            ["lastName"] = new JsonObject { ["type"] = "string", ["description"] = "surname (%s)" },
            ["proxyAddresses"] = strings.DeepClone(),
        };
        foreach (var setting in Recipients.RecipientSettings.All)
        {
            user[setting.Key] = Setting(setting, Recipients.RecipientSnapshot.Defaults);
        }

        return Mapping(DirectoriesBuilder.DirectoryKeys, new()
        {
            ["accounts"] = ListOf(Mapping(DirectoriesBuilder.AccountKeys)),
            [RecipientsBuilder.PoliciesKey] = ListOf(Mapping(RecipientsBuilder.PolicyKeys, new()
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["priority"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000, ["description"] = "1 is the highest; the Default Policy has none (always the lowest)" },
                ["addresses"] = ListOf(new JsonObject { ["type"] = "string", ["description"] = "SMTP:%m@domain (primary) or smtp:%g.%s@domain" }),
            }, required: "name")),
            [RecipientsBuilder.UsersKey] = ListOf(Mapping(RecipientsBuilder.UserKeys, user, required: "address")),
            [RecipientsBuilder.ContactsKey] = ListOf(Mapping(RecipientsBuilder.ContactKeys, new()
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["externalAddress"] = new JsonObject { ["type"] = "string", ["description"] = "where the contact's mail goes" },
                ["proxyAddresses"] = strings.DeepClone(),
            }, required: "name")),
            [RecipientsBuilder.GroupsKey] = ListOf(Mapping(RecipientsBuilder.GroupKeys, new()
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["members"] = strings.DeepClone(),
                ["proxyAddresses"] = strings.DeepClone(),
            }, required: "name")),
        });
    }

    private static JsonObject VirtualServer()
    {
        var properties = new Dictionary<string, JsonNode>
        {
            ["name"] = new JsonObject { ["type"] = "string" },
            ["port"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 65535, ["description"] = "TCP port (IIS uses 25; 0 picks a free port)" },
            ["state"] = State(),
            ["domains"] = ListOf(Mapping(VirtualServerBuilder.DomainKeys)),
            ["operators"] = ListOf(new JsonObject { ["type"] = "string" }),
        };
        foreach (var setting in VirtualServerSettings.All.Where(s => s.Section == SettingSection.General))
        {
            properties[setting.Key] = Setting(setting, VirtualServerSnapshot.Defaults(""));
        }

        foreach (var section in SettingsReader.Blocks)
        {
            properties[SettingsReader.Name(section)] = Block(section);
        }

        return Mapping(VirtualServerBuilder.Keys, properties, required: "name");
    }

    /// <summary>A block of settings; the access lists (<c>connection.onlyListed</c>…) are mappings inside it.</summary>
    private static JsonObject Block(SettingSection section)
    {
        var properties = new Dictionary<string, JsonNode>();
        foreach (var setting in VirtualServerSettings.All.Where(s => s.Section == section))
        {
            if (setting.Key.Split('.') is [var list, var key])
            {
                if (!properties.ContainsKey(list))
                {
                    properties[list] = Mapping(SettingsReader.KeysOf(section, list + "."), []);
                }

                ((JsonObject)properties[list]["properties"]!)[key] = Setting(setting, VirtualServerSnapshot.Defaults(""));
            }
            else
            {
                properties[setting.Key] = Setting(setting, VirtualServerSnapshot.Defaults(""));
            }
        }

        return Mapping(SettingsReader.KeysOf(section), properties);
    }

    /// <summary>One setting of any group: its type and range, and for editors its label (title), help (description) and default.</summary>
    private static JsonObject Setting<TSnapshot>(Setting<TSnapshot> setting, TSnapshot defaults)
    {
        var schema = setting.Type.Schema();
        schema["title"] = setting.LabelEn;
        schema["description"] = setting.Help;
        if (setting.Default is not (null or ""))
        {
            schema["default"] = JsonSerializer.SerializeToNode(SettingJson.Value(setting, defaults));
        }

        return schema;
    }

    private static JsonObject State() => new() { ["enum"] = new JsonArray("running", "paused", "stopped") };

    private static JsonObject ListOf(JsonNode items) => new() { ["type"] = new JsonArray("array", "null"), ["items"] = items };

    /// <summary>A mapping with exactly these keys: the given schemas, any value for the others (the loader checks them).</summary>
    private static JsonObject Mapping(IEnumerable<string> keys, Dictionary<string, JsonNode>? properties = null, string? required = null)
    {
        var schema = new JsonObject
        {
            ["type"] = new JsonArray("object", "null"),
            ["additionalProperties"] = false,
            ["properties"] = Open(keys, properties ?? []),
        };
        if (required is not null)
        {
            schema["required"] = new JsonArray(required);
        }

        return schema;
    }

    private static JsonObject Open(IEnumerable<string> keys, Dictionary<string, JsonNode> known)
    {
        var properties = new JsonObject();
        foreach (var key in keys)
        {
            properties[key] = known.Remove(key, out var schema) ? schema : new JsonObject();
        }

        return known.Count == 0 ? properties : throw new InvalidOperationException($"Not keys of the mapping: {string.Join(", ", known.Keys)}");
    }
}
