namespace MailLab.Mail.Stores;

/// <summary>
/// One message in a folder: its UID (RFC 9051 §2.3.1.1, strictly ascending in the folder, never
/// reused while the folder keeps its UIDVALIDITY), the shared <see cref="StoredMessage"/>, flags and
/// keywords, the internal date (§2.3.3) and the modification sequence of its last change (RFC 7162 §3.1).
/// Immutable: a flag change replaces the entry, so a reader's snapshot never changes under it.
/// </summary>
public sealed record FolderMessage(uint Uid, StoredMessage Message, MessageFlags Flags, IReadOnlyList<string> Keywords, DateTimeOffset InternalDate, ulong ModSeq)
{
    // Kept narrower than the properties (a folder holds one entry per message): the flags as the
    // byte their five bits fit in, the internal date as UTC ticks and its offset in minutes.
    private readonly byte _flags = (byte)Flags;
    private readonly short _offsetMinutes = OffsetMinutes(InternalDate);
    private readonly long _internalUtcTicks = InternalDate.UtcTicks;

    public MessageFlags Flags
    {
        get => (MessageFlags)_flags;
        init => _flags = (byte)value;
    }

    /// <summary>The internal date (RFC 9051 §2.3.3), with the offset it was given.</summary>
    public DateTimeOffset InternalDate
    {
        get => new DateTimeOffset(_internalUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(_offsetMinutes));
        init
        {
            _internalUtcTicks = value.UtcTicks;
            _offsetMinutes = OffsetMinutes(value);
        }
    }

    /// <summary>RFC822.SIZE: the stored bytes' length.</summary>
    public long Size => Message.Size;

    public bool IsDeleted => (Flags & MessageFlags.Deleted) != 0;

    public bool IsSeen => (Flags & MessageFlags.Seen) != 0;

    public bool HasKeyword(string keyword) => Keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase);

    private static short OffsetMinutes(DateTimeOffset date) => (short)(date.Offset.Ticks / TimeSpan.TicksPerMinute);
}
