namespace MailLab.Mail.Pop3;

/// <summary>
/// What the POP3 service accepts as a mailbox name (the user part of User@Domain). Windows makes the
/// name a folder, P3_&lt;name&gt;.mbx, and with local accounts or Active Directory also a user account:
/// <list type="bullet">
/// <item>1 to 20 characters with local accounts (the SAM's user name limit, docs/REFERENCE.md, "Authentication"), 64 otherwise;</item>
/// <item>none of <c>/ \ : * ? " &lt; &gt; |</c>, which Windows refuses in a file name and in a logon name,
/// and no control character (CR or LF in a name would also split the saved topology's line);</item>
/// <item>not only dots or spaces: Windows refuses such a user name, and "." or ".." as a folder is not a mailbox.</item>
/// </list>
/// </summary>
public static class Pop3MailboxName
{
    private const string Forbidden = "/\\:*?\"<>|";

    /// <summary>Why <paramref name="user"/> cannot be a mailbox name under <paramref name="method"/>; null when it can.</summary>
    public static string? Problem(string user, Pop3AuthenticationMethod method)
    {
        var maxLength = method == Pop3AuthenticationMethod.LocalAccounts ? 20 : 64;
        if (user.Length == 0 || user.Length > maxLength)
        {
            return $"A mailbox name has 1 to {maxLength} characters with this authentication method.";
        }

        if (user.Any(c => char.IsControl(c) || Forbidden.Contains(c)))
        {
            return "A mailbox name cannot contain / \\ : * ? \" < > | or control characters.";
        }

        return user.All(c => c is '.' or ' ') ? "A mailbox name cannot consist only of dots or spaces." : null;
    }
}
