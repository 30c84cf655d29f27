using System.Net;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;

namespace MailLab.Admin;

/// <summary>The admin commands run in process on a world (scenarios), as the built-in Administrator.</summary>
public sealed partial class WorldAdminBackend(MailWorld world) : IAdminBackend, IDirectoryAdminBackend, IExchangeAdminBackend
{
    public MailWorld World { get; } = world;

    public Task<IReadOnlyList<HostView>> HostsAsync() =>
        Task.FromResult<IReadOnlyList<HostView>>(World.Hosts.Select(h => new HostView(
            h.Name,
            StateName(h.Smtp.State),
            h.Smtp.VirtualServers.Select(View).ToArray())).ToArray());

    public Task<string> ServiceAsync(string host, string action)
    {
        var smtp = Host(host).Smtp;
        Apply(action, smtp.Start, smtp.Pause, smtp.Stop);
        return Task.FromResult(StateName(smtp.State));
    }

    public Task<string> VirtualServerAsync(string host, string virtualServer, string action)
    {
        var server = Server(host, virtualServer);
        Apply(action, server.Start, server.Pause, server.Stop);
        return Task.FromResult(StateName(server.State));
    }

    public Task<string> GetSettingAsync(string host, string virtualServer, VirtualServerSetting setting) =>
        Task.FromResult(setting.Get(Server(host, virtualServer)));

    public Task<string> SetSettingAsync(string host, string virtualServer, VirtualServerSetting setting, string value)
    {
        var server = Server(host, virtualServer);
        Try(() => VirtualServerSettings.Apply(server, setting.Name, value));
        return Task.FromResult(setting.Get(server));
    }

    public Task<VirtualServerView> CreateAsync(string host, NewVirtualServer request)
    {
        var smtp = Host(host).Smtp;
        var server = Try(() => smtp.AddVirtualServer(request.Name, IPAddress.Parse(request.IpAddress), request.Port, request.HomeDirectory, request.DefaultDomain));
        return Task.FromResult(View(server));
    }

    public Task DeleteAsync(string host, string virtualServer)
    {
        var server = Server(host, virtualServer);
        server.Service.RemoveVirtualServer(server);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DomainView>> DomainsAsync(string host, string virtualServer) =>
        Task.FromResult<IReadOnlyList<DomainView>>(Server(host, virtualServer).Domains.All.Select(View).ToArray());

    public Task<DomainView> AddDomainAsync(string host, string virtualServer, DomainView domain)
    {
        var server = Server(host, virtualServer);
        var type = SmtpDomainTypeNames.Parse(domain.Type)!.Value;
        var options = new RemoteDomainOptions(domain.AllowRelay, domain.SmartHost, domain.RequireTls, domain.OutboundPort);
        return Task.FromResult(View(Try(() => server.Domains.Add(domain.Name, type, options))));
    }

    public Task RemoveDomainAsync(string host, string virtualServer, string domain)
    {
        var server = Server(host, virtualServer);
        Try(() => server.Domains.Remove(domain));
        return Task.CompletedTask;
    }

    private static void Apply(string action, Action start, Action pause, Action stop) =>
        (action switch
        {
            "start" => start,
            "pause" => pause,
            "stop" => stop,
            _ => throw new AdminCommandException($"Unknown action \"{action}\": use status, start, pause or stop."),
        })();

    public Task<IReadOnlyList<string>> OperatorsAsync(string host, string virtualServer) =>
        Task.FromResult(Server(host, virtualServer).Operators.Names);

    public Task<IReadOnlyList<string>> SetOperatorsAsync(string host, string virtualServer, IReadOnlyList<string> operators)
    {
        var server = Server(host, virtualServer);
        Try(() => server.Operators.Replace(operators));
        return Task.FromResult(server.Operators.Names);
    }

    public Task<IReadOnlyList<QueueEntryView>> QueueAsync(string host) =>
        Task.FromResult<IReadOnlyList<QueueEntryView>>(Host(host).Smtp.VirtualServers.SelectMany(v => v.Queue.Entries)
            .Select(e => (e.Message, State: e.Snapshot()))
            .Select(e => new QueueEntryView(e.Message.Id, e.Message.Subject, e.State.Pending, e.State.Attempts)).ToArray());

    public static string StateName(VirtualServerState state) => state.ToString().ToLowerInvariant();

    private static VirtualServerView View(SmtpVirtualServer v) => new(v.Name, StateName(v.State));

    private static DomainView View(SmtpDomain d) =>
        new(d.Name, SmtpDomainTypeNames.Name(d.Type), d.AllowRelay, d.SmartHost, d.RequireTls, d.OutboundPort);

    private MailHost Host(string name) =>
        World.FindHost(name) ?? throw new AdminCommandException($"There is no host \"{name}\"; hosts: {string.Join(", ", World.Hosts.Select(h => h.Name))}.");

    private SmtpVirtualServer Server(string host, string name) =>
        Host(host).Smtp.Find(name) ?? throw new AdminCommandException($"{host} has no SMTP virtual server \"{name}\".");

    /// <summary>The model's refusals (bad value, name taken, default domain) as command errors.</summary>
    private static T Try<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or InvalidSettingException or Mail.Recipients.RecipientAdminException)
        {
            throw new AdminCommandException(e.Message);
        }
    }

    private static void Try(Action change) => Try(() =>
    {
        change();
        return true;
    });
}
