using System.Text;
using MailLab.Mail.Smtp;

namespace MailLab.Mail.Routing;

/// <summary>
/// Where each schema type of the LDAP Routing tab keeps mail recipients (docs/REFERENCE.md, "LDAP Routing tab"):
/// <list type="bullet">
/// <item>Active Directory: users, contacts and groups (objectClass user, contact, group) by <c>mail</c> or a
/// <c>proxyAddresses</c> value <c>smtp:address</c> (matched case-insensitively, so the primary <c>SMTP:</c> too);
/// a contact's mail goes to its <c>targetAddress</c>; a group's members are the DNs in <c>member</c>.</item>
/// <item>Site Server Membership Directory (Site Server 3.0): members (objectClass member) and groups
/// (objectClass mgroup) by <c>mail</c>, a group's members in <c>member</c>.</item>
/// <item>Exchange LDAP Service (MCIS 2.0 Mail, Exchange 5.5's directory): people (objectClass person and
/// its subclasses organizationalPerson, inetOrgPerson) and distribution lists (objectClass groupOfNames)
/// by <c>rfc822Mailbox</c>, which RFC 4524 §2.16 makes another name of <c>mail</c>; members in <c>member</c>.</item>
/// </list>
/// </summary>
public sealed record LdapSchemaMap(string Name, string[] UserClasses, string[] GroupClasses, string[] MailAttributes, string? ProxyAttribute, string MemberAttribute, string? TargetAttribute)
{
    private static readonly LdapSchemaMap ActiveDirectory = new("Active Directory", ["user", "contact"], ["group"], ["mail"], "proxyAddresses", "member", "targetAddress");

    private static readonly LdapSchemaMap SiteServer = new("Site Server Membership Directory", ["member"], ["mgroup"], ["mail"], null, "member", null);

    private static readonly LdapSchemaMap Exchange = new("Exchange LDAP Service", ["person"], ["groupOfNames"], ["rfc822Mailbox"], null, "member", null);

    public static LdapSchemaMap For(LdapSchemaType schema) => schema switch
    {
        LdapSchemaType.SiteServer => SiteServer,
        LdapSchemaType.Exchange => Exchange,
        _ => ActiveDirectory,
    };

    /// <summary>The attributes a search asks for.</summary>
    public string[] Attributes => [.. MailAttributes, "mail", "objectClass", MemberAttribute, .. TargetAttribute is null ? Array.Empty<string>() : [TargetAttribute]];

    /// <summary>The search filter for one address (RFC 4515, the value escaped).</summary>
    public string Filter(string address)
    {
        var value = Escape(address);
        var classes = string.Concat(UserClasses.Concat(GroupClasses).Select(c => $"(objectClass={c})"));
        var mails = string.Concat(MailAttributes.Select(a => $"({a}={value})"))
            + (ProxyAttribute is null ? "" : $"({ProxyAttribute}=smtp:{value})");
        return $"(&(|{classes})(|{mails}))";
    }

    /// <summary>Whether an entry with these object classes is a group.</summary>
    public bool IsGroup(IEnumerable<string> objectClasses) =>
        objectClasses.Any(c => GroupClasses.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>RFC 4515 §3: *, (, ), \ and NUL are written as \2a, \28, \29, \5c and \00.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '*' => @"\2a",
                '(' => @"\28",
                ')' => @"\29",
                '\\' => @"\5c",
                '\0' => @"\00",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
