using System.Globalization;

namespace MailLab.Mail.Exchange;

/// <summary>
/// A storage group's transaction logs (docs/EXCHANGE-2003.md, section 3; KB 240145): every change to the
/// group's stores is written first to the current log, <c>E00.log</c> for the first group (E01, E02, E03
/// for the others); a log is exactly 5 MB, and when it is full it is renamed with its generation in five
/// hex digits (<c>E0000001.log</c>, <c>E000001A.log</c>) and a new current log starts. <c>E00.chk</c> is
/// the checkpoint and <c>Res1.log</c>/<c>Res2.log</c> are the reserve logs. With circular logging (off
/// by default) logs already committed are reused, so only a few stay: MailLab keeps the four newest
/// full logs, the 20 MB the Best Practices Analyzer cites for circular logging. Without it every log
/// stays (only a backup, not modelled, removes them). No data is written: the sizes are the model's.
/// </summary>
public sealed class TransactionLogSet
{
    /// <summary>The size of every log file.</summary>
    public const long LogFileBytes = 5 * 1024 * 1024;

    /// <summary>Full logs kept under circular logging.</summary>
    public const int CircularLogsKept = 4;

    private readonly List<long> _fullGenerations = [];

    public TransactionLogSet(string prefix)
    {
        Prefix = prefix;
    }

    /// <summary>E00, E01, E02 or E03.</summary>
    public string Prefix { get; }

    public bool CircularLogging { get; set; }

    /// <summary>The generation of the current log (E00.log); the first is 1.</summary>
    public long CurrentGeneration { get; private set; } = 1;

    /// <summary>Octets written to the current log.</summary>
    public long CurrentLogUsed { get; private set; }

    /// <summary>The file names in the log folder with their sizes, as Explorer lists them.</summary>
    public IReadOnlyList<(string Name, long Bytes)> Files
    {
        get
        {
            var files = new List<(string, long)>
            {
                ($"{Prefix}.chk", 8192),
                ($"{Prefix}.log", LogFileBytes),
            };
            files.AddRange(_fullGenerations.Select(g => (FullLogName(g), LogFileBytes)));
            files.Add(("Res1.log", LogFileBytes));
            files.Add(("Res2.log", LogFileBytes));
            return files;
        }
    }

    /// <summary>The full logs still on disk, oldest first.</summary>
    public IReadOnlyList<long> FullGenerations => _fullGenerations;

    /// <summary>Records <paramref name="octets"/> of changes; returns how many logs filled up.</summary>
    public int Write(long octets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(octets);
        var filled = 0;
        CurrentLogUsed += octets;
        while (CurrentLogUsed >= LogFileBytes)
        {
            CurrentLogUsed -= LogFileBytes;
            _fullGenerations.Add(CurrentGeneration);
            CurrentGeneration++;
            filled++;
        }

        if (CircularLogging && _fullGenerations.Count > CircularLogsKept)
        {
            _fullGenerations.RemoveRange(0, _fullGenerations.Count - CircularLogsKept);
        }

        return filled;
    }

    /// <summary>E0000001.log: the prefix and the generation in five hex digits.</summary>
    public string FullLogName(long generation) =>
        Prefix + generation.ToString("X5", CultureInfo.InvariantCulture) + ".log";
}
