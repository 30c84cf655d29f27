namespace MailLab.Mail.Recipients;

/// <summary>
/// A recipient policy (ESM, Recipients, Recipient Policies): SMTP address templates, one of them
/// primary (<c>SMTP:%m@rosnou.ru</c>), applied by the Recipient Update Service to the recipients it
/// matches. Every organisation has the Default Policy, <c>SMTP:%m@domain</c>, always of the lowest
/// priority and not deletable (technet bb124814, KB 822447). Policies match every recipient here (no
/// LDAP filter); a recipient gets the addresses of the highest-priority policy only, as Exchange
/// applies one policy per recipient (Exchange 2003 SP2 help, "Applying a Recipient Policy"), so a
/// policy that adds a secondary address lists the primary template too.
/// </summary>
public sealed record RecipientPolicy(string Name, int Priority, IReadOnlyList<ProxyAddress> Templates)
{
    public const string DefaultName = "Default Policy";

    /// <summary>The Default Policy's priority: below every other (ESM shows it as "Lowest").</summary>
    public const int LowestPriority = int.MaxValue;

    public bool IsDefault => Priority == LowestPriority;

    public static RecipientPolicy Default(string domain) => new(DefaultName, LowestPriority, [new ProxyAddress("%m@" + domain, Primary: true)]);

    /// <summary>The addresses the policy gives <paramref name="recipient"/> (a template that needs a part it lacks gives none).</summary>
    public IEnumerable<ProxyAddress> AddressesFor(DirectoryRecipient recipient)
    {
        foreach (var template in Templates)
        {
            if (AddressTemplate.Expand(template.Address, recipient) is { } address)
            {
                yield return template with { Address = address };
            }
        }
    }
}
