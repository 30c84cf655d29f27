using MailLab.Mail.Pop3;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Admin;

/// <summary>
/// <c>winpop ...</c> (or <c>maillab winpop ...</c>): the Windows Server 2003 POP3 tool, run in process
/// on one host's POP3 service. The host is <c>--host HOST</c> when given, else the host that the
/// command's domain (<c>rosnou.ru</c>, <c>petr@rosnou.ru</c>) belongs to, else rosnou.ru as for
/// <c>maillab winpop</c>. What winpop prints on standard output and standard error is the output.
/// </summary>
public static class WinpopCommands
{
    /// <summary>The host <c>maillab winpop</c> administers by default.</summary>
    public const string DefaultHost = "rosnou.ru";

    public static AdminResult Run(MailWorld world, IReadOnlyList<string> words)
    {
        var args = new List<string>();
        string? hostName = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Equals("--host", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count)
            {
                hostName = words[++i];
            }
            else if (words[i].StartsWith("--host=", StringComparison.OrdinalIgnoreCase))
            {
                hostName = words[i]["--host=".Length..];
            }
            else
            {
                args.Add(words[i]);
            }
        }

        var host = hostName is null ? Infer(world, args) : world.FindHost(hostName);
        if (host is null)
        {
            return AdminResult.Error($"winpop: there is no host \"{hostName ?? DefaultHost}\"; hosts: {string.Join(", ", world.Hosts.Select(h => h.Name))}. Name one with --host HOST.");
        }

        var result = Winpop.Run(host.Pop3, args);
        return new AdminResult(result.ExitCode, (result.Output + result.Error).TrimEnd('\n', '\r'));
    }

    /// <summary>The host a command's domain belongs to (by host name, POP3 domain or SMTP local domain), else the default.</summary>
    private static MailHost? Infer(MailWorld world, IEnumerable<string> args)
    {
        foreach (var arg in args.Skip(1).Where(a => !a.StartsWith('/')))
        {
            var domain = arg.Contains('@') ? arg[(arg.LastIndexOf('@') + 1)..] : arg;
            if (!domain.Contains('.'))
            {
                continue;
            }

            var host = world.FindHost(domain)
                ?? world.Hosts.FirstOrDefault(h => h.Pop3.FindDomain(domain) is not null)
                ?? world.Hosts.FirstOrDefault(h => h.Smtp.FindServing(domain) is not null);
            if (host is not null)
            {
                return host;
            }
        }

        return world.FindHost(DefaultHost) ?? (world.Hosts.Count == 1 ? world.Hosts[0] : null);
    }
}
