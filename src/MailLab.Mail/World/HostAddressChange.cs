using MailLab.Mail.Topology;

namespace MailLab.Mail.World;

/// <summary>
/// Changing a host's address at run time, as <c>netsh interface ip set address … static ADDRESS</c> or
/// <c>… dhcp</c> does on Windows: the one place the API and the admin commands parse and apply it.
/// Bad input throws ArgumentException with a sentence saying what is wrong.
/// </summary>
public static class HostAddressChange
{
    /// <summary>The addressings' names, in the order of <see cref="HostAddressing"/> (the topology's words, the API's and the commands').</summary>
    public static readonly IReadOnlyList<string> Words = ["static", "dhcp"];

    /// <summary>"static" with an address, or "dhcp" (the address, when given, is the lease; else the current one stays as the lease).</summary>
    public static void Apply(MailHost host, string addressing, string? address)
    {
        var index = Words.ToList().FindIndex(w => w.Equals(addressing.Trim(), StringComparison.OrdinalIgnoreCase));
        var mode = index >= 0 ? (HostAddressing)index : throw new ArgumentException($"\"{addressing}\" is not an addressing: use {Text.WordList.Either(Words)}.");
        System.Net.IPAddress parsed;
        if (string.IsNullOrWhiteSpace(address))
        {
            parsed = host.Address ?? throw new ArgumentException($"{host.Name} has no address yet: give one, e.g. {mode.ToString().ToLowerInvariant()} 203.0.113.10.");
        }
        else if (!NameRules.TryParseAddress(address.Trim(), out parsed))
        {
            throw new ArgumentException($"\"{address}\" is not an IP address.");
        }

        host.SetAddress(parsed, mode);
    }

    /// <summary>The addressing as the API, the commands and the topology name it: "static" or "dhcp".</summary>
    public static string Name(HostAddressing addressing) => Words[(int)addressing];
}
