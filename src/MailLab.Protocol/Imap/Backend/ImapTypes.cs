namespace MailLab.Protocol.Imap.Backend;

/// <summary>
/// One message as the store keeps it. <see cref="Flags"/> holds system flags with their backslash
/// (<c>\Seen</c>, <c>\Answered</c>, <c>\Flagged</c>, <c>\Deleted</c>, <c>\Draft</c>) and keywords
/// (<c>$Forwarded</c>, <c>NonJunk</c>); never <c>\Recent</c>. <see cref="Content"/> is the raw
/// RFC 5322 message with CRLF line ends; <see cref="Size"/> is its length in octets.
/// </summary>
public sealed record ImapMessage(uint Uid, IReadOnlyList<string> Flags, DateTimeOffset InternalDate, long Size, ulong ModSeq, ReadOnlyMemory<byte> Content);

/// <summary>What <see cref="IImapFolder.ReadChanges"/> found.</summary>
public sealed record ImapFolderChanges(IReadOnlyList<ImapMessage> Added, IReadOnlyList<uint> Expunged, IReadOnlyList<ImapMessage> FlagsChanged)
{
    public static readonly ImapFolderChanges None = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Expunged.Count == 0 && FlagsChanged.Count == 0;
}

/// <summary>How STORE changes flags.</summary>
public enum ImapStoreMode
{
    /// <summary><c>FLAGS</c>: replace.</summary>
    Replace,

    /// <summary><c>+FLAGS</c>: add.</summary>
    Add,

    /// <summary><c>-FLAGS</c>: remove.</summary>
    Remove,
}

/// <summary>The outcome of STORE: the messages changed (new flags and MODSEQ) and the UIDs refused by UNCHANGEDSINCE.</summary>
public sealed record ImapStoreResult(IReadOnlyList<ImapMessage> Updated, IReadOnlyList<uint> Modified);

/// <summary>Special-use and hierarchy attributes of a folder (RFC 9051 §7.3.1, RFC 6154, RFC 5258).</summary>
[Flags]
public enum ImapFolderAttributes
{
    None = 0,
    Noselect = 1 << 0,
    HasChildren = 1 << 1,
    HasNoChildren = 1 << 2,
    NonExistent = 1 << 3,
    Marked = 1 << 4,
    Unmarked = 1 << 5,
    Noinferiors = 1 << 6,
    All = 1 << 10,
    Archive = 1 << 11,
    Drafts = 1 << 12,
    Flagged = 1 << 13,
    Junk = 1 << 14,
    Sent = 1 << 15,
    Trash = 1 << 16,
}

/// <summary>A folder in LIST: full name, attributes (children and special use) and whether it is subscribed.</summary>
public sealed record ImapFolderInfo(string Name, ImapFolderAttributes Attributes, bool Subscribed);

/// <summary>STATUS numbers of a folder (RFC 9051 §6.3.11; SIZE from RFC 8438, HIGHESTMODSEQ from RFC 7162).</summary>
public sealed record ImapFolderStatus(int Messages, uint UidNext, uint UidValidity, int Unseen, int Deleted, long Size, ulong HighestModSeq, int Recent = 0);

/// <summary>RFC 9208 STORAGE usage and limit in units of 1024 octets.</summary>
public sealed record ImapQuota(long UsedKilobytes, long LimitKilobytes);

/// <summary>The response codes a store failure maps to (RFC 5530, RFC 9051 §7.1).</summary>
public enum ImapResponseCode
{
    None,
    AlreadyExists,
    NonExistent,
    Cannot,
    InUse,
    OverQuota,
    TooBig,
    TryCreate,
    NoPerm,
    Limit,
    ServerBug,
    Unavailable,
}

/// <summary>Success, or a failure with the response code for the NO and a text.</summary>
public readonly record struct ImapResult(ImapResponseCode Code, string? Text)
{
    public static ImapResult Ok => default;

    public bool Succeeded => Code == ImapResponseCode.None && Text is null;

    public static ImapResult Fail(ImapResponseCode code, string text) => new(code, text);
}

/// <summary>The outcome of APPEND: the folder's UIDVALIDITY and the new message's UID, or a failure.</summary>
public sealed record ImapAppendResult(ImapResult Result, uint UidValidity, uint Uid)
{
    public static ImapAppendResult Fail(ImapResponseCode code, string text) => new(ImapResult.Fail(code, text), 0, 0);
}

/// <summary>The outcome of COPY/MOVE: the target's UIDVALIDITY and source→destination UIDs, pairwise, or a failure.</summary>
public sealed record ImapCopyResult(ImapResult Result, uint UidValidity, IReadOnlyList<uint> SourceUids, IReadOnlyList<uint> DestinationUids)
{
    public static ImapCopyResult Fail(ImapResponseCode code, string text) => new(ImapResult.Fail(code, text), 0, [], []);
}

/// <summary>The outcome of <see cref="IImapAccount.Open"/>: the folder, or a failure.</summary>
public sealed record ImapOpenResult(ImapResult Result, IImapFolder? Folder)
{
    public static ImapOpenResult Success(IImapFolder folder) => new(ImapResult.Ok, folder);

    public static ImapOpenResult Fail(ImapResponseCode code, string text) => new(ImapResult.Fail(code, text), null);
}
