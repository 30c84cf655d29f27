namespace MailLab.Mail.Recipients;

/// <summary>
/// A recipient's settings from its Exchange General tab and Exchange Features at one moment, swapped
/// whole (<see cref="RecipientSettings"/> declares each). Delivery Restrictions: sending and receiving
/// message size (KB, null "Use default limit"), "Accept messages from" (empty "From everyone", else
/// "Only from") and "Reject messages from" (empty "No one"). Delivery Options: forwarding address,
/// "Deliver messages to both forwarding address and mailbox", maximum recipients (null "Use default
/// limit"). Exchange Features: POP3, IMAP4 and Outlook Web Access, enabled by default. Exchange
/// Advanced: simple display name, "Hide from Exchange address lists", Custom Attributes 1-15.
/// </summary>
public sealed record RecipientSnapshot(
    long? MaxSendingSizeKb,
    long? MaxReceivingSizeKb,
    IReadOnlyList<string> AcceptMessagesFrom,
    IReadOnlyList<string> RejectMessagesFrom,
    string? ForwardingAddress,
    bool DeliverToBoth,
    long? MaxRecipients,
    bool Pop3Enabled,
    bool Imap4Enabled,
    bool OwaEnabled,
    string? SimpleDisplayName = null,
    bool HideFromAddressLists = false,
    IReadOnlyList<string?>? CustomAttributes = null)
{
    /// <summary>extensionAttribute1 … extensionAttribute15: ADUC's Custom Attributes.</summary>
    public const int CustomAttributeCount = 15;

    /// <summary>A new recipient's: no limits of its own, mail from everyone, no forwarding, every protocol enabled, shown in the address lists, no custom attributes.</summary>
    public static RecipientSnapshot Defaults { get; } = new(null, null, [], [], null, false, null, true, true, true);

    /// <summary>Custom attribute <paramref name="number"/> (1 to 15); null: not set.</summary>
    public string? CustomAttribute(int number) => CustomAttributes is { } all ? all[number - 1] : null;

    /// <summary>These settings with custom attribute <paramref name="number"/> (1 to 15) set to <paramref name="value"/>.</summary>
    public RecipientSnapshot WithCustomAttribute(int number, string? value)
    {
        var all = Enumerable.Range(1, CustomAttributeCount).Select(CustomAttribute).ToArray();
        all[number - 1] = value;
        return this with { CustomAttributes = all };
    }
}
