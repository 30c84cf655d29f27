using MailLab.Mail.Exchange;
using MailLab.Mail.Services;

namespace MailLab.Scenarios.Driver;

/// <summary>An Exchange server's services and stores, as an administrator sets them in the Services console and ESM.</summary>
public sealed partial class ScenarioWorld
{
    /// <summary>
    /// Stops or starts a service by its display or short name. Stopping answers the Services console's
    /// "Stop Other Services" question with Yes: dependents stop first (System Attendant takes the
    /// Information Store with it); starting starts what it depends on first.
    /// </summary>
    public async Task SetExchangeServiceAsync(string service, string host, bool running)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindService(exchange, service, host);
        ServiceAction(() =>
        {
            if (running && found.Status != ServiceStatus.Running)
            {
                if (found.Status == ServiceStatus.Paused)
                {
                    exchange.Services.Continue(found.Name);
                }
                else
                {
                    exchange.Services.Start(found.Name);
                }
            }
            else if (!running && found.Status != ServiceStatus.Stopped)
            {
                exchange.Services.Stop(found.Name, stopDependents: true);
            }
        });
    }

    public async Task CheckExchangeServiceAsync(string service, string host, bool running)
    {
        var found = FindService(await ExchangeAsync(host).ConfigureAwait(false), service, host);
        var expected = running ? "running" : "stopped";
        var actual = found.Status.ToString().ToLowerInvariant();
        if (actual != expected)
        {
            throw new ScenarioAssertionException($"The service \"{found.DisplayName}\" on {host} is {actual}", expected, actual, []);
        }
    }

    /// <summary>Mount Store / Dismount Store; Exchange's refusal (the Information Store stopped) stops the scenario.</summary>
    public async Task SetExchangeStoreAsync(string store, string host, bool mounted)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindStore(exchange, store, host);
        if (found.Mounted == mounted)
        {
            return;
        }

        try
        {
            if (mounted)
            {
                exchange.Mount(found);
            }
            else
            {
                exchange.Dismount(found);
            }
        }
        catch (ExchangeAdminException e)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }

    public async Task CheckExchangeStoreAsync(string store, string host, bool mounted)
    {
        var found = FindStore(await ExchangeAsync(host).ConfigureAwait(false), store, host);
        if (found.Mounted != mounted)
        {
            var (expected, actual) = mounted ? ("mounted", "dismounted") : ("dismounted", "mounted");
            throw new ScenarioAssertionException($"The store \"{found.Name}\" on {host} is {actual}", expected, actual, []);
        }
    }

    private async Task<ExchangeServer> ExchangeAsync(string host) =>
        (await HostAsync(host).ConfigureAwait(false)).Exchange
        ?? throw new ScenarioSetupException($"{host} is not an Exchange server: its topology has no exchange block (scenarios/topologies/exchange-rosnou.yaml has one).");

    private static ServiceView FindService(ExchangeServer exchange, string service, string host) =>
        exchange.Services.Find(service)
        ?? throw new ScenarioSetupException($"{host} has no service \"{service}\"; its services: {string.Join(", ", exchange.Services.Services.Select(s => s.DisplayName))}.");

    private static ExchangeStore FindStore(ExchangeServer exchange, string store, string host) =>
        exchange.FindStore(store)
        ?? throw new ScenarioSetupException($"{host} has no store \"{store}\"; its stores: {string.Join(", ", exchange.StorageGroups.SelectMany(g => g.Stores).Select(s => s.Name))}.");

    private static void ServiceAction(Action action)
    {
        try
        {
            action();
        }
        catch (ServiceControlException e)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }
}
