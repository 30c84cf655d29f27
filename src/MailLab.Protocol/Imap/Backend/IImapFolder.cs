namespace MailLab.Protocol.Imap.Backend;

/// <summary>
/// A folder opened by one session (SELECT or EXAMINE). It gives the messages as they were when it
/// was opened, then, through <see cref="ReadChanges"/>, everything that changed since the previous
/// look: messages added, UIDs expunged and messages whose flags changed, whoever caused it (this
/// session included; the session ignores what it already knows). Messages are always in ascending
/// UID order. The session derives message sequence numbers itself.
/// </summary>
public interface IImapFolder : IDisposable
{
    /// <summary>The folder's full name.</summary>
    string Name { get; }

    /// <summary>UIDVALIDITY (RFC 9051 §2.3.1.1): changes only if UIDs are reassigned.</summary>
    uint UidValidity { get; }

    /// <summary>The UID the next message will get (now).</summary>
    uint UidNext { get; }

    /// <summary>The highest modification sequence of the folder (RFC 7162), at least 1.</summary>
    ulong HighestModSeq { get; }

    /// <summary>True when opened with EXAMINE or the store allows no writes.</summary>
    bool ReadOnly { get; }

    /// <summary>The messages at the moment the folder was opened, ascending by UID.</summary>
    IReadOnlyList<ImapMessage> Messages { get; }

    /// <summary>
    /// IMAP4rev1 \Recent (RFC 3501 §2.3.2): the messages of <see cref="Messages"/> with a UID at least
    /// this are recent in this session. The default: none are (a store that does not track it).
    /// </summary>
    uint FirstRecentUid => uint.MaxValue;

    /// <summary>
    /// Whether a message that arrived while the folder was open is \Recent in this session: a
    /// read-write session claims it if no other session did first; EXAMINE only looks.
    /// </summary>
    bool ClaimRecent(uint uid) => false;

    /// <summary>
    /// Raised (on any thread) when the folder changed after the last <see cref="ReadChanges"/>:
    /// a delivery, another session's STORE or EXPUNGE. The session then tells the transport that
    /// updates are waiting; the handler must not call back into the session.
    /// </summary>
    event EventHandler? Changed;

    /// <summary>
    /// What changed since the open or the previous call, and moves the session's look forward:
    /// added messages (ascending UID), expunged UIDs, and the current state of messages whose flags
    /// changed (with their new MODSEQ). A message added and expunged in between may be left out.
    /// </summary>
    ImapFolderChanges ReadChanges();

    /// <summary>
    /// STORE (RFC 9051 §6.4.6): changes flags of the messages with these UIDs (those that no longer
    /// exist are skipped). With <paramref name="unchangedSince"/> (RFC 7162 §3.1.3) a message whose
    /// MODSEQ is greater is not changed and is listed in <see cref="ImapStoreResult.Modified"/>.
    /// Returns the new state of every message that was changed. \Recent cannot be stored.
    /// </summary>
    ImapStoreResult StoreFlags(IReadOnlyList<uint> uids, ImapStoreMode mode, IReadOnlyList<string> flags, ulong? unchangedSince);

    /// <summary>
    /// COPY (RFC 9051 §6.4.7): copies messages by UID to another folder, flags and internal date
    /// kept. Returns the UID mapping for COPYUID (RFC 4315). Errors: <see cref="ImapResponseCode.TryCreate"/>,
    /// <see cref="ImapResponseCode.OverQuota"/>, <see cref="ImapResponseCode.Cannot"/>.
    /// </summary>
    ImapCopyResult Copy(IReadOnlyList<uint> uids, string targetFolder);

    /// <summary>
    /// MOVE (RFC 6851): as <see cref="Copy"/>, then the sources are expunged; the session learns
    /// the expunged UIDs from <see cref="ImapCopyResult.SourceUids"/>.
    /// </summary>
    ImapCopyResult Move(IReadOnlyList<uint> uids, string targetFolder);

    /// <summary>
    /// EXPUNGE: removes the messages flagged \Deleted, all of them (null) or only those among
    /// <paramref name="uids"/> (UID EXPUNGE, RFC 4315 §2.1). Returns the UIDs removed, ascending.
    /// </summary>
    IReadOnlyList<uint> Expunge(IReadOnlyList<uint>? uids);
}
