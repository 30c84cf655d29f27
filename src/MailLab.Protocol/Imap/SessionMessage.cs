using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Mime;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Protocol.Imap;

/// <summary>A message in the session's view of the selected folder, with the session's own copy of its flags and its MIME parse, made once.</summary>
internal sealed class SessionMessage
{
    private ParsedMessage? _parsed;
    private DateTimeOffset? _sentDate;

    public SessionMessage(ImapMessage message, bool recent)
    {
        Uid = message.Uid;
        Flags = [.. message.Flags];
        InternalDate = message.InternalDate;
        Size = message.Size;
        ModSeq = message.ModSeq;
        Content = message.Content;
        Recent = recent;
    }

    public uint Uid { get; }

    public List<string> Flags { get; private set; }

    public DateTimeOffset InternalDate { get; }

    public long Size { get; }

    public ulong ModSeq { get; private set; }

    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>IMAP4rev1 \Recent (RFC 3501 §2.3.2): this session is the first to see the message (see <see cref="Backend.IImapFolder.ClaimRecent"/>).</summary>
    public bool Recent { get; }

    /// <summary>Another session expunged it, and this session may not say so yet (RFC 9051 §7.5.1).</summary>
    public bool Expunged { get; set; }

    public ParsedMessage Parsed => _parsed ??= new ParsedMessage(Content);

    /// <summary>
    /// The sent date: the Date header, or the internal date when it is missing or does not parse
    /// (RFC 5256 §2.2, for SORT DATE; SENTBEFORE/SENTON/SENTSINCE use its day).
    /// </summary>
    public DateTimeOffset SentDate => _sentDate ??=
        Parsed.Message.Headers[HeaderId.Date] is { } text && DateUtils.TryParse(text, out var date) ? date : InternalDate;

    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes the store's state; false when nothing the client can see changed.</summary>
    public bool Update(ImapMessage message)
    {
        var same = Flags.Count == message.Flags.Count && Flags.All(f => message.Flags.Contains(f, StringComparer.OrdinalIgnoreCase));
        var changed = !same || message.ModSeq > ModSeq;
        Flags = [.. message.Flags];
        ModSeq = Math.Max(ModSeq, message.ModSeq);
        return changed && !same;
    }
}
