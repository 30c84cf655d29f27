using MailLab.Mail.Exchange.Settings;

namespace MailLab.Mail.Exchange;

/// <summary>
/// A mailbox as the Exchange server keeps it (ESM's Mailboxes node, ADUC's Exchange General tab): the
/// store it is on, the user's storage limits, the last logon and logoff (Exchange_Mailbox's
/// LastLogonTime and LastLogoffTime, docs/EXCHANGE-2003.md [107][108]) and when the last storage
/// warning went out. Its messages are the host's mailbox of the same address (<see cref="Stores.MailboxStore"/>).
/// </summary>
public sealed class ExchangeMailbox
{
    internal ExchangeMailbox(string address, ExchangeStore store)
    {
        Address = address;
        Store = store;
    }

    public string Address { get; }

    public ExchangeStore Store { get; internal set; }

    public MailboxLimits Limits { get; internal set; } = MailboxLimits.Defaults;

    public DateTimeOffset? LastLogonTime { get; internal set; }

    public DateTimeOffset? LastLogoffTime { get; internal set; }

    /// <summary>When the System Attendant last sent the storage warning; null: never.</summary>
    public DateTimeOffset? LastWarning { get; internal set; }
}
