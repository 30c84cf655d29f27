namespace MailLab.Mail.Exchange;

/// <summary>
/// A storage group: stores that share one set of transaction logs (and one backup schedule), its
/// log and system paths, and circular logging. The first is "First Storage Group" with the log prefix
/// E00 in <c>C:\Program Files\Exchsrvr\mdbdata</c> (docs/EXCHANGE-2003.md, section 3).
/// </summary>
public sealed class StorageGroup
{
    private readonly List<ExchangeStore> _stores = [];

    internal StorageGroup(ExchangeServer server, string name, string logPrefix, string path)
    {
        Server = server;
        Name = name;
        Logs = new TransactionLogSet(logPrefix);
        LogPath = path;
        SystemPath = path;
    }

    public ExchangeServer Server { get; }

    public string Name { get; }

    public TransactionLogSet Logs { get; }

    public string LogPath { get; set; }

    public string SystemPath { get; set; }

    /// <summary>Off by default (KB 258470).</summary>
    public bool CircularLogging
    {
        get => Logs.CircularLogging;
        set => Logs.CircularLogging = value;
    }

    public IReadOnlyList<ExchangeStore> Stores => _stores;

    internal void Add(ExchangeStore store) => _stores.Add(store);
}
