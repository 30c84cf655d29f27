namespace MailLab.Admin;

/// <summary>The text every admin command prints, the same in process (scenarios) and from the CLI.</summary>
public static class AdminOutput
{
    public static string Service(string host, string state) => $"SMTP service on {host}: {state}";

    public static string VirtualServers(IEnumerable<VirtualServerView> servers) =>
        string.Join("\n", servers.Select(v => $"{v.Name}: {v.State}"));

    public static string VirtualServer(string host, VirtualServerView server) => $"\"{server.Name}\" on {host}: {server.State}";

    public static string Setting(string name, string value) => $"{name} = {value}";

    public static string Created(string host, NewVirtualServer request, VirtualServerView server) =>
        $"Created \"{server.Name}\" on {host} ({request.IpAddress}:{request.Port}, home directory {request.HomeDirectory}, default domain {request.DefaultDomain}): {server.State}";

    public static string Deleted(string host, string name) => $"Deleted \"{name}\" from {host}.";

    public static string Operators(string host, string virtualServer, IEnumerable<string> operators) =>
        $"Operators of \"{virtualServer}\" on {host}: {string.Join(", ", operators)}";

    public static string Queue(string host, IReadOnlyList<QueueEntryView> entries) => entries.Count == 0
        ? $"The queue of {host} is empty."
        : string.Join("\n", entries.Select(e => $"{e.Id} \"{e.Subject}\" for {string.Join(", ", e.Pending)} (attempts: {e.Attempts})"));

    public static string Domains(IEnumerable<DomainView> domains) => string.Join("\n", domains.Select(Domain));

    /// <summary>One domain as the Domains node lists it: name, type, and a remote domain's options.</summary>
    public static string Domain(DomainView d)
    {
        var parts = new List<string>
        {
            d.Type switch
            {
                "Local" => "Local (Default)",
                "Alias" => "Local (Alias)",
                _ => d.Type,
            },
        };
        if (d.AllowRelay)
        {
            parts.Add("relay allowed");
        }

        if (d.SmartHost is not null)
        {
            parts.Add($"smart host {d.SmartHost}{(d.OutboundPort is { } port ? $" port {port}" : "")}");
        }

        if (d.RequireTls)
        {
            parts.Add("TLS required");
        }

        return $"{d.Name}: {string.Join(", ", parts)}";
    }

    public static string DomainAdded(string host, string virtualServer, DomainView domain) => $"Added {Domain(domain)} to \"{virtualServer}\" on {host}";

    public static string DomainRemoved(string host, string virtualServer, string domain) => $"Removed {domain} from \"{virtualServer}\" on {host}";
}
