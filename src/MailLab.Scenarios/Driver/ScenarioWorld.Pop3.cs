using System.Net.Sockets;
using MailLab.Mail.Pop3;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// POP3 (Windows Server 2003 POP3 service): a mail client retrieving mail, the checks on what it
/// got, and the service's setup (authentication method, Require SPA, POP3 mailboxes).
/// </summary>
public sealed partial class ScenarioWorld
{
    private readonly List<Pop3Retrieval> _retrievals = [];

    /// <summary>Every POP3 session a step ran, in order.</summary>
    public IReadOnlyList<Pop3Retrieval> Retrievals => _retrievals;

    /// <summary>
    /// <paramref name="address"/>'s mail client logs on to HOST's POP3 service with
    /// <paramref name="method"/>, retrieves every message and, when asked, deletes them. A refused
    /// logon does not fail the step: it is shown under it and checked by the Thens.
    /// </summary>
    public async Task<Pop3Retrieval> RetrieveAsync(string address, string password, string host, string method = "USER", bool delete = false)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        var normalized = Pop3MailClient.NormalizeMethod(method);
        Pop3Retrieval retrieval;
        try
        {
            var stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.ConnectPop3(found.Pop3, ClientAddress);
            retrieval = await Pop3MailClient.RetrieveAsync(stream, found.Name, address.Trim(), password, normalized, delete).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            retrieval = new Pop3Retrieval(address.Trim(), found.Name, normalized, ServerReply.Pop3(["-ERR (connection refused)"]), [], false,
                $"{found.Name} refused the POP3 connection: its POP3 service is not enabled.");
        }

