namespace MailLab.Mail.Stores;

/// <summary>
/// One message in a folder: its UID (RFC 9051 §2.3.1.1, strictly ascending in the folder, never
/// reused while the folder keeps its UIDVALIDITY), the shared <see cref="StoredMessage"/>, flags and
/// keywords, the internal date (§2.3.3) and the modification sequence of its last change (RFC 7162 §3.1).
/// Immutable: a flag change replaces the entry, so a reader's snapshot never changes under it.
/// </summary>
public sealed record FolderMessage(uint Uid, StoredMessage Message, MessageFlags Flags, IReadOnlyList<string> Keywords, DateTimeOffset InternalDate, ulong ModSeq)
{
    /// <summary>RFC822.SIZE: the stored bytes' length.</summary>
    public long Size => Message.Size;

    public bool IsDeleted => (Flags & MessageFlags.Deleted) != 0;

    public bool IsSeen => (Flags & MessageFlags.Seen) != 0;

    public bool HasKeyword(string keyword) => Keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase);
}
