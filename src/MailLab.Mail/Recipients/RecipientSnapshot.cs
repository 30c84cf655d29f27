namespace MailLab.Mail.Recipients;

/// <summary>
/// A recipient's settings from its Exchange General tab and Exchange Features at one moment, swapped
/// whole (<see cref="RecipientSettings"/> declares each). Delivery Restrictions: sending and receiving
/// message size (KB, null "Use default limit"), "Accept messages from" (empty "From everyone", else
/// "Only from") and "Reject messages from" (empty "No one"). Delivery Options: forwarding address,
/// "Deliver messages to both forwarding address and mailbox", maximum recipients (null "Use default
/// limit"). Exchange Features: POP3, IMAP4 and Outlook Web Access, enabled by default.
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
    bool OwaEnabled)
{
    /// <summary>A new recipient's: no limits of its own, mail from everyone, no forwarding, every protocol enabled.</summary>
    public static RecipientSnapshot Defaults { get; } = new(null, null, [], [], null, false, null, true, true, true);
}
