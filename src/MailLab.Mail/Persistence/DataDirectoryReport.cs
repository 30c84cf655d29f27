namespace MailLab.Mail.Persistence;

/// <summary>What start-up found in a data directory: counts per store and any file it could not read.</summary>
public sealed class DataDirectoryReport
{
    public int Mailboxes { get; internal set; }

    public int Drop { get; internal set; }

    public int BadMail { get; internal set; }

    public int Queue { get; internal set; }

    /// <summary>Pickup files found at start-up (sent then).</summary>
    public int Pickup { get; internal set; }

    private readonly List<string> _problems = [];

    /// <summary>Files that could not be read (left where they are).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return _problems.ToArray();
            }
        }
    }

    internal void Problem(string text)
    {
        lock (_problems)
        {
            _problems.Add(text);
        }
    }

    public override string ToString() =>
        $"{Mailboxes} in mailboxes, {Drop} in Drop, {BadMail} in Badmail, {Queue} queued, {Pickup} in Pickup";
}
