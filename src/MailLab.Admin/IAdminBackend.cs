using MailLab.Mail.Smtp.Settings;

namespace MailLab.Admin;

/// <summary>
/// What the admin commands act on: the scenario's world in process (<see cref="WorldAdminBackend"/>),
/// or a running <c>maillab up</c> over its REST API (the CLI). Failures throw
/// <see cref="AdminCommandException"/> with a sentence naming what is wrong.
/// </summary>
public interface IAdminBackend
{
    Task<IReadOnlyList<HostView>> HostsAsync();

    /// <summary>start, pause or stop the host's SMTP service; the service's state afterwards.</summary>
    Task<string> ServiceAsync(string host, string action);

    /// <summary>start, pause or stop a virtual server; its state afterwards.</summary>
    Task<string> VirtualServerAsync(string host, string virtualServer, string action);

    /// <summary>A setting's value in the settings table's text form.</summary>
    Task<string> GetSettingAsync(string host, string virtualServer, VirtualServerSetting setting);

    /// <summary>Sets a setting from text; its value afterwards.</summary>
    Task<string> SetSettingAsync(string host, string virtualServer, VirtualServerSetting setting, string value);

    Task<VirtualServerView> CreateAsync(string host, NewVirtualServer request);

    Task DeleteAsync(string host, string virtualServer);

    Task<IReadOnlyList<DomainView>> DomainsAsync(string host, string virtualServer);

    Task<DomainView> AddDomainAsync(string host, string virtualServer, DomainView domain);

    Task RemoveDomainAsync(string host, string virtualServer, string domain);

    /// <summary>The Security tab's operators (accounts by address, groups by name).</summary>
    Task<IReadOnlyList<string>> OperatorsAsync(string host, string virtualServer);

    /// <summary>Replaces the operators; the list as stored afterwards.</summary>
    Task<IReadOnlyList<string>> SetOperatorsAsync(string host, string virtualServer, IReadOnlyList<string> operators);

    /// <summary>The messages in the queues of every virtual server of the host, oldest first.</summary>
    Task<IReadOnlyList<QueueEntryView>> QueueAsync(string host);
}
