namespace MailLab.Mail.Exchange;

/// <summary>
/// A mailbox store or public folder store of a storage group: its database files (the rich-text
/// <c>.edb</c> and the streaming <c>.stm</c>, where content that arrived over SMTP is kept), whether it
/// is mounted, and "Do not mount this store at start-up". Sizes are the model's: a store starts with
/// empty databases and grows by the octets stored in it (STM) and one 4 KB page of properties a
/// message (EDB; ESE's page size in Exchange 2003), rounded up to whole pages.
/// </summary>
public sealed class ExchangeStore
{
    /// <summary>ESE's page size in Exchange 2003.</summary>
    public const long PageBytes = 4096;

    /// <summary>The size of a new, empty database file (chosen: a few pages of system tables).</summary>
    public const long EmptyDatabaseBytes = 64 * PageBytes;

    internal ExchangeStore(StorageGroup group, string name, ExchangeStoreKind kind, string fileStem)
    {
        Group = group;
        Name = name;
        Kind = kind;
        DatabaseFile = fileStem + ".edb";
        StreamingFile = fileStem + ".stm";
    }

    public StorageGroup Group { get; }

    /// <summary>"Mailbox Store (SERVER)", "Public Folder Store (SERVER)".</summary>
    public string Name { get; }

    public ExchangeStoreKind Kind { get; }

    /// <summary>priv1.edb, pub1.edb, or the store's name for stores created later.</summary>
    public string DatabaseFile { get; }

    public string StreamingFile { get; }

    public bool Mounted { get; internal set; }

    /// <summary>The Limits tab (mailbox stores); <see cref="ExchangeServer.ConfigureLimits"/> changes it.</summary>
    public Settings.StoreLimits Limits { get; internal set; } = Settings.StoreLimits.Defaults;

    /// <summary>The Database tab's "Do not mount this store at start-up".</summary>
    public bool DoNotMountAtStartup { get; set; }

    /// <summary>Octets of the .edb file.</summary>
    public long DatabaseBytes { get; private set; } = EmptyDatabaseBytes;

    /// <summary>Octets of the .stm file.</summary>
    public long StreamingBytes { get; private set; } = EmptyDatabaseBytes;

    /// <summary>The size the edition's limit is checked against: both files (SP2 checks the logical size; nothing is freed here, so they agree).</summary>
    public long SizeBytes => DatabaseBytes + StreamingBytes;

    /// <summary>Grows the files for one message of <paramref name="octets"/> stored, and writes it to the group's logs.</summary>
    internal void Grow(long octets)
    {
        StreamingBytes += RoundUpToPages(octets);
        DatabaseBytes += PageBytes;
        Group.Logs.Write(octets + PageBytes);
    }

    private static long RoundUpToPages(long octets) => (octets + PageBytes - 1) / PageBytes * PageBytes;
}
