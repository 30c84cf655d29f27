namespace MailLab.Mail.Exchange;

/// <summary>A mailbox store (priv*.edb/.stm) or a public folder store (pub*.edb/.stm).</summary>
public enum ExchangeStoreKind
{
    Mailbox,
    PublicFolder,
}
