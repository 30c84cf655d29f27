using System.Text;
using MailLab.Mail.Persistence;
using MailLab.Mail.Simulation;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Tests.Persistence;

/// <summary>A temporary data directory and default worlds opened on it, one per "run" of MailLab.</summary>
public sealed class DataDirectoryFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<DataDirectory> _open = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"maillab-data-{Guid.NewGuid():N}");

    /// <summary>A fresh default world on its own clock, with the data directory read back into it.</summary>
    public (MailWorld World, DataDirectory Data) Open(DateTimeOffset? now = null) => Open(configure: null, now);

    /// <summary>The same, with the topology changed first (a virtual server added, as topology.yaml would have it).</summary>
    public (MailWorld World, DataDirectory Data) Open(Action<MailWorld>? configure, DateTimeOffset? now = null)
    {
        var world = DefaultTopology.Create(new SimulationClock(now ?? Start), portOffsetToZero: true);
        configure?.Invoke(world);
        var data = DataDirectory.Open(world, Root);
        _open.Add(data);
        return (world, data);
    }

    public static SmtpVirtualServer Vs(MailWorld world, string host) => world.FindHost(host)!.Smtp.Find(DefaultTopology.VirtualServerName)!;

    public static StoredMessage Message(MailWorld world, string host, string sender, string[] recipients, string subject) =>
        new(world.NextMessageSequence(), host, sender, recipients, Encoding.ASCII.GetBytes($"Subject: {subject}\r\n\r\nbody of {subject}\r\n"), world.Clock.GetUtcNow());

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        foreach (var data in _open)
        {
            data.Dispose();
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
