namespace MailLab.Protocol.Imap.Backend;

/// <summary>
/// One logged-in user's mailbox: the folders and what can be done to them by name. Folder names
/// are full paths with <see cref="HierarchyDelimiter"/> between levels (<c>Archive/2024</c>), in
/// Unicode (the session converts modified UTF-7 of IMAP4rev1 clients); <c>INBOX</c> is
/// case-insensitive and always exists (RFC 9051 §5.1). Disposed by the session at LOGOUT or
/// when the connection closes.
/// </summary>
public interface IImapAccount : IDisposable
{
    /// <summary>The user name as the store spells it.</summary>
    string User { get; }

    /// <summary>The hierarchy delimiter, "/" for MailLab.</summary>
    char HierarchyDelimiter => '/';

    /// <summary>
    /// Every folder of the account (INBOX included) with attributes; the session matches LIST
    /// patterns against them itself. <see cref="ImapFolderInfo.Subscribed"/> folders that no longer
    /// exist may be listed with <see cref="ImapFolderAttributes.NonExistent"/> (RFC 5258 §3).
    /// </summary>
    IReadOnlyList<ImapFolderInfo> ListFolders();

    /// <summary>
    /// CREATE (RFC 9051 §6.3.4), with missing parents created too. Errors:
    /// <see cref="ImapResponseCode.AlreadyExists"/>, <see cref="ImapResponseCode.Cannot"/> (bad name, INBOX),
    /// <see cref="ImapResponseCode.Limit"/>.
    /// </summary>
    ImapResult CreateFolder(string name);

    /// <summary>
    /// DELETE (RFC 9051 §6.3.5). Errors: <see cref="ImapResponseCode.NonExistent"/>,
    /// <see cref="ImapResponseCode.Cannot"/> (INBOX; or a folder with children, which the store may
    /// instead make \Noselect), <see cref="ImapResponseCode.InUse"/> (selected by another session, if the store refuses that).
    /// </summary>
    ImapResult DeleteFolder(string name);

    /// <summary>
    /// RENAME (RFC 9051 §6.3.6), children included; renaming INBOX moves its messages to the new
    /// folder and leaves INBOX empty. Errors: <see cref="ImapResponseCode.NonExistent"/>,
    /// <see cref="ImapResponseCode.AlreadyExists"/>, <see cref="ImapResponseCode.Cannot"/>, <see cref="ImapResponseCode.InUse"/>.
    /// </summary>
    ImapResult RenameFolder(string oldName, string newName);

    /// <summary>SUBSCRIBE (RFC 9051 §6.3.7); a name that does not exist may be subscribed.</summary>
    ImapResult Subscribe(string name);

    /// <summary>UNSUBSCRIBE (RFC 9051 §6.3.8); <see cref="ImapResponseCode.NonExistent"/> if it was not subscribed.</summary>
    ImapResult Unsubscribe(string name);

    /// <summary>STATUS numbers (RFC 9051 §6.3.11) of a folder; null when it does not exist or is \Noselect.</summary>
    ImapFolderStatus? GetStatus(string name);

    /// <summary>
    /// The account's storage quota (RFC 9208 STORAGE, in units of 1024 octets), null when the
    /// account has none; the quota root is <c>""</c> for the whole account.
    /// </summary>
    ImapQuota? Quota { get; }

    /// <summary>The largest message APPEND accepts for this account (RFC 7889), null for no limit.</summary>
    long? AppendLimit { get; }

    /// <summary>
    /// APPEND (RFC 9051 §6.3.12): stores a message with flags (system flags like <c>\Seen</c> and
    /// keywords) and an internal date. Returns the folder's UIDVALIDITY and the new UID (for
    /// APPENDUID, RFC 4315). Errors: <see cref="ImapResponseCode.TryCreate"/> (no such folder),
    /// <see cref="ImapResponseCode.OverQuota"/>, <see cref="ImapResponseCode.TooBig"/>,
    /// <see cref="ImapResponseCode.Cannot"/> (\Noselect). A session with the folder open sees the
    /// message in its next <see cref="IImapFolder.ReadChanges"/>.
    /// </summary>
    ImapAppendResult Append(string folder, IReadOnlyList<string> flags, DateTimeOffset internalDate, ReadOnlyMemory<byte> content);

    /// <summary>
    /// Opens a folder for SELECT (<paramref name="readOnly"/> false) or EXAMINE (true). Errors:
    /// <see cref="ImapResponseCode.NonExistent"/>, <see cref="ImapResponseCode.Cannot"/> (\Noselect).
    /// The session disposes the folder when it selects another, closes or logs out.
    /// </summary>
    ImapOpenResult Open(string name, bool readOnly);
}
