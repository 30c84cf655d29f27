using System.CommandLine;

namespace MailLab.Admin;

/// <summary><c>network hosts|address …</c> and <c>dns list|set …</c> (<see cref="NetworkCommands"/>).</summary>
public static partial class AdminGrammar
{
    /// <summary>The <c>network</c> command tree; <c>--host</c> names the host whose address changes.</summary>
    public static Command Network()
    {
        var network = new Command("network", "The simulated network: the hosts' addresses, static or leased by DHCP.");
        network.Options.Add(new Option<string>("--host") { Description = "The host, e.g. rosnou.ru.", Recursive = true });
        network.Subcommands.Add(Leaf("hosts", "network hosts"));
        network.Subcommands.Add(Leaf("address", "network address", Words("static|dhcp [ADDRESS]", 1, 2, "static and the address, or dhcp (the current address stays as the lease).")));
        return network;
    }

    /// <summary>The <c>dns</c> command tree: the world's DNS server.</summary>
    public static Command Dns()
    {
        var dns = new Command("dns", "The world's DNS server: its A and MX records.");
        dns.Subcommands.Add(Leaf("list", "dns list"));
        dns.Subcommands.Add(Leaf(
            "set",
            "dns set",
            Words("NAME TYPE VALUE", 3, 3, "The name, A or MX, and the address (A) or the mail server's name (MX)."),
            Value("--preference", "N", "MX: the preference (default 10; lower is tried first).")));
        return dns;
    }
}
