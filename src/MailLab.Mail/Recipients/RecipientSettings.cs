using MailLab.Mail.Settings;
using static MailLab.Mail.Settings.SettingType;

namespace MailLab.Mail.Recipients;

/// <summary>
/// Every per-recipient setting by its API / CLI / scenario / topology name: ADUC's Exchange General
/// tab (Delivery Restrictions, Delivery Options), Exchange Features and Exchange Advanced. The labels follow the dialogs
/// (Exchange 2003 SP2 help, "Set Message Restrictions for Mailbox-Enabled Users"; third-party copies
/// of the Delivery Options dialog, docs/EXCHANGE-2003.md §6).
/// </summary>
public static class RecipientSettings
{
    public const string Restrictions = "deliveryRestrictions";
    public const string Options = "deliveryOptions";
    public const string Features = "exchangeFeatures";
    public const string Advanced = "exchangeAdvanced";

    private const string Enabled = "enabled";
    private const string Disabled = "disabled";

    private static readonly TextRule RecipientName = new(n => n.Length > 0 && !n.Any(char.IsWhiteSpace), "a recipient's alias or address", "is not a recipient's alias or address");

    // Active Directory's ranges: displayNamePrintable (the simple display name) up to 256 characters,
    // extensionAttribute1-15 up to 1024 (the Exchange 2003 schema's rangeUpper; docs/EXCHANGE-2003.md §6).
    private static readonly TextRule SimpleName = new(n => n.Length is > 0 and <= 256 && n.All(c => c < 128), "up to 256 ASCII characters", "is not a simple display name (up to 256 ASCII characters)");
    private static readonly TextRule AttributeText = new(n => n.Length is > 0 and <= 1024, "up to 1024 characters", "is longer than 1024 characters");

