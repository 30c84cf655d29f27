namespace MailLab.Mail.Pop3;

/// <summary>
/// The Windows Server 2003 POP3 service's authentication methods (winpop set authentication 1|2|3).
/// The method can be changed only while no e-mail domain exists.
/// </summary>
public enum Pop3AuthenticationMethod
{
    /// <summary>Local Windows accounts: the host's account database; user names unique across domains, 1–20 characters.</summary>
    LocalAccounts = 1,

    /// <summary>Active Directory integrated: the <see cref="ActiveDirectory"/> the organisation's hosts share; names unique across it, 1–64 characters.</summary>
    ActiveDirectoryIntegrated = 2,

    /// <summary>Encrypted password file: salted slow hashes kept with the mail root; logon with the full address.</summary>
    EncryptedPasswordFile = 3,
}