        _retrievals.Add(retrieval);
        _notes.Add(retrieval.Outcome);
        await WaitForPop3SessionsToEndAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        return retrieval;
    }

    /// <summary>
    /// The last POP3 session of <paramref name="address"/> logged on and retrieved <paramref name="expected"/>
    /// messages (and, with <paramref name="deleted"/>, deleted them: its mailbox on the server is empty).
    /// </summary>
    public void CheckRetrievedCount(string address, int expected, bool deleted = false)
    {
        var retrieval = LastRetrieval(address);
        if (!retrieval.LoggedOn)
        {
            throw Failure($"\"{address}\" could not log on over POP3, so retrieved nothing.", Count(expected, "message"), retrieval.Outcome);
        }

        if (retrieval.Subjects.Count != expected)
        {
            throw Failure($"\"{address}\" retrieved {Count(retrieval.Subjects.Count, "message")} over POP3, not {expected}.", Count(expected, "message"), retrieval.Outcome);
        }

        if (deleted && !retrieval.Deleted)
        {
            throw Failure($"\"{address}\" retrieved its mail over POP3 but left it on the server.", $"{Count(expected, "message")}, deleted", retrieval.Outcome
                + $". (To delete: When \"{address}\" with password \"PASSWORD\" retrieves mail over POP3 from \"{retrieval.Host}\" and deletes them)");
        }
    }

    public void CheckPop3LogonRefused(string address, string reply)
    {
        var retrieval = LastRetrieval(address);
        if (retrieval.Refusal is not { } refusal || !ReplyExpectation.Matches(reply.Trim(), refusal))
        {
            throw Failure($"The POP3 logon of \"{address}\" was not refused with \"{reply}\".", reply, retrieval.Outcome);
        }
    }

    public void CheckPop3LogonSucceeded(string address)
    {
        var retrieval = LastRetrieval(address);
        if (!retrieval.LoggedOn)
        {
            throw Failure($"The POP3 logon of \"{address}\" was refused.", "+OK", retrieval.Outcome);
        }
    }

    /// <summary>The message's trace has the stage "Retrieved by POP3 by ADDRESS" (its last hop, to the mail client).</summary>
    public async Task CheckRetrievedStageAsync(string subject, string address)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        var summaries = world.Trace.Views.Messages().Where(s => s.Subject == subject).ToArray();
        if (summaries.Length == 0)
        {
            throw Failure($"No message with the subject \"{subject}\" entered the world.", $"a message \"{subject}\" retrieved over POP3 by {address}", "no such message",
                new(NoSuchMessageInRussian(subject), $"письмо \"{subject}\", забранное по POP3 пользователем {address}", "такого письма нет"));
        }

        var stages = summaries.SelectMany(s => world.Trace.Views.Trace(s.TraceId)?.Stages ?? []).Where(e => e.Kind == TraceKind.RetrievedByPop3).ToArray();
        if (!stages.Any(e => e.Text.EndsWith(" " + address.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            var retrievals = string.Join("\n", stages.Select(e => $"{e.Host}: {e.Text}"));
            throw Failure($"The message \"{subject}\" was not retrieved over POP3 by \"{address}\".", $"Retrieved by POP3 by {address}",
                stages.Length == 0 ? "no POP3 retrieval" + StagesOf(world, summaries[^1].TraceId) : retrievals,
                new($"Письмо \"{subject}\" не забрано по POP3 пользователем \"{address}\".",
                    Actual: stages.Length == 0 ? "забора по POP3 не было" + StagesOf(world, summaries[^1].TraceId) : retrievals));
        }
    }

    /// <summary>Sets a host's POP3 authentication method (only while it has no POP3 domains, as on Windows).</summary>
    public async Task SetPop3AuthenticationAsync(string host, string method)
    {
        var service = (await HostAsync(host).ConfigureAwait(false)).Pop3;
        AdminAction(() => service.SetAuthenticationMethod(ParseAuthenticationMethod(method)));
    }

    /// <summary>Sets a POP3 service property by its table name (<see cref="Pop3Settings"/>), as the admin API does.</summary>
    public async Task SetPop3SettingAsync(string host, string setting, string value)
    {
        var service = (await HostAsync(host).ConfigureAwait(false)).Pop3;
        AdminAction(() => Pop3Settings.Apply(service, setting, value));
    }

    /// <summary>Checks a POP3 service property's text form (what the table's type prints).</summary>
    public async Task CheckPop3SettingAsync(string host, string setting, string expected)
    {
        var service = (await HostAsync(host).ConfigureAwait(false)).Pop3;
        Pop3Setting found = null!;
        AdminAction(() => found = Pop3Settings.Find(setting));
        var actual = found.Get(service.Settings);
        if (actual != expected)
        {
            throw new ScenarioAssertionException($"The POP3 service on {host} has {found.Name} = {actual}", expected, actual, [],
                new($"У службы POP3 на {host} {found.Name} = {actual}"));
        }
    }

    /// <summary>"Require Secure Password Authentication" (winpop set sparequired 1|0).</summary>
    public async Task SetPop3SpaRequiredAsync(string host, bool required)
    {
        var service = (await HostAsync(host).ConfigureAwait(false)).Pop3;
        service.RequireSecurePasswordAuthentication = required;
    }

    /// <summary>
    /// A POP3 mailbox with its user, as <c>winpop add</c> makes it: on the host serving the domain,
    /// whose POP3 domain is added first when missing; an existing user gets this password.
    /// </summary>
    public async Task CreatePop3MailboxAsync(string address, string password)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        address = address.Trim();
        var domain = DomainOf(address);
        var host = world.Hosts.FirstOrDefault(h => h.Pop3.FindDomain(domain) is not null) ?? ServingHost(world, domain);
        var service = host.Pop3;
        AdminAction(() =>
        {
            if (service.FindDomain(domain) is null)
            {
                service.AddDomain(domain);
            }

            if (service.FindMailbox(address) is null)
            {
                var existing = service.AuthenticationMethod != Pop3AuthenticationMethod.EncryptedPasswordFile && host.Accounts.Find(address) is not null;
                service.AddMailbox(address, existing ? null : password);
            }

            service.ChangePassword(address, password);
        });
    }

    private Pop3Retrieval LastRetrieval(string address) =>
        _retrievals.LastOrDefault(r => r.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ScenarioSetupException(
                $"\"{address}\" has not retrieved mail yet: a \"When \"{address}\" with password \"PASSWORD\" retrieves mail over POP3 from \"HOST\"\" step must come first.");

    private static void AdminAction(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is Pop3AdminException or InvalidSettingException)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }

    private static Pop3AuthenticationMethod ParseAuthenticationMethod(string method)
    {
        var text = method.Trim().ToLowerInvariant();
        return text switch
        {
            "1" or "local" or "local accounts" or "local windows accounts" or "локальные учётные записи" or "локальные учетные записи"
                or "локальные учётные записи windows" or "локальные учетные записи windows" => Pop3AuthenticationMethod.LocalAccounts,
            "2" or "ad" or "active directory" or "active directory integrated" or "active directory-integrated" or "интегрированная с active directory" => Pop3AuthenticationMethod.ActiveDirectoryIntegrated,
            "3" or "password file" or "encrypted password file" or "файл паролей" or "зашифрованный файл паролей" => Pop3AuthenticationMethod.EncryptedPasswordFile,
            _ => throw new ScenarioSetupException(
                $"\"{method}\" is not a POP3 authentication method: use \"local Windows accounts\" (1), \"Active Directory integrated\" (2) or \"encrypted password file\" (3)."),
        };
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1
            ? throw new ScenarioSetupException($"\"{address}\" is not an address of the form user@domain.")
            : address[(at + 1)..];
    }

    /// <summary>The host whose SMTP virtual servers have <paramref name="domain"/> as a local domain.</summary>
    private static MailHost ServingHost(MailWorld world, string domain) =>
        world.Hosts.FirstOrDefault(h => h.Smtp.FindServing(domain) is not null)
            ?? throw new ScenarioSetupException(
                $"No host serves the domain \"{domain}\"; local domains are {string.Join(", ", world.Hosts.SelectMany(h => h.Smtp.VirtualServers.SelectMany(v => v.Domains.All.Where(d => d.IsLocal).Select(d => $"{d.Name} ({h.Name})"))))}.");
}