    private static readonly RecipientSetting[] Table =
    [
        new("maxSendingSizeKb", Restrictions, Whole(1, nullable: true), "Sending message size: Maximum KB", "Размер отправляемых сообщений: не более (КБ)",
            "the largest message the user may send; null: use the default limit",
            s => s.MaxSendingSizeKb, (s, v) => s with { MaxSendingSizeKb = (long?)v }),
        new("maxReceivingSizeKb", Restrictions, Whole(1, nullable: true), "Receiving message size: Maximum KB", "Размер получаемых сообщений: не более (КБ)",
            "the largest message the user receives; larger ones go back with 5.2.3; null: use the default limit",
            s => s.MaxReceivingSizeKb, (s, v) => s with { MaxReceivingSizeKb = (long?)v }),
        new("acceptMessagesFrom", Restrictions, RecipientListType.Instance, "Accept messages: Only from", "Принимать сообщения: только от",
            "senders whose mail is accepted (a group means its members); empty: from everyone",
            s => s.AcceptMessagesFrom, (s, v) => s with { AcceptMessagesFrom = (IReadOnlyList<string>)v! }),
        new("rejectMessagesFrom", Restrictions, RecipientListType.Instance, "Reject messages from", "Отклонять сообщения от",
            "senders whose mail goes back with 5.7.1 (a group means its members); empty: no one",
            s => s.RejectMessagesFrom, (s, v) => s with { RejectMessagesFrom = (IReadOnlyList<string>)v! }),
        new("forwardingAddress", Options, SettingType.Text(RecipientName), "Forwarding address", "Адрес пересылки",
            "a recipient (alias or address) that gets the user's mail instead; null: none",
            s => s.ForwardingAddress, (s, v) => s with { ForwardingAddress = ((string?)v)?.ToLowerInvariant() }),
        new("deliverToBoth", Options, Bool, "Deliver messages to both forwarding address and mailbox", "Доставлять сообщения и по адресу пересылки, и в почтовый ящик",
            "with a forwarding address, keep a copy in the mailbox too",
            s => s.DeliverToBoth, (s, v) => s with { DeliverToBoth = (bool)v! }),
        new("maxRecipients", Options, Whole(1, nullable: true), "Recipient limits: Maximum recipients", "Ограничение числа получателей: не более",
            "the most recipients a message the user sends may have, a group's members counted; more go back with 5.5.3; null: use the default limit",
            s => s.MaxRecipients, (s, v) => s with { MaxRecipients = (long?)v }),
        new("pop3", Features, Choice(Enabled, Disabled), "POP3", "POP3",
            "whether the user may log on with POP3 (Exchange Features)",
            s => Word(s.Pop3Enabled), (s, v) => s with { Pop3Enabled = (string)v! == Enabled }),
        new("imap4", Features, Choice(Enabled, Disabled), "IMAP4", "IMAP4",
            "whether the user may log on with IMAP4 (Exchange Features)",
            s => Word(s.Imap4Enabled), (s, v) => s with { Imap4Enabled = (string)v! == Enabled }),
        new("owa", Features, Choice(Enabled, Disabled), "Outlook Web Access", "Outlook Web Access",
            "whether the user may use Outlook Web Access (Exchange Features)",
            s => Word(s.OwaEnabled), (s, v) => s with { OwaEnabled = (string)v! == Enabled }),
        new("simpleDisplayName", Advanced, SettingType.Text(SimpleName), "Simple display name", "Простое отображаемое имя",
            "the name systems that cannot read the full display name show (ASCII); null: none",
            s => s.SimpleDisplayName, (s, v) => s with { SimpleDisplayName = (string?)v }),
        new("hideFromAddressLists", Advanced, Bool, "Hide from Exchange address lists", "Скрыть из адресных книг Exchange",
            "the recipient is left out of the address lists (the Global Address List); mail to it is still delivered",
            s => s.HideFromAddressLists, (s, v) => s with { HideFromAddressLists = (bool)v! }),
        .. Enumerable.Range(1, RecipientSnapshot.CustomAttributeCount).Select(n => new RecipientSetting(
            $"customAttribute{n}", Advanced, SettingType.Text(AttributeText), $"Custom attribute {n}", $"Настраиваемый атрибут {n}",
            $"extensionAttribute{n}: any text the organisation keeps on the recipient; null: not set",
            s => s.CustomAttribute(n), (s, v) => s.WithCustomAttribute(n, (string?)v))),
    ];

    private static readonly SettingsTable<RecipientSetting, RecipientSnapshot> Group = new(
        Table,
        [new("deliverToBoth", s => !s.DeliverToBoth || s.ForwardingAddress is not null, "needs a forwardingAddress")],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["outlookWebAccess"] = "owa",
            ["imap"] = "imap4",
            ["sendingMessageSizeKb"] = "maxSendingSizeKb",
            ["receivingMessageSizeKb"] = "maxReceivingSizeKb",
        },
        [Restrictions + ".", Options + ".", Features + ".", Advanced + "."],
        s => s.Dialog);

    public static IReadOnlyList<RecipientSetting> All => Table;

    /// <summary>Finds a setting by name; throws <see cref="InvalidSettingException"/> listing every valid name otherwise.</summary>
    public static RecipientSetting Find(string name) => Group.Find(name);

    /// <summary>Sets several settings at once, all or nothing; a set that breaks a rule between settings changes nothing.</summary>
    public static void ApplyAll(DirectoryRecipient recipient, IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        var changed = Group.Change(changes)(recipient.Settings);
        if (Group.Validate(changed) is { } problem)
        {
            throw new InvalidSettingException(changes[0].Key, $"{problem}.");
        }

        recipient.Settings = changed;
    }

    public static void Apply(DirectoryRecipient recipient, string name, string value) => ApplyAll(recipient, [new(name, value)]);

    public static string? Validate(RecipientSnapshot settings) => Group.Validate(settings);

    private static string Word(bool enabled) => enabled ? Enabled : Disabled;
}
