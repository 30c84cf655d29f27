using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// The server's address, as slide 24's checklist asks: the host that takes a domain's mail has a static
/// address (not a DHCP lease that may change), and the domain's A record points at it.
/// </summary>
public sealed partial class ScenarioWorld
{
    public async Task CheckStaticAddressAsync(string domain)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var host = ServerOf(world, domain.Trim()).Host;
        if (host.Address is null)
        {
            throw Check($"{host.Name}, the server of {domain.Trim()}, has no address in the topology.", "a static address", "no address",
                new($"У {host.Name}, сервера домена {domain.Trim()}, нет адреса в топологии.", "статический адрес", "адреса нет"));
        }

        if (host.Addressing != HostAddressing.Static)
        {
            throw Check($"{host.Name}, the server of {domain.Trim()}, gets its address from DHCP ({host.Address} now, until the lease changes).",
                "a static address", $"{host.Address}, leased by DHCP",
                new($"{host.Name}, сервер домена {domain.Trim()}, получает адрес по DHCP (сейчас {host.Address}, пока не сменится аренда).",
                    "статический адрес", $"{host.Address}, выдан DHCP"));
        }
    }

    public async Task CheckARecordAsync(string domain)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var name = domain.Trim();
        var host = ServerOf(world, name).Host;
        var records = world.Dns.LookupA(name);
        if (host.Address is null || !records.Contains(host.Address))
        {
            var found = records.Count == 0 ? $"no A record for {name}" : string.Join(", ", records.Select(a => $"{name} A {a}"));
            var foundRu = records.Count == 0 ? $"нет A-записи для {name}" : string.Join(", ", records.Select(a => $"{name} A {a}"));
            var address = host.Address?.ToString() ?? "none";
            throw Check($"The A record of {name} does not point at its server's address ({host.Name}: {address}).",
                $"{name} A {address}", $"{found}; {host.Name}'s address is {address}",
                new($"A-запись домена {name} не указывает на адрес его сервера ({host.Name}: {address}).", Actual: $"{foundRu}; адрес {host.Name} — {address}"));
        }
    }
}
