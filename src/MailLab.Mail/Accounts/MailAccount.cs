namespace MailLab.Mail.Accounts;

/// <summary>A user account with a mailbox on a host.</summary>
public sealed class MailAccount
{
    public MailAccount(string address, string password)
    {
        Address = address.ToLowerInvariant();
        Password = password;
    }

    /// <summary>user@domain.</summary>
    public string Address { get; }

    public string UserName => Address[..Address.IndexOf('@')];

    public string Domain => Address[(Address.IndexOf('@') + 1)..];

    /// <summary>
    /// Kept in clear so that CRAM-MD5 can be verified (RFC 2195 needs the shared secret); the POP3
    /// password-file method keeps salted hashes instead.
    /// </summary>
    public string Password { get; set; }
}
