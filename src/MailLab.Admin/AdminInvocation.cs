using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Admin;

/// <summary>One admin command being run: checks its options, finds the host and virtual server, calls the backend, formats the answer.</summary>
internal sealed class Invocation(IAdminBackend backend, AdminOptions options)
{
    public async Task<AdminResult> Service(string action)
    {
        var host = await Host();
        var state = action == "status" ? host.SmtpState : await backend.ServiceAsync(host.Name, action);
        return AdminResult.Ok(AdminOutput.Service(host.Name, state));
    }

    public async Task<AdminResult> List() =>
        AdminResult.Ok(AdminOutput.VirtualServers((await Host()).VirtualServers));

    public async Task<AdminResult> Queue()
    {
        var host = await Host();
        return AdminResult.Ok(AdminOutput.Queue(host.Name, await backend.QueueAsync(host.Name)));
    }

    public async Task<AdminResult> VirtualServer(string? name, string action)
    {
        var (host, server) = await Server(name);
        var state = action == "status" ? server.State : await backend.VirtualServerAsync(host, server.Name, action);
        return AdminResult.Ok(AdminOutput.VirtualServer(host, server with { State = state }));
    }

    public async Task<AdminResult> Get(string? name, string setting)
    {
        var (host, server) = await Server(name);
        var found = VirtualServerSettings.Find(setting);
        return AdminResult.Ok(AdminOutput.Setting(found.Name, await backend.GetSettingAsync(host, server.Name, found)));
    }

    public async Task<AdminResult> Set(string? name, string setting, string value)
    {
        var (host, server) = await Server(name);
        var found = VirtualServerSettings.Find(setting);
        return AdminResult.Ok(AdminOutput.Setting(found.Name, await backend.SetSettingAsync(host, server.Name, found, value)));
    }

    public async Task<AdminResult> Create(string name)
    {
        var host = await Host();
        var port = options.Port("--port", 0) ?? throw new AdminCommandException("--port is required: the TCP port to listen on, e.g. --port 2527 (0: any free port).");
        var ip = options.Value("--ip") ?? "127.0.0.1";
        if (!System.Net.IPAddress.TryParse(ip, out _))
        {
            throw new AdminCommandException($"--ip \"{ip}\" is not an IP address such as 127.0.0.1.");
        }

        var request = new NewVirtualServer(name, ip, port, options.Required("--home-directory", @"C:\Inetpub\mailroot2"), options.Required("--default-domain", "second.rosnou.ru"));
        var created = await backend.CreateAsync(host.Name, request);
        return AdminResult.Ok(AdminOutput.Created(host.Name, request, created));
    }

    public async Task<AdminResult> Delete(string name)
    {
        var (host, server) = await Server(name);
        await backend.DeleteAsync(host, server.Name);
        return AdminResult.Ok(AdminOutput.Deleted(host, server.Name));
    }

    public async Task<AdminResult> Security(string? name)
    {
        var (host, server) = await Server(name);
        var operators = options.Value("--operators") is { } list
            ? await backend.SetOperatorsAsync(host, server.Name, list.Split(',', StringSplitOptions.TrimEntries))
            : await backend.OperatorsAsync(host, server.Name);
        return AdminResult.Ok(AdminOutput.Operators(host, server.Name, operators));
    }

    public async Task<AdminResult> Domains(string? name)
    {
        var (host, server) = await Server(name);
        return AdminResult.Ok(AdminOutput.Domains(await backend.DomainsAsync(host, server.Name)));
    }

    public async Task<AdminResult> AddDomain(string? name, string domain, string type)
    {
        var (host, server) = await Server(name);
        var kind = SmtpDomainTypeNames.Parse(type) is { } parsed
            ? SmtpDomainTypeNames.Name(parsed)
            : throw new AdminCommandException($"\"{type}\" is not a domain type: use local, alias or remote.");
        var request = new DomainView(domain, kind, options.Has("--allow-relay"), options.Value("--smart-host"), options.Has("--require-tls"), options.Port("--outbound-port", 1));
        var added = await backend.AddDomainAsync(host, server.Name, request);
        return AdminResult.Ok(AdminOutput.DomainAdded(host, server.Name, added));
    }

    public async Task<AdminResult> RemoveDomain(string? name, string domain)
    {
        var (host, server) = await Server(name);
        await backend.RemoveDomainAsync(host, server.Name, domain);
        return AdminResult.Ok(AdminOutput.DomainRemoved(host, server.Name, domain));
    }

    /// <summary>The host named by --host.</summary>
    public async Task<HostView> Host()
    {
        var hosts = await backend.HostsAsync();
        var names = string.Join(", ", hosts.Select(h => h.Name));
        if (options.Host is not { } name)
        {
            throw new AdminCommandException($"Say which server with --host HOST (hosts: {names}).");
        }

        return hosts.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new AdminCommandException($"There is no host \"{name}\"; hosts: {names}.");
    }

    /// <summary>The virtual server by name, or the host's only one.</summary>
    private async Task<(string Host, VirtualServerView Server)> Server(string? name)
    {
        var host = await Host();
        var all = host.VirtualServers;
        var listed = string.Join(", ", all.Select(v => $"\"{v.Name}\""));
        if (name is null)
        {
            return all.Count == 1
                ? (host.Name, all[0])
                : throw new AdminCommandException($"{host.Name} has {all.Count} virtual servers: name one ({listed}).");
        }

        var found = all.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new AdminCommandException($"{host.Name} has no SMTP virtual server \"{name}\"; it has {listed}.");
        return (host.Name, found);
    }
}
