using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Scenarios.Driver;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Scenarios.Admin;

/// <summary>
/// The administration commands a scenario can run (<c>When the administrator runs "…"</c>), in process,
/// against the scenario's world. A small, fixed grammar (scenarios/STEPS.md lists it):
/// <code>
/// maillab smtp service status|start|pause|stop --host HOST
/// maillab smtp vs list --host HOST
/// maillab smtp vs status|start|pause|stop [NAME] --host HOST
/// maillab smtp vs get [NAME] SETTING --host HOST
/// maillab smtp vs set [NAME] SETTING VALUE --host HOST
/// maillab smtp queue --host HOST
/// maillab help
/// winpop ... [--host HOST]      (the POP3 service's tool, see <see cref="WinpopCommands"/>)
/// </code>
/// NAME may be left out when the host has one virtual server. The leading "maillab" is optional.
/// </summary>
public static class AdminCommands
{
    public const string Usage = """
        maillab smtp service status|start|pause|stop --host HOST
        maillab smtp vs list --host HOST
        maillab smtp vs status|start|pause|stop [NAME] --host HOST
        maillab smtp vs get [NAME] SETTING --host HOST
        maillab smtp vs set [NAME] SETTING VALUE --host HOST
        maillab smtp queue --host HOST
        maillab help
        winpop ... [--host HOST]
        """;

    public static AdminResult Run(MailWorld world, string line)
    {
        if (!CommandLine.TryTokenize(line, out var words, out var error))
        {
            return AdminResult.Error($"Cannot read the command line: {error}.");
        }

        if (words.Count == 0)
        {
            return AdminResult.Error("Empty command. Commands:\n" + Usage);
        }

        var args = words[0].Equals("maillab", StringComparison.OrdinalIgnoreCase) ? words.Skip(1).ToList() : words.ToList();
        if (args.Count > 0 && args[0].ToLowerInvariant() is "winpop" or "winpop.exe")
        {
            return WinpopCommands.Run(world, args.Skip(1).ToArray());
        }

        try
        {
            var (positional, host) = SplitOptions(args);
            return positional switch
            {
                ["help"] or ["--help"] or [] => AdminResult.Ok(Usage),
                ["smtp", "service", var action] => Service(Host(world, host), action),
                ["smtp", "vs", "list"] => AdminResult.Ok(string.Join("\n", Host(world, host).Smtp.VirtualServers.Select(v => $"{v.Name}: {Name(v.State)}"))),
                ["smtp", "vs", "get", .. var rest] when rest.Length is 1 or 2 => Get(Server(world, host, rest.Length == 2 ? rest[0] : null), rest[^1]),
                ["smtp", "vs", "set", .. var rest] when rest.Length is 2 or 3 => Set(Server(world, host, rest.Length == 3 ? rest[0] : null), rest[^2], rest[^1]),
                ["smtp", "vs", var action, .. var rest] when rest.Length <= 1 && IsStateAction(action) =>
                    VirtualServer(Server(world, host, rest.Length == 1 ? rest[0] : null), action),
                ["smtp", "queue"] => Queue(Host(world, host)),
                _ => AdminResult.Error($"Unknown command \"{line.Trim()}\". Commands:\n{Usage}"),
            };
        }
        catch (Exception e) when (e is ScenarioSetupException or InvalidSettingException)
        {
            return AdminResult.Error(e.Message);
        }
    }

    private static (string[] Positional, string? Host) SplitOptions(List<string> args)
    {
        var positional = new List<string>();
        string? host = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--host=", StringComparison.OrdinalIgnoreCase))
            {
                host = arg["--host=".Length..];
            }
            else if (arg.Equals("--host", StringComparison.OrdinalIgnoreCase))
            {
                host = i + 1 < args.Count ? args[++i] : throw new ScenarioSetupException("--host needs a host name, e.g. --host rosnou.ru.");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg != "--help")
            {
                throw new ScenarioSetupException($"Unknown option \"{arg}\": the only option is --host HOST.");
            }
            else
            {
                // The first three words are verbs ("smtp vs pause"); names, settings and values keep their case.
                positional.Add(positional.Count < 3 ? arg.ToLowerInvariant() : arg);
            }
        }

        return (positional.ToArray(), host);
    }

    private static MailHost Host(MailWorld world, string? name)
    {
        if (name is null)
        {
            throw new ScenarioSetupException($"Say which server with --host HOST (hosts: {string.Join(", ", world.Hosts.Select(h => h.Name))}).");
        }

        return world.FindHost(name)
            ?? throw new ScenarioSetupException($"There is no host \"{name}\"; hosts: {string.Join(", ", world.Hosts.Select(h => h.Name))}.");
    }

    private static SmtpVirtualServer Server(MailWorld world, string? host, string? name)
    {
        var found = Host(world, host);
        if (name is null)
        {
            var all = found.Smtp.VirtualServers;
            return all.Count == 1
                ? all[0]
                : throw new ScenarioSetupException($"{found.Name} has {all.Count} virtual servers: name one ({string.Join(", ", all.Select(v => $"\"{v.Name}\""))}).");
        }

        return found.Smtp.Find(name)
            ?? throw new ScenarioSetupException($"{found.Name} has no SMTP virtual server \"{name}\"; it has {string.Join(", ", found.Smtp.VirtualServers.Select(v => $"\"{v.Name}\""))}.");
    }

    private static bool IsStateAction(string action) => action is "status" or "start" or "pause" or "stop";

    private static AdminResult Service(MailHost host, string action)
    {
        switch (action)
        {
            case "start":
                host.Smtp.Start();
                break;
            case "pause":
                host.Smtp.Pause();
                break;
            case "stop":
                host.Smtp.Stop();
                break;
            case "status":
                break;
            default:
                return AdminResult.Error($"Unknown action \"{action}\": use status, start, pause or stop.");
        }

        return AdminResult.Ok($"SMTP service on {host.Name}: {Name(host.Smtp.State)}");
    }

    private static AdminResult VirtualServer(SmtpVirtualServer server, string action)
    {
        switch (action)
        {
            case "start":
                server.Start();
                break;
            case "pause":
                server.Pause();
                break;
            case "stop":
                server.Stop();
                break;
        }

        return AdminResult.Ok($"\"{server.Name}\" on {server.Host.Name}: {Name(server.State)}");
    }

    private static AdminResult Get(SmtpVirtualServer server, string setting)
    {
        var found = VirtualServerSettings.Find(setting);
        return AdminResult.Ok($"{found.Name} = {found.Get(server)}");
    }

    private static AdminResult Set(SmtpVirtualServer server, string setting, string value)
    {
        var found = VirtualServerSettings.Find(setting);
        found.Set(server, value);
        return AdminResult.Ok($"{found.Name} = {found.Get(server)}");
    }

    private static AdminResult Queue(MailHost host)
    {
        var entries = host.Smtp.VirtualServers.SelectMany(v => v.Queue.Entries).ToArray();
        return AdminResult.Ok(entries.Length == 0
            ? $"The queue of {host.Name} is empty."
            : string.Join("\n", entries.Select(e => $"{e.Message.Id} \"{e.Message.Subject}\" for {string.Join(", ", e.Pending)} (attempts: {e.Attempts})")));
    }

    private static string Name(VirtualServerState state) => state switch
    {
        VirtualServerState.Paused => "paused",
        VirtualServerState.Stopped => "stopped",
        _ => "running",
    };
}
