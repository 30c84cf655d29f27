namespace MailLab.Mail.Stores;

/// <summary>
/// What changed in a folder after a given modification sequence: the entries appended or whose
/// flags changed (in UID order; an entry with a UID at or above the reader's last UIDNEXT is new),
/// and the UIDs expunged since then, with the folder's HIGHESTMODSEQ and UIDNEXT at the time of the read.
/// </summary>
public sealed record FolderChanges(ulong HighestModSeq, uint UidNext, IReadOnlyList<FolderMessage> Changed, IReadOnlyList<uint> Expunged, IReadOnlyList<FolderMessage> Messages);

/// <summary>The result of a flag change: the entries changed, and the UIDs left alone because they changed after UNCHANGEDSINCE (RFC 7162 §3.1.3, the MODIFIED set).</summary>
public sealed record FlagChangeResult(IReadOnlyList<FolderMessage> Changed, IReadOnlyList<uint> Modified);

/// <summary>COPY/MOVE (RFC 4315 COPYUID, RFC 6851): source UID → UID in the target, in source UID order.</summary>
public sealed record FolderCopyResult(uint TargetUidValidity, IReadOnlyList<(uint Source, uint Target)> Uids);

/// <summary>Why a folder operation was refused; the IMAP adapter maps each to its response code.</summary>
public enum FolderError
{
    /// <summary>[ALREADYEXISTS]</summary>
    AlreadyExists,

    /// <summary>[NONEXISTENT]</summary>
    NonExistent,

    /// <summary>[CANNOT]: INBOX cannot be deleted, a name is not valid.</summary>
    Cannot,

    /// <summary>A folder with subfolders is not deleted (RFC 9051 §6.3.5 lets a server refuse).</summary>
    HasChildren,
}

public sealed class MailboxFolderException(FolderError error, string message) : Exception(message)
{
    public FolderError Error { get; } = error;
}
