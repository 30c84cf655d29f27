namespace MailLab.Mail.Topology;

/// <summary>How <see cref="TopologyWriter"/> writes the passwords of accounts.</summary>
public enum PasswordForm
{
    /// <summary>In clear as the file or the administrator gave them; an account that has only its hash keeps it.</summary>
    AsGiven,

    /// <summary>
    /// Salted hashes only (<c>passwordHash</c>), never a password: what a data directory's
    /// topology.yaml keeps. Accounts read back from it log on with cleartext mechanisms only.
    /// </summary>
    Hashed,
}
