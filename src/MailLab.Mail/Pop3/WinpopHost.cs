using MailLab.Mail.World;

namespace MailLab.Mail.Pop3;

/// <summary>
/// The host a winpop command line is meant for when no host is named (<c>maillab winpop</c> without
/// <c>--host</c>, a scenario's <c>winpop …</c>): the host its domain (<c>mail.ru</c>, <c>ivan@mail.ru</c>)
/// belongs to, by host name, POP3 domain or SMTP local domain, so that <c>winpop add mail.ru</c> does not
/// make another host take mail.ru's mail; otherwise the default host (rosnou.ru, the lecture's POP3 server).
/// </summary>
public static class WinpopHost
{
    /// <summary>The host <c>maillab winpop</c> administers when the command names no domain of another.</summary>
    public const string Default = "rosnou.ru";

    /// <summary>The host for <paramref name="args"/> (the words after "winpop"); null when there is none (no default host either).</summary>
    public static MailHost? For(MailWorld world, IReadOnlyList<string> args)
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

        return world.FindHost(Default) ?? (world.Hosts.Count == 1 ? world.Hosts[0] : null);
    }
}
