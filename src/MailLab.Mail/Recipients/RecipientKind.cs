namespace MailLab.Mail.Recipients;

/// <summary>The Active Directory objects Exchange 2003 delivers to (Exchange 2003 SP2 help, "Manage Recipient Objects").</summary>
public enum RecipientKind
{
    /// <summary>A user: mailbox-enabled (its mailbox on a host) or mail-enabled (an external address, no mailbox).</summary>
    User,

    /// <summary>A mail-enabled contact: someone outside the organisation, reached at its external address.</summary>
    Contact,

    /// <summary>A mail-enabled distribution group: mail to it goes to its members.</summary>
    Group,
}
