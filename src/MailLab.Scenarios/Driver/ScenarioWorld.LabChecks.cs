using MailLab.Mail.Settings;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// State checks, the Thens a lab's tasks are graded with: virtual server and service states,
/// settings, domains, the home directory, operators, mailboxes and quotas, DNS and the network.
/// They read the world only (no settling of queues, no POP3 or IMAP session, no message marked
/// seen), so the same step can grade a student's running instance. A failure says what was
/// expected and what is there.
/// </summary>
public sealed partial class ScenarioWorld
{
    public async Task CheckVirtualServerStateAsync(string name, string host, string state)
    {
        var server = await VirtualServerAsync(host, name).ConfigureAwait(false);
        var expected = ParseState(state);
        if (server.State != expected)
        {
            var split = server.State != server.OwnState;
            var why = split ? $" (its own state is {Word(server.OwnState)}, the SMTP service is {Word(server.Service.State)})" : string.Empty;
            var whyRu = split ? $" (его собственное состояние — {RussianWord(server.OwnState)}, служба SMTP {RussianWord(server.Service.State, feminine: true)})" : string.Empty;
            throw Check($"The virtual server \"{server.Name}\" on {server.Host.Name} is {Word(server.State)}{why}.", Word(expected), Word(server.State) + why,
                new($"Виртуальный сервер \"{server.Name}\" на {server.Host.Name} {RussianWord(server.State)}{whyRu}.", RussianWord(expected), RussianWord(server.State) + whyRu));
        }
    }

