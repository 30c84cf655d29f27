namespace MailLab.Mail.Recipients;

/// <summary>A change Active Directory Users and Computers refuses (a taken alias, an unknown member); the message says why.</summary>
public sealed class RecipientAdminException(string message) : Exception(message);
