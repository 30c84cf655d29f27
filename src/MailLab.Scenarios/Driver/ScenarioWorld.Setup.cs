using MailLab.Mail.Settings;
using MailLab.Mail.Simulation;
using MailLab.Mail.Smtp;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Scenarios.Driver;

/// <summary>Givens: the topology, virtual server and service states, settings, mailboxes, domains and the network.</summary>
public sealed partial class ScenarioWorld
{
    public async Task UseDefaultTopologyAsync()
    {
        EnsureNotStarted("the default topology");
        await StartAsync(DefaultTopology.Create(new SimulationClock(Epoch), portOffsetToZero: true)).ConfigureAwait(false);
    }

    public async Task UseTopologyAsync(string path)
    {
        EnsureNotStarted($"the topology \"{path}\"");
        var file = TopologyFiles.Resolve(path, FeatureDirectory, TopologyFolders);
        MailWorld world;
        try
        {
            world = TopologyLoader.LoadFile(file, new SimulationClock(Epoch), portsToZero: true);
        }
        catch (TopologyException e)
        {
            throw new ScenarioSetupException($"The topology \"{path}\" has errors:{Environment.NewLine}{e.Message}");
        }

        await StartAsync(world).ConfigureAwait(false);
    }

    /// <summary>Sets one virtual server's state: "running", "paused" or "stopped".</summary>
    public async Task SetVirtualServerStateAsync(string name, string host, string state)
    {
        var server = await VirtualServerAsync(host, name).ConfigureAwait(false);
        switch (ParseState(state))
        {
            case VirtualServerState.Running:
                server.Start();
                break;
            case VirtualServerState.Paused:
                server.Pause();
                break;
            default:
                server.Stop();
                break;
        }

        await SettleAsync().ConfigureAwait(false);
    }

    /// <summary>Sets a host's SMTP service state, which applies to every virtual server on it.</summary>
    public async Task SetServiceStateAsync(string host, string state)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        switch (ParseState(state))
        {
            case VirtualServerState.Running:
                found.Smtp.Start();
                break;
            case VirtualServerState.Paused:
                found.Smtp.Pause();
                break;
            default:
                found.Smtp.Stop();
                break;
        }

        await SettleAsync().ConfigureAwait(false);
    }

    /// <summary>Sets a limit, access or delivery setting by its API name.</summary>
    public async Task SetSettingAsync(string host, string virtualServer, string setting, string value)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        try
        {
            VirtualServerSettings.Apply(server, setting, value);
        }
        catch (InvalidSettingException e)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }

    /// <summary>
    /// Creates the account (with a mailbox) on the host that serves its domain, or changes its password.
    /// In a POP3 domain (rosnou.ru and mail.ru in the default topology) the mailbox is a POP3 mailbox,
    /// as winpop makes it, so that mail reaches it and its user logs on.
    /// </summary>
    public async Task CreateMailboxAsync(string address, string password)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        if (world.Hosts.Any(h => h.Pop3.FindDomain(DomainOf(address)) is not null))
        {
            await CreatePop3MailboxAsync(address, password).ConfigureAwait(false);
            return;
        }

        var host = ServingHost(world, DomainOf(address));
        if (host.Accounts.Find(address) is { } existing)
        {
            existing.Password = password;
            host.Mailboxes.Create(existing.Address);
        }
        else
        {
            host.AddAccount(address, password);
        }
    }

    /// <summary>Adds an alias or remote domain to a virtual server (IIS: Domains → New → Domain).</summary>
    public async Task AddDomainAsync(string host, string virtualServer, string type, string domain, bool allowRelay)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        var kind = type.Trim().ToLowerInvariant() switch
        {
            "alias" or "домен-псевдоним" or "псевдоним" => SmtpDomainType.LocalAlias,
            "remote" or "удалённый домен" or "удаленный домен" => SmtpDomainType.Remote,
            _ => throw new ScenarioSetupException($"\"{type}\" is not a domain type: use alias or remote."),
        };
        try
        {
            server.Domains.Add(domain.Trim(), kind).AllowRelay = allowRelay;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }

    /// <summary>Switches a host off the network (or back on).</summary>
    public async Task SetReachableAsync(string host, bool reachable)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        found.World.Links.SetHostReachable(found.Name, reachable);
    }

    private static VirtualServerState ParseState(string state) => state.Trim().ToLowerInvariant() switch
    {
        "running" or "started" or "запущен" or "запущена" or "работает" => VirtualServerState.Running,
        "paused" or "приостановлен" or "приостановлена" => VirtualServerState.Paused,
        "stopped" or "остановлен" or "остановлена" => VirtualServerState.Stopped,
        _ => throw new ScenarioSetupException($"\"{state}\" is not a state: use running, paused or stopped."),
    };

    private void EnsureNotStarted(string what)
    {
        if (!_owned)
        {
            throw new ScenarioSetupException(
                $"Cannot switch to {what}: these steps play on a running MailLab, which keeps its world (starting a lab, POST /api/labs/ID/start, or resetting it chooses the topology).");
        }

        if (_runtime is not null)
        {
            throw new ScenarioSetupException(
                $"Cannot switch to {what}: the world of this scenario has already started (a topology step must come before every other step, e.g. first in the Background).");
        }
    }
}
