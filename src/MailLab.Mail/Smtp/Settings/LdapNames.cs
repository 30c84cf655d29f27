namespace MailLab.Mail.Smtp.Settings;

/// <summary>The LDAP Routing tab's list entries as the API, the topology file and the scenarios write them.</summary>
public static class LdapNames
{
    public static string[] Schemas { get; } = ["activeDirectory", "siteServer", "exchange"];

    public static string[] Bindings { get; } = ["anonymous", "plainText", "windowsSspi", "serviceAccount"];

    public static string Schema(LdapSchemaType schema) => Schemas[(int)schema];

    public static LdapSchemaType Schema(string name) => (LdapSchemaType)Array.IndexOf(Schemas, name);

    public static string Binding(LdapBindingType binding) => Bindings[(int)binding];

    public static LdapBindingType Binding(string name) => (LdapBindingType)Array.IndexOf(Bindings, name);
}

/// <summary>Names as the API spells them.</summary>
internal static class SettingNames
{
    /// <summary>A tab's or section's enum name in camel case: LdapRouting → ldapRouting, General → general.</summary>
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
