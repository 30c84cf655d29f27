using MailLab.Mail.Stores;
using MailLab.Protocol.Imap.Backend;

namespace MailLab.Mail.Imap;

/// <summary>IMAP flag names (RFC 9051 §2.3.2) to the store's <see cref="MessageFlags"/> and keywords, and back.</summary>
internal static class ImapFlags
{
    private static readonly (MessageFlags Flag, string Name)[] System =
    [
        (MessageFlags.Seen, @"\Seen"), (MessageFlags.Answered, @"\Answered"), (MessageFlags.Flagged, @"\Flagged"),
        (MessageFlags.Deleted, @"\Deleted"), (MessageFlags.Draft, @"\Draft"),
    ];

    /// <summary>System flags by name (case-insensitive), the rest as keywords; \Recent and unknown \-flags are not stored.</summary>
    public static (MessageFlags Flags, string[] Keywords) Parse(IEnumerable<string> names)
    {
        var flags = MessageFlags.None;
        var keywords = new List<string>();
        foreach (var name in names)
        {
            var match = Array.FindIndex(System, s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (match >= 0)
            {
                flags |= System[match].Flag;
            }
            else if (!name.StartsWith('\\'))
            {
                keywords.Add(name);
            }
        }

        return (flags, [.. keywords]);
    }

    public static IReadOnlyList<string> Names(FolderMessage entry)
    {
        if (entry.Flags == MessageFlags.None && entry.Keywords.Count == 0)
        {
            return [];
        }

        var names = new List<string>(5 + entry.Keywords.Count);
        foreach (var (flag, name) in System)
        {
            if ((entry.Flags & flag) != 0)
            {
                names.Add(name);
            }
        }

        names.AddRange(entry.Keywords);
        return names;
    }

    public static ImapMessage Message(FolderMessage entry) =>
        new(entry.Uid, Names(entry), entry.InternalDate, entry.Size, entry.ModSeq, entry.Message.Data);

    public static ImapFolderAttributes Attributes(SpecialUse use) => use switch
    {
        SpecialUse.Sent => ImapFolderAttributes.Sent,
        SpecialUse.Drafts => ImapFolderAttributes.Drafts,
        SpecialUse.Trash => ImapFolderAttributes.Trash,
        SpecialUse.Junk => ImapFolderAttributes.Junk,
        SpecialUse.Archive => ImapFolderAttributes.Archive,
        _ => ImapFolderAttributes.None,
    };

    public static ImapResponseCode Code(FolderError error) => error switch
    {
        FolderError.AlreadyExists => ImapResponseCode.AlreadyExists,
        FolderError.NonExistent => ImapResponseCode.NonExistent,
        _ => ImapResponseCode.Cannot,
    };
}
