namespace MailLab.Protocol.Imap;

/// <summary>
/// Sees every client line and server line of a session, in order, plus the mail events a trace
/// records. Secrets arrive redacted as <c>****</c> (LOGIN's password, AUTHENTICATE initial
/// responses and every SASL line); literals are shown by size as <c>{n}</c> / <c>{n+}</c> / <c>~{n}</c>,
/// never their content, and a FETCH response's message content is shown as its size.
/// Every member has an empty default, so an observer implements only what it needs.
/// </summary>
public interface IImapSessionObserver
{
    /// <summary>A client line (literals replaced by their size, the line's parts joined).</summary>
    void OnClientLine(string line) { }

    /// <summary>A server line (a tagged or untagged response or a <c>+</c> continuation), without CRLF; literals by size.</summary>
    void OnServerLine(string line) { }

    /// <summary>A user logged in with a mechanism (LOGIN, PLAIN, CRAM-MD5).</summary>
    void OnLogon(string user, string mechanism) { }

    /// <summary>A folder was selected (read-only for EXAMINE), with its message count.</summary>
    void OnSelect(string folder, bool readOnly, int messages) { }

    /// <summary>Message content went to the client: the section asked for (<c>BODY[]</c>, <c>BINARY[1]</c>, …) and its size.</summary>
    void OnFetchBody(string folder, uint uid, string section, long octets) { }

    /// <summary>A message was appended (APPEND) to a folder.</summary>
    void OnAppend(string folder, uint uid, long octets) { }

    /// <summary>Messages were copied (COPY) from one folder to another.</summary>
    void OnCopy(string fromFolder, string toFolder, IReadOnlyList<uint> uids) { }

    /// <summary>Messages were moved (MOVE) from one folder to another.</summary>
    void OnMove(string fromFolder, string toFolder, IReadOnlyList<uint> uids) { }

    /// <summary>Messages were expunged (EXPUNGE, UID EXPUNGE, CLOSE, or MOVE's removal).</summary>
    void OnExpunge(string folder, IReadOnlyList<uint> uids) { }
}
