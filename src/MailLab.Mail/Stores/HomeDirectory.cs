namespace MailLab.Mail.Stores;

/// <summary>
/// An IIS virtual server's home directory (mailroot): BadMail, Drop, Pickup and Queue. Its path is
/// fixed at creation, as in IIS (the only wizard setting that cannot be changed later).
/// </summary>
public sealed class HomeDirectory
{
    public HomeDirectory(string path)
    {
        Path = path;
    }

    private Persistence.IHomeDirectoryPersistence? _persistence;

    public string Path { get; }

    /// <summary>Undeliverable mail that could not be returned (.BAD/.BDR files).</summary>
    public MailFolder BadMail { get; } = new("Badmail");

    /// <summary>All incoming mail for local domains without a mailbox store.</summary>
    public MailFolder Drop { get; } = new("Drop");

    /// <summary>RFC 822 files placed here are sent.</summary>
    public MailFolder Pickup { get; } = new("Pickup");

    /// <summary>Mail waiting for delivery or retry.</summary>
    public MailFolder Queue { get; } = new("Queue");

    public IReadOnlyList<MailFolder> Folders => [BadMail, Drop, Pickup, Queue];

    /// <summary>
    /// The disk layer (maillab up --data-dir) for BadMail, Drop and Queue; null keeps the folders in
    /// memory only. Pickup is not written: on disk it is an input the disk layer watches.
    /// </summary>
    public Persistence.IHomeDirectoryPersistence? Persistence
    {
        get => _persistence;
        set
        {
            _persistence = value;
            BadMail.Persistence = value;
            Drop.Persistence = value;
            Queue.Persistence = value;
        }
    }
}
