namespace MailLab.Mail.Stores;

/// <summary>
/// IMAP4rev1's \Recent (RFC 3501 §2.3.2): a message is recent in exactly one session, the first to
/// select its folder (read-write) after the message arrived. Per folder this is one number, the
/// lowest UID no session has claimed yet (<see cref="MailboxFolder.FirstUnclaimedRecentLocked"/>);
/// SELECT claims every message up to the folder's newest, a session with the folder selected
/// claims each message that arrives, EXAMINE looks without claiming ("\Recent is not lost", RFC
/// 3501 §6.3.2). A claim reaches the disk layer before it is answered, so after a restart the
/// messages a session was told about are not recent again. IMAP4rev2 has no \Recent (RFC 9051 §2.3.2).
/// </summary>
public sealed partial class Mailbox
{
    /// <summary>The lowest UID no session has claimed in <paramref name="folder"/>.</summary>
    public uint FirstUnclaimedRecent(MailboxFolder folder)
    {
        lock (Gate)
        {
            return folder.FirstUnclaimedRecentLocked;
        }
    }

    /// <summary>Claims every UID below <paramref name="uidNext"/>; returns the first one this call claimed (the session's first recent UID).</summary>
    public uint ClaimRecentBelow(MailboxFolder folder, uint uidNext)
    {
        lock (Gate)
        {
            var first = folder.FirstUnclaimedRecentLocked;
            if (uidNext > first)
            {
                SetFirstUnclaimedLocked(folder, uidNext);
            }

            return first;
        }
    }

    /// <summary>Claims one newly arrived UID; false when another session claimed it first.</summary>
    public bool ClaimRecent(MailboxFolder folder, uint uid)
    {
        lock (Gate)
        {
            if (uid < folder.FirstUnclaimedRecentLocked)
            {
                return false;
            }

            SetFirstUnclaimedLocked(folder, uid + 1);
            return true;
        }
    }

    private void SetFirstUnclaimedLocked(MailboxFolder folder, uint value)
    {
        folder.FirstUnclaimedRecentLocked = value;
        if (!folder.IsDeleted)
        {
            Persistence?.RecentClaimed(this, folder);
        }
    }
}
