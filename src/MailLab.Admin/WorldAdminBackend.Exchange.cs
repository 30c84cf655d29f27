using MailLab.Mail.Exchange;
using MailLab.Mail.Services;

namespace MailLab.Admin;

/// <summary><c>maillab exchange</c> in process: the host's <see cref="ExchangeServer"/>.</summary>
public sealed partial class WorldAdminBackend
{
    public Task<IReadOnlyList<ExchangeServiceView>> ExchangeServicesAsync(string host) =>
        Task.FromResult<IReadOnlyList<ExchangeServiceView>>(Exchange(host).Services.Services.Select(View).ToArray());

    public Task<ExchangeServiceView> SetStartupTypeAsync(string host, string service, string startupType)
    {
        var services = Service(host, service);
        services.SetStartupType(service, Enum.Parse<ServiceStartupType>(startupType));
        return Task.FromResult(View(services.Find(service)!));
    }

    public Task<IReadOnlyList<ServiceChangeView>> StartServiceAsync(string host, string service)
    {
        var services = Service(host, service);
        return Task.FromResult(Try(() => Changes(services.Start(service))));
    }

    public Task<ServiceStopView> StopServiceAsync(string host, string service, bool stopDependents)
    {
        var services = Service(host, service);
        var dependents = services.DependentsThatWouldStop(service);
        return Task.FromResult(dependents.Count > 0 && !stopDependents
            ? new ServiceStopView([], dependents.Select(d => d.DisplayName).ToArray())
            : new ServiceStopView(Try(() => Changes(services.Stop(service, stopDependents: true))), []));
    }

    public Task<IReadOnlyList<ExchangeStoreView>> StoresAsync(string host)
    {
        var exchange = Exchange(host);
        return Task.FromResult<IReadOnlyList<ExchangeStoreView>>(exchange.StorageGroups.SelectMany(g => g.Stores).Select(s => View(exchange, s)).ToArray());
    }

    public Task<ExchangeStoreView> MountStoreAsync(string host, string store, bool mount)
    {
        var exchange = Exchange(host);
        var found = Store(exchange, store);
        Try(() => (mount ? (Action<ExchangeStore>)exchange.Mount : exchange.Dismount)(found));
        return Task.FromResult(View(exchange, found));
    }

    public Task<IReadOnlyList<ExchangeMailboxView>> MailboxesAsync(string host, string store)
    {
        var exchange = Exchange(host);
        return Task.FromResult<IReadOnlyList<ExchangeMailboxView>>(exchange.MailboxesOn(Store(exchange, store)).Select(m => View(host, m)).ToArray());
    }

    public Task<IReadOnlyList<ExchangeLogonView>> LogonsAsync(string host) =>
        Task.FromResult<IReadOnlyList<ExchangeLogonView>>(Exchange(host).Logons.Select(l => new ExchangeLogonView(l.Address, l.Protocol, l.ClientAddress, l.Since)).ToArray());

    public Task<ExchangeMailboxView> MoveMailboxAsync(string host, string address, string store)
    {
        var exchange = Exchange(host);
        var target = Store(exchange, store);
        Try(() => exchange.MoveMailbox(address, target));
        return Task.FromResult(View(host, exchange.FindMailbox(address)!));
    }

    public Task<ExchangeMailboxView> CreateMailboxAsync(string host, string address, string store, string? alias)
    {
        var exchange = Exchange(host);
        var target = Store(exchange, store);
        var account = Host(host).Accounts.Find(address) ?? throw new AdminCommandException($"There is no user {address} in the directory of {host}: create the account first.");
        var mailbox = Try(() => exchange.CreateMailbox(account.Address, target, alias));
        return Task.FromResult(View(host, mailbox));
    }

    public Task<DeletedMailboxView> DeleteMailboxAsync(string host, string address)
    {
        var deleted = Try(() => Exchange(host).DeleteMailbox(address));
        return Task.FromResult(new DeletedMailboxView(deleted.Address, deleted.Store.Name, deleted.PurgeAfter));
    }

    public Task<ExchangeMailboxView> ReconnectMailboxAsync(string host, string address, string store, string? user)
    {
        var exchange = Exchange(host);
        var target = Store(exchange, store);
        return Task.FromResult(View(host, Try(() => exchange.ReconnectMailbox(target, address, user ?? address))));
    }

    private ExchangeServer Exchange(string host) =>
        Host(host).Exchange ?? throw new AdminCommandException($"\"{host}\" is not an Exchange server (its topology has no exchange block).");

    private ServiceControlManager Service(string host, string service)
    {
        var services = Exchange(host).Services;
        return services.Find(service) is null ? throw new AdminCommandException($"No service \"{service}\" on {host}.") : services;
    }

    private static ExchangeStore Store(ExchangeServer exchange, string store) =>
        exchange.FindStore(store) ?? throw new AdminCommandException($"No store \"{store}\" on {exchange.Name}.");

    private static IReadOnlyList<ServiceChangeView> Changes(IReadOnlyList<ServiceChange> changes) =>
        changes.Select(c => new ServiceChangeView(c.DisplayName, c.From.ToString(), c.To.ToString())).ToArray();

    private static ExchangeServiceView View(ServiceView s) => new(s.Name, s.DisplayName, s.Status.ToString(), s.StartupType.ToString());

    private static ExchangeStoreView View(ExchangeServer exchange, ExchangeStore s)
    {
        var totals = exchange.Totals(s);
        return new(s.Name, s.Kind.ToString(), s.Group.Name, s.Mounted, totals.Mailboxes, totals.Items, s.SizeBytes);
    }

    private ExchangeMailboxView View(string host, ExchangeMailbox mailbox)
    {
        // The Mailboxes node's size and item count are those of the messages the host holds for the address.
        var held = Host(host).Mailboxes.Find(mailbox.Address);
        return new(
            mailbox.Address[..mailbox.Address.IndexOf('@')],
            mailbox.Address,
            ((held?.TotalSize ?? 0) + 1023) / 1024,
            held?.Folders.Sum(f => f.Count) ?? 0,
            mailbox.LastLogonTime,
            mailbox.LastLogoffTime,
            mailbox.Store.Name);
    }
}
