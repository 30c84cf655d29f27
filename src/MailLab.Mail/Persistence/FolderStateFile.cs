using System.Globalization;
using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The IMAP state of one folder on disk (<c>imap.state</c>): an append-only journal of text lines,
/// each fsynced before the change it records becomes visible.
/// <code>
/// uidvalidity 1788253200        header lines; a later one replaces an earlier one
/// specialuse Sent
/// subscribed 1
/// uidnext 7
/// highestmodseq 12
/// recent 5                      the lowest UID no IMAP session has claimed as \Recent
/// A uid modseq flags internaldate file [keyword ...]   appended (flags: letters of S A F D T, or -)
/// F uid modseq flags [keyword ...]                      flags changed
/// X modseq uid                                          expunged
/// </code>
/// A kill -9 can cut the last line short: a line without its line feed, or one that does not parse,
/// is ignored, and the loader then rewrites the journal as a snapshot (<see cref="Snapshot"/>,
/// written whole with <see cref="DurableFile.Write"/>), so appends never follow a broken line.
/// </summary>
internal static class FolderStateFile
{
    public const string FileName = "imap.state";

    /// <summary>What replaying a journal gave: the folder's numbers and its live entries by UID.</summary>
    public sealed class State
    {
        public uint? UidValidity { get; set; }

        public SpecialUse SpecialUse { get; set; }

        public bool Subscribed { get; set; }

        public uint UidNext { get; set; } = 1;

        public ulong HighestModSeq { get; set; } = 1;

        /// <summary>The lowest UID not yet claimed as \Recent (0: none claimed, or a journal from before the line existed).</summary>
        public uint FirstUnclaimedRecent { get; set; }

        /// <summary>How many recent lines were read: a snapshot has one, more mean claims to compact.</summary>
        public int RecentLines { get; set; }

        public SortedDictionary<uint, Entry> Live { get; } = [];

        public List<(ulong ModSeq, uint Uid)> Expunged { get; } = [];

        /// <summary>Files of expunged entries: deleted by the loader when no live entry uses them (a crash came between the X line and the delete).</summary>
        public HashSet<string> ExpungedFiles { get; } = new(StringComparer.Ordinal);

        /// <summary>True when the journal had anything besides a clean snapshot (changes, a cut line), so the loader compacts it.</summary>
        public bool NeedsCompaction { get; set; }
    }

    public sealed record Entry(uint Uid, ulong ModSeq, MessageFlags Flags, string[] Keywords, DateTimeOffset InternalDate, string File);