    public async Task CheckServiceStateAsync(string host, string state)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var expected = ParseState(state);
        if (found.Smtp.State != expected)
        {
            throw Check($"The SMTP service on {found.Name} is {Word(found.Smtp.State)}.", Word(expected), Word(found.Smtp.State),
                new($"Служба SMTP на {found.Name} {RussianWord(found.Smtp.State, feminine: true)}.", RussianWord(expected, feminine: true), RussianWord(found.Smtp.State, feminine: true)));
        }
    }

    /// <summary>
    /// A setting has the value: both sides go through the setting's own type (so "2048" and
    /// "2048.0", "yes" and "true", "15,30" and "15, 30" are the same), names and lists compared
    /// without regard to case.
    /// </summary>
    public async Task CheckSettingAsync(string host, string virtualServer, string setting, string value)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        VirtualServerSetting found;
        string expected;
        try
        {
            found = VirtualServerSettings.Find(setting);
            expected = found.Type.Format(found.Type.Parse(found.Name, value));
        }
        catch (InvalidSettingException e)
        {
            throw new ScenarioSetupException(e.Message);
        }

        var actual = found.Get(server);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"On {server.Host.Name} the virtual server \"{server.Name}\" has {found.Name} = {actual}.", $"{found.Name} = {expected}", $"{found.Name} = {actual}",
                new($"На {server.Host.Name} у виртуального сервера \"{server.Name}\" {found.Name} = {actual}."));
        }
    }

    /// <summary>The virtual server has the domain with this type (local: Local (Default) or Local (Alias); alias: Local (Alias)).</summary>
    public async Task CheckDomainAsync(string host, string virtualServer, string type, string domain, bool allowsRelay = false)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        var expected = ParseDomainType(type);
        var found = server.Domains.Find(domain.Trim());
        var wanted = (expected == SmtpDomainType.LocalDefault ? "Local" : Display(expected)) + (allowsRelay ? ", relay allowed" : string.Empty);
        var typeFits = found is not null && (expected == SmtpDomainType.LocalDefault ? found.IsLocal : found.Type == expected);
        if (!typeFits || (allowsRelay && !found!.AllowRelay))
        {
            var (summary, russian) = DomainProblem(server, found, domain);
            throw Check(summary, $"{domain.Trim()}: {wanted}", DomainList(server), new(russian));
        }
    }

    /// <summary>A remote domain whose mail goes through the smart host (its own route, Domains → Properties → Route domain).</summary>
    public async Task CheckDomainSmartHostAsync(string host, string virtualServer, string domain, string smartHost)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        var found = server.Domains.Find(domain.Trim());
        if (found is not { Type: SmtpDomainType.Remote } || !string.Equals(found.SmartHost, smartHost.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            var (summary, russian) = DomainProblem(server, found, domain);
            throw Check(summary, $"{domain.Trim()}: Remote, smart host {smartHost.Trim()}", DomainList(server), new(russian));
        }
    }

    public async Task CheckDefaultDomainAsync(string host, string virtualServer, string domain)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        var actual = server.Domains.Default.Name;
        if (!string.Equals(actual, domain.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"The default domain of \"{server.Name}\" on {server.Host.Name} is {actual}.", domain.Trim(), actual,
                new($"Домен по умолчанию виртуального сервера \"{server.Name}\" на {server.Host.Name} — {actual}."));
        }
    }

    public async Task CheckVirtualServerExistsAsync(string host, string name)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        if (found.Smtp.Find(name.Trim()) is null)
        {
            var names = found.Smtp.VirtualServers.Select(v => $"\"{v.Name}\"").ToArray();
            var list = string.Join(", ", names);
            throw Check($"{found.Name} has no SMTP virtual server \"{name.Trim()}\".", $"a virtual server \"{name.Trim()}\"", names.Length == 0 ? "no virtual server" : list,
                new($"На {found.Name} нет виртуального сервера SMTP \"{name.Trim()}\".", $"виртуальный сервер \"{name.Trim()}\"", names.Length == 0 ? "нет виртуальных серверов" : list));
        }
    }

    /// <summary>The home directory chosen in the creation wizard (Windows paths: case does not matter).</summary>
    public async Task CheckHomeDirectoryAsync(string host, string virtualServer, string path)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        if (!string.Equals(server.HomeDirectory.Path.TrimEnd('\\'), path.Trim().TrimEnd('\\'), StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"The home directory of \"{server.Name}\" on {server.Host.Name} is {server.HomeDirectory.Path}.", path.Trim(), server.HomeDirectory.Path,
                new($"Домашний каталог виртуального сервера \"{server.Name}\" на {server.Host.Name} — {server.HomeDirectory.Path}."));
        }
    }

    /// <summary>The Security tab's operators include the account or group.</summary>
    public async Task CheckOperatorAsync(string host, string virtualServer, string name)
    {
        var server = await VirtualServerAsync(host, virtualServer).ConfigureAwait(false);
        var operators = server.Operators.Names;
        if (!operators.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var list = string.Join(", ", operators);
            throw Check($"\"{name.Trim()}\" is not an operator of \"{server.Name}\" on {server.Host.Name}.", $"operators including {name.Trim()}", operators.Count == 0 ? "no operators" : list,
                new($"\"{name.Trim()}\" — не оператор виртуального сервера \"{server.Name}\" на {server.Host.Name}.", $"среди операторов {name.Trim()}", operators.Count == 0 ? "операторов нет" : list));
        }
    }

    /// <summary>An account's mailbox exists on some host (a POP3 mailbox, or a mailbox of the store).</summary>
    public async Task CheckMailboxExistsAsync(string address)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        if (!world.Hosts.Any(h => h.Mailboxes.Find(address.Trim()) is not null || h.Pop3.FindMailbox(address.Trim()) is not null))
        {
            throw Check($"There is no mailbox \"{address.Trim()}\".", $"a mailbox {address.Trim()}", "mailboxes: " + AllMailboxes(world, "none"),
                new($"Почтового ящика \"{address.Trim()}\" нет.", $"почтовый ящик {address.Trim()}", "почтовые ящики: " + AllMailboxes(world, "нет")));
        }
    }

    public async Task CheckPop3MailboxExistsAsync(string address)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        _ = Pop3MailboxOrFail(world, address);
    }

    /// <summary>The mailbox has a quota file (winpop createquotafile) whose limit is <paramref name="megabytes"/> MB.</summary>
    public async Task CheckQuotaAsync(string address, int megabytes)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var (host, mailbox) = Pop3MailboxOrFail(world, address);
        var expected = megabytes * 1024L * 1024;
        var quota = host.Pop3.QuotaOf(mailbox);
        if (quota?.LimitBytes != expected)
        {
            var actual = quota is null ? "no quota file" : $"a quota of {Megabytes(quota.LimitBytes)} MB ({quota.LimitBytes} bytes)";
            var actualRu = quota is null ? "нет файла квоты" : $"квота {Megabytes(quota.LimitBytes)} МБ ({quota.LimitBytes} байт)";
            throw Check($"The POP3 mailbox \"{mailbox.Address}\" has {actual}.", $"a quota of {Megabytes(expected)} MB ({expected} bytes)", actual,
                new($"У почтового ящика POP3 \"{mailbox.Address}\" {actualRu}.", $"квота {Megabytes(expected)} МБ ({expected} байт)", actualRu));
        }
    }

    public async Task CheckPop3LockAsync(string address, bool locked)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var (_, mailbox) = Pop3MailboxOrFail(world, address);
        if (mailbox.IsLocked != locked)
        {
            var actual = mailbox.IsLocked ? (mailbox.IsOwnLocked ? "locked" : $"locked (its domain {mailbox.Domain.Name} is locked)") : "unlocked";
            var actualRu = mailbox.IsLocked ? (mailbox.IsOwnLocked ? "заблокирован" : $"заблокирован (заблокирован его домен {mailbox.Domain.Name})") : "разблокирован";
            throw Check($"The POP3 mailbox \"{mailbox.Address}\" is {actual}.", locked ? "locked" : "unlocked", actual,
                new($"Почтовый ящик POP3 \"{mailbox.Address}\" {actualRu}.", locked ? "заблокирован" : "разблокирован", actualRu));
        }
    }

    public async Task CheckPop3DomainAsync(string host, string domain)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        if (found.Pop3.FindDomain(domain.Trim()) is null)
        {
            var domains = found.Pop3.Domains.Select(d => d.Name).ToArray();
            var list = string.Join(", ", domains);
            throw Check($"The POP3 service on {found.Name} has no e-mail domain \"{domain.Trim()}\".", $"the domain {domain.Trim()}", domains.Length == 0 ? "no domains" : list,
                new($"У службы POP3 на {found.Name} нет почтового домена \"{domain.Trim()}\".", $"домен {domain.Trim()}", domains.Length == 0 ? "доменов нет" : list));
        }
    }

    /// <summary>The mailbox's user is an account of the Active Directory its host's POP3 service uses (winpop migrateToAD).</summary>
    public async Task CheckDirectoryAccountAsync(string address, string host)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var directory = found.Pop3.Directory;
        if (directory.Find(address.Trim()) is null)
        {
            var local = found.Accounts.Find(address.Trim()) is not null;
            var where = local ? $"a local account of {found.Name}" : "no account";
            var whereRu = local ? $"локальная учётная запись {found.Name}" : "учётной записи нет";
            var accounts = string.Join(", ", directory.Accounts.Select(a => a.Address));
            throw Check($"\"{address.Trim()}\" is not an account of the directory {directory.Name} ({where}).", $"{address.Trim()} in {directory.Name}",
                $"{where}; the directory has {(accounts.Length == 0 ? "no accounts" : accounts)}",
                new($"\"{address.Trim()}\" — не учётная запись каталога {directory.Name} ({whereRu}).", $"{address.Trim()} в {directory.Name}",
                    $"{whereRu}; в каталоге {(accounts.Length == 0 ? "нет учётных записей" : accounts)}"));
        }
    }

    /// <summary>The domain's preferred MX record (the lowest preference) names the host.</summary>
    public async Task CheckMxAsync(string domain, string host)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var records = world.Dns.LookupMx(domain.Trim());
        if (records.Count == 0 || !string.Equals(records[0].Exchange, host.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"The MX record of {domain.Trim()} does not point at {host.Trim()}.", $"{domain.Trim()} MX → {host.Trim()}", MxList(domain.Trim(), records, "no MX record for"),
                new($"MX-запись домена {domain.Trim()} не указывает на {host.Trim()}.", Actual: MxList(domain.Trim(), records, "нет MX-записи для")));
        }
    }

    /// <summary>
    /// The domain's preferred MX record names the server that takes its mail: the FQDN of the virtual
    /// server whose local domain it is (Delivery → Advanced), the name the server gives in its greeting.
    /// </summary>
    public async Task CheckMxMatchesServerAsync(string domain)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        var name = domain.Trim();
        var server = ServerOf(world, name);
        var records = world.Dns.LookupMx(name);
        if (records.Count == 0 || !string.Equals(records[0].Exchange, server.Fqdn, StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"The MX record of {name} does not match the name of its server (\"{server.Name}\" on {server.Host.Name}, FQDN {server.Fqdn}).",
                $"{name} MX → {server.Fqdn}", MxList(name, records, "no MX record for") + $"; the server's FQDN is {server.Fqdn}",
                new($"MX-запись домена {name} не соответствует имени его сервера (\"{server.Name}\" на {server.Host.Name}, FQDN {server.Fqdn}).",
                    Actual: MxList(name, records, "нет MX-записи для") + $"; FQDN сервера — {server.Fqdn}"));
        }
    }

    /// <summary>Whether <paramref name="from"/> reaches <paramref name="to"/> over the simulated network (neither switched off, the link not cut).</summary>
    public async Task CheckReachAsync(string from, string to, bool reachable)
    {
        var a = await HostAsync(from).ConfigureAwait(false);
        var b = await HostAsync(to).ConfigureAwait(false);
        var links = a.World.Links;
        if (links.IsReachable(a.Name, b.Name) != reachable)
        {
            var (actual, actualRu) = links.IsReachable(a.Name, b.Name) ? ("reachable", "доступен")
                : !links.IsHostReachable(b.Name) ? ($"{b.Name} is unreachable from everywhere", $"{b.Name} недоступен ни с одного хоста")
                : !links.IsHostReachable(a.Name) ? ($"{a.Name} is off the network", $"{a.Name} отключён от сети")
                : ($"the link {a.Name} → {b.Name} is cut", $"связь {a.Name} → {b.Name} разорвана");
            throw Check($"{a.Name} {(reachable ? "cannot" : "can")} reach {b.Name}.", reachable ? "reachable" : "unreachable", actual,
                new($"{a.Name} {(reachable ? "не может" : "может")} связаться с {b.Name}.", reachable ? "доступен" : "недоступен", actualRu));
        }
    }

    /// <summary>The virtual server that takes the domain's mail: the first whose local domain it is; else the check fails.</summary>
    private static SmtpVirtualServer ServerOf(MailWorld world, string domain) =>
        world.Hosts.SelectMany(h => h.Smtp.VirtualServers).FirstOrDefault(v => v.Domains.FindLocal(domain) is not null)
            ?? throw Check($"No virtual server has {domain} as a local domain.", $"a virtual server serving {domain}", "none",
                new($"Ни у одного виртуального сервера нет локального домена {domain}.", $"виртуальный сервер, обслуживающий {domain}", "нет"));

    private static (MailHost Host, Mail.Pop3.Pop3Mailbox Mailbox) Pop3MailboxOrFail(MailWorld world, string address)
    {
        foreach (var host in world.Hosts)
        {
            if (host.Pop3.FindMailbox(address.Trim()) is { } mailbox)
            {
                return (host, mailbox);
            }
        }

        var mailboxes = string.Join(", ", world.Hosts.SelectMany(h => h.Pop3.Domains.SelectMany(d => h.Pop3.MailboxesOf(d))).Select(m => m.Address));
        throw Check($"There is no POP3 mailbox \"{address.Trim()}\".", $"a POP3 mailbox {address.Trim()}", "POP3 mailboxes: " + (mailboxes.Length == 0 ? "none" : mailboxes),
            new($"Почтового ящика POP3 \"{address.Trim()}\" нет.", $"почтовый ящик POP3 {address.Trim()}", "почтовые ящики POP3: " + (mailboxes.Length == 0 ? "нет" : mailboxes)));
    }

    private static SmtpDomainType ParseDomainType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "local" or "локальный домен" or "локальный" => SmtpDomainType.LocalDefault,
        "alias" or "домен-псевдоним" or "псевдоним" => SmtpDomainType.LocalAlias,
        "remote" or "удалённый домен" or "удаленный домен" => SmtpDomainType.Remote,
        _ => throw new ScenarioSetupException($"\"{type}\" is not a domain type: use local, alias or remote."),
    };

    /// <summary>What is wrong with the domain a check looked for: missing, or of another type, in both languages.</summary>
    private static (string English, string Russian) DomainProblem(SmtpVirtualServer server, SmtpDomain? found, string domain) => found is null
        ? ($"On {server.Host.Name} the virtual server \"{server.Name}\" has no domain \"{domain.Trim()}\".", $"На {server.Host.Name} у виртуального сервера \"{server.Name}\" нет домена \"{domain.Trim()}\".")
        : ($"On {server.Host.Name} the domain \"{found.Name}\" of \"{server.Name}\" is {DescribeDomain(found)}.", $"На {server.Host.Name} домен \"{found.Name}\" виртуального сервера \"{server.Name}\" — {DescribeDomain(found)}.");

    private static string DescribeDomain(SmtpDomain domain) =>
        Display(domain.Type)
        + (domain.AllowRelay ? ", relay allowed" : string.Empty)
        + (domain.SmartHost is { } smart ? $", smart host {smart}" : string.Empty);

    /// <summary>The type as IIS Manager's Domains list shows it.</summary>
    private static string Display(SmtpDomainType type) => type switch
    {
        SmtpDomainType.LocalDefault => "Local (Default)",
        SmtpDomainType.LocalAlias => "Local (Alias)",
        _ => "Remote",
    };

    private static string DomainList(SmtpVirtualServer server) =>
        string.Join("\n", server.Domains.All.Select(d => $"{d.Name}: {DescribeDomain(d)}"));

    private static string MxList(string domain, IReadOnlyList<Mail.Dns.MxRecord> records, string noRecordFor) =>
        records.Count == 0 ? $"{noRecordFor} {domain}" : string.Join(", ", records.Select(r => $"{r.Domain} MX {r.Preference} {r.Exchange}"));

    private static string AllMailboxes(MailWorld world, string none)
    {
        var all = world.Hosts.SelectMany(h => h.Mailboxes.All.Select(m => m.Address)).ToArray();
        return all.Length == 0 ? none : string.Join(", ", all);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Word(VirtualServerState state) => state.ToString().ToLowerInvariant();

    /// <summary>The state as a Russian participle agreeing with its noun: a virtual server is «запущен», the SMTP service «запущена».</summary>
    private static string RussianWord(VirtualServerState state, bool feminine = false) => state switch
    {
        VirtualServerState.Running => "запущен",
        VirtualServerState.Paused => "приостановлен",
        _ => "остановлен",
    } + (feminine ? "а" : string.Empty);

    /// <summary>A check's failure, in English and Russian: a state check has no protocol transcript to show.</summary>
    private static ScenarioAssertionException Check(string summary, string expected, string actual, RussianText russian) => new(summary, expected, actual, [], russian);
}
