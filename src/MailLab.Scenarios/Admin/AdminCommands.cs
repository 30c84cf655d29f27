using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Admin;

/// <summary>
/// The administration commands, one grammar for the scenarios (<c>When the administrator runs "…"</c>,
/// in process on the scenario's world) and for <c>maillab smtp …</c> (over the REST API of a running
/// <c>maillab up</c>); both print the same text (<see cref="AdminOutput"/>). scenarios/STEPS.md lists them:
/// <code>
/// maillab smtp service status|start|pause|stop --host HOST
/// maillab smtp vs list --host HOST
/// maillab smtp vs status|start|pause|stop [NAME] --host HOST
/// maillab smtp vs get [NAME] SETTING --host HOST
/// maillab smtp vs set [NAME] SETTING VALUE --host HOST
/// maillab smtp vs create NAME --port PORT --home-directory DIR --default-domain DOMAIN [--ip IP] --host HOST
/// maillab smtp vs delete NAME --host HOST
/// maillab smtp vs security [NAME] [--operators LIST] --host HOST
/// maillab smtp domain list [NAME] --host HOST
/// maillab smtp domain add [NAME] DOMAIN local|alias|remote [--allow-relay] [--smart-host HOST] [--outbound-port PORT] [--require-tls] --host HOST
/// maillab smtp domain remove [NAME] DOMAIN --host HOST
/// maillab smtp queue --host HOST
/// maillab help
/// winpop ... [--host HOST]      (the POP3 service's tool, see <see cref="WinpopCommands"/>)
/// </code>
/// NAME may be left out when the host has one virtual server. The leading "maillab" is optional;
/// <c>--help</c> after a command prints its syntax.
/// </summary>
public static class AdminCommands
{
    public static string Usage => AdminHelp.Usage;

    /// <summary>Runs a command line in process on <paramref name="world"/>.</summary>
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

        // The in-process backend completes synchronously.
        return RunAsync(new WorldAdminBackend(world), args, line.Trim()).GetAwaiter().GetResult();
    }

    /// <summary>Runs the words after "maillab" against a backend; <paramref name="display"/> is the line shown in "Unknown command".</summary>
    public static async Task<AdminResult> RunAsync(IAdminBackend backend, IReadOnlyList<string> args, string? display = null)
    {
        try
        {
            var (positional, options, help) = Split(args);
            if (help || positional is ["help"] or [])
            {
                return AdminResult.Ok(AdminHelp.For(positional is ["help"] ? [] : positional));
            }

            var command = string.Join(" ", positional.Take(3));
            var run = new Invocation(backend, options);
            return positional switch
            {
                ["smtp", "service", var action] when IsStateAction(action) => await run.Service(command, action),
                ["smtp", "vs", "list"] => await run.List(command),
                ["smtp", "vs", "get", .. var rest] when rest.Length is 1 or 2 => await run.Get(command, Optional(rest, 2), rest[^1]),
                ["smtp", "vs", "set", .. var rest] when rest.Length is 2 or 3 => await run.Set(command, Optional(rest, 3), rest[^2], rest[^1]),
                ["smtp", "vs", "create", var name] => await run.Create(command, name),
                ["smtp", "vs", "delete", var name] => await run.Delete(command, name),
                ["smtp", "vs", "security", .. var rest] when rest.Length <= 1 => await run.Security(command, Optional(rest, 1)),
                ["smtp", "vs", var action, .. var rest] when rest.Length <= 1 && IsStateAction(action) => await run.VirtualServer(command, Optional(rest, 1), action),
                ["smtp", "domain", "list", .. var rest] when rest.Length <= 1 => await run.Domains(command, Optional(rest, 1)),
                ["smtp", "domain", "add", .. var rest] when rest.Length is 2 or 3 => await run.AddDomain(command, Optional(rest, 3), rest[^2], rest[^1]),
                ["smtp", "domain", "remove", .. var rest] when rest.Length is 1 or 2 => await run.RemoveDomain(command, Optional(rest, 2), rest[^1]),
                ["smtp", "queue"] => await run.Queue(command),
                _ => AdminResult.Error($"Unknown command \"{display ?? string.Join(" ", args.Prepend("maillab"))}\". Commands:\n{Usage}"),
            };
        }
        catch (AdminCommandException e)
        {
            return AdminResult.Error(e.Message);
        }
        catch (InvalidSettingException e)
        {
            return AdminResult.Error(e.Message);
        }
    }

    /// <summary>The optional NAME: the first word when all <paramref name="full"/> words are there.</summary>
    private static string? Optional(string[] rest, int full) => rest.Length == full ? rest[0] : null;

    private static bool IsStateAction(string action) => action is "status" or "start" or "pause" or "stop";

    /// <summary>Positional words (the first three, the verbs, in lower case), the options, and whether --help was asked.</summary>
    private static (string[] Positional, AdminOptions Options, bool Help) Split(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new AdminOptions();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                help = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=');
                var name = (equals > 0 ? arg[..equals] : arg).ToLowerInvariant();
                string? value = equals > 0 ? arg[(equals + 1)..] : null;
                if (value is null && AdminOptions.WithValue.Contains(name))
                {
                    value = i + 1 < args.Count ? args[++i] : throw new AdminCommandException(name == "--host"
                        ? "--host needs a host name, e.g. --host rosnou.ru."
                        : $"{name} needs a value.");
                }

                options.Set(name, value);
            }
            else
            {
                positional.Add(positional.Count < 3 ? arg.ToLowerInvariant() : arg);
            }
        }

        return (positional.ToArray(), options, help);
    }
}
