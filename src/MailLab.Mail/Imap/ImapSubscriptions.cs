using System.Runtime.CompilerServices;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Imap;

/// <summary>
/// Subscribed names with no folder behind them. RFC 3501 §6.3.9 and RFC 9051 §6.3.7: a name may be
/// subscribed that does not exist, and the server must not drop a subscription because its folder
/// was deleted; LIST (SUBSCRIBED) shows such names as \NonExistent (RFC 5258 §3). The store keeps a
/// subscription as a folder's flag, so these live beside it, per mailbox, for the IMAP service
/// (in memory: a restart forgets them).
/// </summary>
internal sealed class ImapSubscriptions
{
    private readonly ConditionalWeakTable<Mailbox, HashSet<string>> _orphans = new();

    public IReadOnlyList<string> Orphans(Mailbox mailbox)
    {
        var set = Set(mailbox);
        lock (set)
        {
            return [.. set.Order(StringComparer.Ordinal)];
        }
    }

    public void Add(Mailbox mailbox, string name)
    {
        var set = Set(mailbox);
        lock (set)
        {
            set.Add(name);
        }
    }

    public bool Remove(Mailbox mailbox, string name)
    {
        var set = Set(mailbox);
        lock (set)
        {
            return set.Remove(name);
        }
    }

    private HashSet<string> Set(Mailbox mailbox) => _orphans.GetValue(mailbox, _ => new HashSet<string>(StringComparer.Ordinal));
}
