using System.Runtime.CompilerServices;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Imap;

/// <summary>
/// IMAP4rev1's \Recent (RFC 3501 §2.3.2): a message is recent in exactly one session, the first to
/// select its folder (read-write) after the message arrived. Per folder this is one number, the
/// lowest UID no session has claimed yet; SELECT claims every message up to the folder's newest, a
/// session with the folder selected claims each message that arrives. EXAMINE looks without
/// claiming ("\Recent is not lost", RFC 3501 §6.3.2). The number lives beside the store, for the
/// IMAP service only: it is session bookkeeping, not part of the mailbox (a restart makes every
/// message recent again, as RFC 3501 allows).
/// </summary>
internal sealed class ImapRecentClaims
{
    private readonly ConditionalWeakTable<MailboxFolder, StrongBox<uint>> _firstUnclaimed = new();

    /// <summary>The lowest UID no session has claimed in <paramref name="folder"/>.</summary>
    public uint FirstUnclaimed(MailboxFolder folder)
    {
        var box = Box(folder);
        lock (box)
        {
            return box.Value;
        }
    }

    /// <summary>Claims every UID below <paramref name="uidNext"/>; returns the first one this call claimed (the session's first recent UID).</summary>
    public uint ClaimBelow(MailboxFolder folder, uint uidNext)
    {
        var box = Box(folder);
        lock (box)
        {
            var first = box.Value;
            box.Value = Math.Max(first, uidNext);
            return first;
        }
    }

    /// <summary>Claims one newly arrived UID; false when another session claimed it first.</summary>
    public bool Claim(MailboxFolder folder, uint uid)
    {
        var box = Box(folder);
        lock (box)
        {
            if (uid < box.Value)
            {
                return false;
            }

            box.Value = uid + 1;
            return true;
        }
    }

    private StrongBox<uint> Box(MailboxFolder folder) => _firstUnclaimed.GetValue(folder, _ => new StrongBox<uint>(0));
}
