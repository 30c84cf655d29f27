using MailLab.Mail.Exchange;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Services;

namespace MailLab.Scenarios.Driver;

/// <summary>An Exchange server's services, stores and mailboxes, as an administrator sets them in the Services console, ESM and ADUC.</summary>
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
            static string Russian(string state) => state == "running" ? "запущена" : state == "stopped" ? "остановлена" : "приостановлена";
            throw new ScenarioAssertionException($"The service \"{found.DisplayName}\" on {host} is {actual}", expected, actual, [],
                new($"Служба \"{found.DisplayName}\" на {host} {Russian(actual)}.", Russian(expected), Russian(actual)));
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

        ExchangeAction(() =>
        {
            if (mounted)
            {
                exchange.Mount(found);
            }
            else
            {
                exchange.Dismount(found);
            }
        });
    }

    public async Task CheckExchangeStoreAsync(string store, string host, bool mounted)
    {
        var found = FindStore(await ExchangeAsync(host).ConfigureAwait(false), store, host);
        if (found.Mounted != mounted)
        {
            var (expected, actual) = mounted ? ("mounted", "dismounted") : ("dismounted", "mounted");
            var (expectedRu, actualRu) = mounted ? ("подключено", "отключено") : ("отключено", "подключено");
            throw new ScenarioAssertionException($"The store \"{found.Name}\" on {host} is {actual}", expected, actual, [],
                new($"Хранилище \"{found.Name}\" на {host} {actualRu}.", expectedRu, actualRu));
        }
    }

    /// <summary>
    /// ADUC's new user with Exchange Tasks, Create Mailbox: the host's account for
    /// <paramref name="address"/> is made when missing, with the password NAME + "123" (student:
    /// student123, as the shipped topologies spell their users' passwords), and its mailbox goes on
    /// the store; a mailbox on another store of the server is moved there.
    /// </summary>
    public async Task CreateExchangeMailboxAsync(string name, string address, string store, string host)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var target = FindStore(exchange, store, host);
        if (found.Accounts.Find(address) is null)
        {
            found.AddAccount(address, name + "123");
        }

        ExchangeAction(() =>
        {
            if (exchange.StoreOf(address) is not { } current)
            {
                exchange.CreateMailbox(address, target);
            }
            else if (current != target)
            {
                exchange.MoveMailbox(address, target);
            }
        });
    }

    /// <summary>ESM's Reconnect: the host's account <paramref name="user"/>, without a mailbox, gets the disconnected mailbox <paramref name="address"/> of the store.</summary>
    public async Task ReconnectExchangeMailboxAsync(string address, string store, string host, string user)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindStore(exchange, store, host);
        ExchangeAction(() => exchange.ReconnectMailbox(found, address.Trim(), user.Trim()));
    }

    /// <summary>A field of the store's Limits tab by its API name (<see cref="StoreLimitSettings"/>).</summary>
    public async Task SetExchangeStoreSettingAsync(string host, string store, string setting, string value)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindStore(exchange, store, host);
        ExchangeAction(() => exchange.ConfigureLimits(found, l => StoreLimitSettings.Apply(l, [new(setting, value)])));
    }

    /// <summary>The server's property sheet (General, Locales, Diagnostics Logging) by the API's names (<see cref="ServerPropertySettings"/>).</summary>
    public async Task SetExchangeServerPropertyAsync(string host, string setting, string value)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        ExchangeAction(() => exchange.ConfigureProperties(p => ServerPropertySettings.Apply(p, [new(setting, value)])));
    }

    /// <summary>
    /// A field of the user's Storage Limits dialog by its API name (<see cref="MailboxLimitSettings"/>).
    /// One of the three limits also clears "Use mailbox store defaults", as the dialog needs before
    /// its boxes can be typed in. Any other name fails with the list of storage-limit settings.
    /// </summary>
    public async Task SetMailboxStoreSetting(string host, string address, string setting, string value)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        if (exchange.FindMailbox(address) is null)
        {
            throw new ScenarioSetupException($"{address} has no mailbox on {host}; its mailboxes: {string.Join(", ", exchange.Mailboxes.Select(m => m.Address))}.");
        }

        ExchangeAction(() =>
        {
            var row = MailboxLimitSettings.Find(setting);
            List<KeyValuePair<string, string>> changes = [new(row.Name, value)];
            if (row.Name != "useStoreDefaults")
            {
                changes.Insert(0, new("useStoreDefaults", "false"));
            }

            exchange.ConfigureMailboxLimits(address, l => MailboxLimitSettings.Apply(l, changes));
        });
    }

    private static void ExchangeAction(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is ExchangeAdminException or InvalidSettingException)
        {
            throw new ScenarioSetupException(e.Message);
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
