using System.Collections.Concurrent;
using MailLab.Mail.Dns;
using MailLab.Mail.Stores;

namespace MailLab.Mail.World;

/// <summary>
/// Everything MailLab simulates: hosts, DNS and the clock they share. Live mode uses the system
/// clock; simulations and tests pass a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class MailWorld
{
    private readonly ConcurrentDictionary<string, MailHost> _hosts = new(StringComparer.OrdinalIgnoreCase);
    // Hosts in the order they were added, replaced as a whole when one is added: read on every
    // relay (finding a host by address), so reading takes no lock and makes no copy.
    private MailHost[] _order = [];
    private long _messageSequence;

    public MailWorld(TimeProvider clock)
    {
        Clock = clock;
        Trace = new Tracing.TraceLog(clock);
    }

    /// <summary>The one ordered log of everything that happens.</summary>
    public Tracing.TraceLog Trace { get; }

    /// <summary>Deliveries and retries in flight; <see cref="WorkTracker.WhenIdleAsync"/> waits for them.</summary>
    public WorkTracker Work { get; } = new();

    /// <summary>How queue managers reach other servers (set by the hosting layer); null delivers nothing remote.</summary>
    public Delivery.IOutboundSmtp? Outbound { get; set; }

    public TimeProvider Clock { get; }

    public DnsDirectory Dns { get; } = new();

    /// <summary>Which hosts can reach which, and how slowly (fault injection for lessons and CI).</summary>
    public NetworkLinks Links { get; } = new();

    /// <summary>The open outbound SMTP connections of this world's hosts, by the endpoint each left from.</summary>
    public Delivery.OutboundEndpoints OutboundEndpoints { get; } = new();

    /// <summary>Injected replies and dropped connections (fault injection).</summary>
    public Faults.FaultInjector Faults { get; } = new();

    /// <summary>The Active Directory domains that hosts of one organisation share (POP3's AD integrated method).</summary>
    public Pop3.ActiveDirectories Directories { get; } = new();

    /// <summary>The STARTTLS certificate named by the topology; null: MailLab makes one (kept in the data directory, if any).</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Hosts in the order they were added.</summary>
    public IReadOnlyList<MailHost> Hosts => Volatile.Read(ref _order);

    public MailHost AddHost(string name)
    {
        var host = new MailHost(this, name.ToLowerInvariant());
        if (!_hosts.TryAdd(host.Name, host))
        {
            throw new InvalidOperationException($"A host named \"{name}\" already exists.");
        }

        lock (_hosts)
        {
            Volatile.Write(ref _order, [.. _order, host]);
        }

        return host;
    }

    public MailHost? FindHost(string name) => _hosts.GetValueOrDefault(name);

    /// <summary>The host that has this (simulated) address, or null.</summary>
    public MailHost? FindHostByAddress(System.Net.IPAddress address)
    {
        foreach (var host in Volatile.Read(ref _order))
        {
            if (host.Address is not null && host.Address.Equals(address))
            {
                return host;
            }
        }

        return null;
    }

    public long NextMessageSequence() => Interlocked.Increment(ref _messageSequence);

    /// <summary>
    /// Makes the next id follow <paramref name="highest"/> (ids read back from a data directory), so
    /// new messages never reuse the name of a file on disk.
    /// </summary>
    public void ContinueSequenceAfter(long highest)
    {
        var current = Interlocked.Read(ref _messageSequence);
        while (current < highest)
        {
            var seen = Interlocked.CompareExchange(ref _messageSequence, highest, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Finds a stored message by id in any mailbox or home-directory folder.</summary>
    public StoredMessage? FindMessage(string id)
    {
        if (!StoredMessage.TryParseId(id, out var sequence))
        {
            return null;
        }

        foreach (var host in Hosts)
        {
            foreach (var mailbox in host.Mailboxes.All)
            {
                if (mailbox.Messages.FirstOrDefault(m => m.Sequence == sequence) is { } found)
                {
                    return found;
                }
            }

            foreach (var server in host.Smtp.VirtualServers)
            {
                foreach (var folder in server.HomeDirectory.Folders)
                {
                    if (folder.Files.FirstOrDefault(f => f.Message.Sequence == sequence) is { } file)
                    {
                        return file.Message;
                    }
                }
            }
        }

        return null;
    }
}
