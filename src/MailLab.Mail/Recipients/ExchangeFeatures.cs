namespace MailLab.Mail.Recipients;

/// <summary>
/// ADUC's Exchange Features tab, per user: POP3, IMAP4 and Outlook Web Access, each enabled or
/// disabled. A disabled protocol refuses that user's logon on the host's Exchange server; hosts
/// without Exchange have no such tab. No source gave the reply Exchange 2003 sends, so the
/// wording is chosen (docs/EXCHANGE-2003.md).
/// </summary>
public static class ExchangeFeatures
{
    public const string Pop3 = "POP3";
    public const string Imap4 = "IMAP4";

    /// <summary>Why <paramref name="account"/> may not log on with <paramref name="protocol"/> (POP3 or IMAP4), or null when it may.</summary>
    public static string? Refusal(World.MailHost host, string account, string protocol)
    {
        if (Delivery.DirectoryExpansion.DirectoryOf(host)?.FindRecipient(account) is not DirectoryUser user)
        {
            return null;
        }

        var enabled = protocol == Pop3 ? user.Settings.Pop3Enabled : user.Settings.Imap4Enabled;
        return enabled ? null : $"{protocol} is disabled for {user.Account} (Exchange Features)";
    }
}
