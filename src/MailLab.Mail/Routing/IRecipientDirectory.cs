namespace MailLab.Mail.Routing;

/// <summary>
/// A directory an SMTP virtual server with LDAP routing resolves addresses through: the host's own
/// Active Directory (<see cref="WorldDirectory"/>) or a real LDAP server (<see cref="LdapServerDirectory"/>).
/// A lookup is asynchronous and never throws: a directory that cannot be reached answers
/// <see cref="DirectoryOutcome.Unavailable"/> with why.
/// </summary>
public interface IRecipientDirectory
{
    /// <summary>What the trace calls the directory: "the Active Directory rosnou.ru", "ldap://127.0.0.1:3890 (Exchange LDAP Service schema)".</summary>
    string Name { get; }

    ValueTask<DirectoryAnswer> LookupAsync(string address, CancellationToken cancel);
}

public enum DirectoryOutcome
{
    /// <summary>A mail user (or contact): mail goes to <see cref="DirectoryAnswer.Mailbox"/>.</summary>
    User,

    /// <summary>A distribution list: mail goes to each of <see cref="DirectoryAnswer.Members"/>.</summary>
    Group,

    /// <summary>No object has this address.</summary>
    NotFound,

    /// <summary>The directory could not be asked (unreachable, the bind refused, timed out).</summary>
    Unavailable,
}

/// <summary>
/// One lookup's result: what was found (the object's DN or name), the filter that found it, the
/// address mail for it is delivered to, a group's members (nested groups expanded, each once), or why
/// the directory could not answer.
/// </summary>
public sealed record DirectoryAnswer(DirectoryOutcome Outcome, string Filter, string? Object = null, string? Mailbox = null, IReadOnlyList<string>? Members = null, string? Problem = null)
{
    public IReadOnlyList<string> Members { get; init; } = Members ?? [];

    /// <summary>The addresses a message for this object is delivered to.</summary>
    public IReadOnlyList<string> Targets => Outcome == DirectoryOutcome.Group ? Members : Mailbox is null ? [] : [Mailbox];

    /// <summary>The trace's sentence for the lookup.</summary>
    public string Describe(string directory, string address) => Outcome switch
    {
        DirectoryOutcome.User => $"{directory}: {Filter} found {Object}: <{address}> is delivered to {Mailbox}",
        DirectoryOutcome.Group => $"{directory}: {Filter} found the group {Object}: <{address}> is expanded to {(Members.Count == 0 ? "no members" : string.Join(", ", Members))}",
        DirectoryOutcome.NotFound => $"{directory}: {Filter} found nothing: <{address}> is not a recipient",
        _ => $"{directory}: {Filter} could not be searched: {Problem}",
    };
}