    public static State Read(string path)
    {
        var state = new State();
        if (!File.Exists(path))
        {
            return state;
        }

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        var lines = text.Split('\n');
        // The last element is what follows the last line feed: empty for a whole file, else a cut line.
        if (lines[^1].Length > 0)
        {
            state.NeedsCompaction = true;
        }

        foreach (var line in lines[..^1])
        {
            if (!Apply(state, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                state.NeedsCompaction = true;
            }
        }

        state.NeedsCompaction |= state.RecentLines > 1;

        return state;
    }

    /// <summary>The whole journal for the folder as it is now: header lines and one A line per entry.</summary>
    public static byte[] Snapshot(MailboxFolder folder, IReadOnlyList<FolderMessage> entries, IReadOnlyDictionary<uint, string> files, ulong highestModSeq, uint uidNext)
    {
        var text = new StringBuilder();
        Header(text, folder);
        text.Append(CultureInfo.InvariantCulture, $"uidnext {uidNext}\n");
        text.Append(CultureInfo.InvariantCulture, $"highestmodseq {highestModSeq}\n");
        foreach (var entry in entries)
        {
            if (files.TryGetValue(entry.Uid, out var file))
            {
                text.Append(Appended(entry, file));
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static void Header(StringBuilder text, MailboxFolder folder)
    {
        text.Append(CultureInfo.InvariantCulture, $"uidvalidity {folder.UidValidity}\n");
        text.Append(CultureInfo.InvariantCulture, $"specialuse {folder.SpecialUse}\n");
        text.Append(CultureInfo.InvariantCulture, $"subscribed {(folder.Subscribed ? 1 : 0)}\n");
        text.Append(Recent(folder));
    }

    public static string Recent(MailboxFolder folder) => string.Create(CultureInfo.InvariantCulture, $"recent {folder.FirstUnclaimedRecentLocked}\n");

    public static string Appended(FolderMessage entry, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"A {entry.Uid} {entry.ModSeq} {Flags(entry.Flags)} {entry.InternalDate:O} {Uri.EscapeDataString(file)}{Words(entry.Keywords)}\n");

    public static string FlagsChanged(FolderMessage entry) =>
        string.Create(CultureInfo.InvariantCulture, $"F {entry.Uid} {entry.ModSeq} {Flags(entry.Flags)}{Words(entry.Keywords)}\n");

    public static string Expunged(ulong modSeq, uint uid) => string.Create(CultureInfo.InvariantCulture, $"X {modSeq} {uid}\n");

    private static bool Apply(State state, string[] f)
    {
        if (f.Length == 0)
        {
            return true;
        }

        switch (f[0])
        {
            case "uidvalidity" when f.Length == 2 && uint.TryParse(f[1], CultureInfo.InvariantCulture, out var validity) && validity > 0:
                state.UidValidity = validity;
                return true;
            case "specialuse" when f.Length == 2 && Enum.TryParse<SpecialUse>(f[1], out var use):
                state.SpecialUse = use;
                return true;
            case "subscribed" when f.Length == 2:
                state.Subscribed = f[1] == "1";
                return true;
            case "uidnext" when f.Length == 2 && uint.TryParse(f[1], CultureInfo.InvariantCulture, out var next):
                state.UidNext = Math.Max(state.UidNext, next);
                return true;
            case "recent" when f.Length == 2 && uint.TryParse(f[1], CultureInfo.InvariantCulture, out var recent):
                state.FirstUnclaimedRecent = Math.Max(state.FirstUnclaimedRecent, recent);
                state.RecentLines++;
                return true;
            case "highestmodseq" when f.Length == 2 && ulong.TryParse(f[1], CultureInfo.InvariantCulture, out var highest):
                state.HighestModSeq = Math.Max(state.HighestModSeq, highest);
                return true;
            case "A" when f.Length >= 6 && uint.TryParse(f[1], CultureInfo.InvariantCulture, out var uid) && ulong.TryParse(f[2], CultureInfo.InvariantCulture, out var modSeq)
                && TryFlags(f[3], out var flags) && DateTimeOffset.TryParse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date):
                var file = Uri.UnescapeDataString(f[5]);
                state.Live[uid] = new Entry(uid, modSeq, flags, f[6..], date, file);
                Seen(state, uid, modSeq);
                return true;
            case "F" when f.Length >= 4 && uint.TryParse(f[1], CultureInfo.InvariantCulture, out var uid) && ulong.TryParse(f[2], CultureInfo.InvariantCulture, out var modSeq)
                && TryFlags(f[3], out var flags):
                if (state.Live.TryGetValue(uid, out var entry))
                {
                    state.Live[uid] = entry with { ModSeq = modSeq, Flags = flags, Keywords = f[4..] };
                }

                Seen(state, uid, modSeq);
                state.NeedsCompaction = true;
                return true;
            case "X" when f.Length == 3 && ulong.TryParse(f[1], CultureInfo.InvariantCulture, out var modSeq) && uint.TryParse(f[2], CultureInfo.InvariantCulture, out var uid):
                if (state.Live.Remove(uid, out var gone))
                {
                    state.ExpungedFiles.Add(gone.File);
                }

                state.Expunged.Add((modSeq, uid));
                Seen(state, uid, modSeq);
                state.NeedsCompaction = true;
                return true;
            default:
                return false;
        }
    }

    private static void Seen(State state, uint uid, ulong modSeq)
    {
        state.UidNext = Math.Max(state.UidNext, uid + 1);
        state.HighestModSeq = Math.Max(state.HighestModSeq, modSeq);
    }

    private static string Flags(MessageFlags flags)
    {
        var text = new StringBuilder(5);
        foreach (var (flag, letter) in Letters)
        {
            if ((flags & flag) != 0)
            {
                text.Append(letter);
            }
        }

        return text.Length == 0 ? "-" : text.ToString();
    }

    private static bool TryFlags(string text, out MessageFlags flags)
    {
        flags = MessageFlags.None;
        if (text == "-")
        {
            return true;
        }

        foreach (var c in text)
        {
            var match = Array.FindIndex(Letters, l => l.Letter == c);
            if (match < 0)
            {
                return false;
            }

            flags |= Letters[match].Flag;
        }

        return true;
    }

    private static string Words(IReadOnlyList<string> keywords) => keywords.Count == 0 ? string.Empty : " " + string.Join(' ', keywords);

    private static readonly (MessageFlags Flag, char Letter)[] Letters =
    [
        (MessageFlags.Seen, 'S'), (MessageFlags.Answered, 'A'), (MessageFlags.Flagged, 'F'), (MessageFlags.Deleted, 'D'), (MessageFlags.Draft, 'T'),
    ];
}
