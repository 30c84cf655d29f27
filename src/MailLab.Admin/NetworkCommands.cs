using System.Globalization;

namespace MailLab.Admin;

/// <summary>
/// <c>maillab network …</c> and <c>maillab dns …</c>: a host's address as Windows' <c>netsh interface ip
/// set address … static|dhcp</c> sets it, and the DNS server's records as <c>dnscmd /recordadd</c> keeps
/// them (in process for the scenarios, over the REST API for the CLI).
/// </summary>
public static class NetworkCommands
{
    public static IReadOnlyList<AdminHelp.Entry> Help { get; } =
    [
        new("network hosts", "maillab network hosts", "Lists the hosts with their addresses: static, or leased by DHCP."),
        new("network address", "maillab network address static|dhcp [ADDRESS] --host HOST", "Gives the host a static address (netsh interface ip set address … static), or leaves its address to DHCP."),
        new("dns list", "maillab dns list", "Lists the DNS records: NAME A ADDRESS, NAME MX PREFERENCE HOST."),
        new("dns set", "maillab dns set NAME A|MX VALUE [--preference N]", "Replaces NAME's A (or MX) records with one (dnscmd /recorddelete, /recordadd): e.g. dns set rosnou.ru A 203.0.113.10."),
    ];

    /// <summary>Runs one <c>network</c> or <c>dns</c> command (its help key and positional words) against the backend.</summary>
    internal static async Task<AdminResult> RunAsync(object backend, string key, string[] rest, AdminOptions options)
    {
        var network = backend as INetworkAdminBackend ?? throw new AdminCommandException("This backend has no network to administer.");
        switch (key)
        {
            case "network hosts":
                return Lines((await network.NetworkHostsAsync()).Select(Line));
            case "network address":
                var host = options.Host ?? throw new AdminCommandException("Say which host with --host HOST, e.g. --host rosnou.ru.");
                return AdminResult.Ok(Line(await network.SetAddressAsync(host, rest[0], rest.Length > 1 ? rest[1] : null)));
            case "dns list":
                return Lines((await network.DnsRecordsAsync()).Select(Line));
            case "dns set":
                int? preference = null;
                if (options.Value("--preference") is { } text)
                {
                    preference = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new AdminCommandException($"--preference \"{text}\" is not a number (0 to 65535).");
                }

                return Lines((await network.SetDnsRecordAsync(rest[0], rest[1], rest[2], preference)).Select(Line));
            default:
                throw new AdminCommandException($"Unknown command \"{key}\".");
        }
    }

    private static AdminResult Lines(IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        return AdminResult.Ok(text.Length == 0 ? "(none)" : text);
    }

    private static string Line(NetworkHostView h) => $"{h.Name}: {h.Address ?? "no address"} ({h.Addressing})";

    private static string Line(DnsRecordView r) => r.Preference is { } preference ? $"{r.Name} {r.Type} {preference} {r.Value}" : $"{r.Name} {r.Type} {r.Value}";
}
