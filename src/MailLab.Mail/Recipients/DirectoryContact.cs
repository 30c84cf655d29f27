namespace MailLab.Mail.Recipients;

/// <summary>
/// A mail-enabled contact: an address outside the organisation (its <see cref="DirectoryRecipient.ExternalAddress"/>)
/// that also has proxy addresses in the organisation's domains, so mail to ivan.mailru@rosnou.ru goes on to ivan@mail.ru.
/// </summary>
public sealed class DirectoryContact : DirectoryRecipient
{
    public DirectoryContact(string name, string alias, string externalAddress)
        : base(name, alias)
    {
        ExternalAddress = externalAddress;
    }

    public override RecipientKind Kind => RecipientKind.Contact;
}
