using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using System.CommandLine;
using MailLab.Mail.World;

namespace MailLab.Admin;

/// <summary>
/// The administration commands, one grammar (<see cref="AdminGrammar"/>, on System.CommandLine) for the scenarios (<c>When the administrator runs "…"</c>,
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
/// maillab ad user|contact|group ... --host HOST   (the directory, see <see cref="DirectoryCommands"/>)
/// maillab exchange services|service|stores|store|mailboxes|logons|move-mailbox ... --host HOST   (see <see cref="ExchangeCommands"/>)
/// maillab network hosts | network address static|dhcp [ADDRESS] --host HOST | dns list | dns set NAME A|MX VALUE   (see <see cref="NetworkCommands"/>)
/// </code>
/// NAME may be left out when the host has one virtual server. The leading "maillab" is optional;
/// <c>--help</c> after a command prints its syntax.
/// </summary>
public static class AdminCommands
{
    public static string Usage => AdminHelp.Usage;

    /// <summary>Runs a command line in process on <paramref name="world"/>.</summary>
    public static AdminResult Run(MailWorld world, string line) =>
        // The in-process backends complete synchronously.
        RunLineAsync(line, new WorldAdminBackend(world), (host, words) => Task.FromResult(WinpopCommands.Run(world, host, words))).GetAwaiter().GetResult();

    /// <summary>
    /// Runs a command line against a running <c>maillab up</c> over its REST API, as <c>maillab smtp …</c>
    /// and <c>maillab winpop …</c> do: the same checks and the same text as <see cref="Run"/>.
    /// </summary>
    public static Task<AdminResult> RunAsync(HttpAdminBackend backend, string line) => RunLineAsync(line, backend, backend.WinpopAsync);

    private static async Task<AdminResult> RunLineAsync(string line, IAdminBackend backend, Func<string?, IReadOnlyList<string>, Task<AdminResult>> winpop)
    {
        // A line typed into a step is split as a shell splits plain cases ('…' and "…" group); System.CommandLine's
        // splitter knows neither single quotes nor an unclosed quote, so the words come from CommandLine.
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
            return await RunWinpopAsync(args.Skip(1).ToArray(), winpop);
        }

        return await RunAsync(backend, args, line.Trim());
    }

    /// <summary>Runs the words after "maillab" against a backend; <paramref name="display"/> is the line shown in "Unknown command".</summary>
    public static async Task<AdminResult> RunAsync(IAdminBackend backend, IReadOnlyList<string> args, string? display = null)
    {
        try
        {
            var root = AdminGrammar.Root();
            var valueOptions = AdminGrammar.ValueOptions(root);
            var words = Normalized(args, valueOptions);

            // Options the command does not take are refused by name, after the command itself is known;
            // left in, System.CommandLine would read them as the command's words.
            var (known, unknown) = WithoutUnknownOptions(words, OptionsOf(root.Parse(words, Configuration).CommandResult), valueOptions);
            var parse = root.Parse(known, Configuration);
            if (MissingValue(parse.CommandResult) is { } missing)
            {
                return AdminResult.Error(missing == "--host" ? "--host needs a host name, e.g. --host rosnou.ru." : $"{missing} needs a value.");
            }

            if (words.Count == 0 || words.Any(w => w is "--help" or "-h" or "-?"))
            {
                return AdminResult.Ok(AdminHelp.For(Path(parse.CommandResult)));
            }

            var unknownCommand = AdminResult.Error($"Unknown command \"{display ?? string.Join(" ", args.Prepend("maillab"))}\". Commands:\n{Usage}");
            if (parse.CommandResult.Command is not AdminVerb verb || verb.Key == "winpop" || parse.Errors.Count > 0)
            {
                return unknownCommand;
            }

            if (unknown is not null)
            {
                return AdminResult.Error(UnknownOption(verb, unknown));
            }

            var rest = parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).ToArray();
            var run = new Invocation(backend, Options(parse.CommandResult));
            return verb.Key switch
            {
                "help" => AdminResult.Ok(Usage),
                "smtp service" when AdminGrammar.StateActions.Contains(rest[0]) => await run.Service(rest[0]),
                "smtp vs list" => await run.List(),
                "smtp vs status" => await run.VirtualServer(Optional(rest, 1), verb.Name),
                "smtp vs get" => await run.Get(Optional(rest, 2), rest[^1]),
                "smtp vs set" => await run.Set(Optional(rest, 3), rest[^2], rest[^1]),
                "smtp vs create" => await run.Create(rest[0]),
                "smtp vs delete" => await run.Delete(rest[0]),
                "smtp vs security" => await run.Security(Optional(rest, 1)),
                "smtp domain list" => await run.Domains(Optional(rest, 1)),
                "smtp domain add" => await run.AddDomain(Optional(rest, 3), rest[^2], rest[^1]),
                "smtp domain remove" => await run.RemoveDomain(Optional(rest, 2), rest[^1]),
                "smtp queue" => await run.Queue(),
                _ when verb.Key.StartsWith("ad ", StringComparison.Ordinal) => await DirectoryCommands.RunAsync(backend, verb.Key, rest, Options(parse.CommandResult)),
                _ when verb.Key.StartsWith("exchange ", StringComparison.Ordinal) => await ExchangeCommands.RunAsync(backend, verb.Key, rest, Options(parse.CommandResult)),
                _ when verb.Key.StartsWith("network ", StringComparison.Ordinal) || verb.Key.StartsWith("dns ", StringComparison.Ordinal) =>
                    await NetworkCommands.RunAsync(backend, verb.Key, rest, Options(parse.CommandResult)),
                _ => unknownCommand,
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

    /// <summary>Response files (@file) mean nothing in a typed admin line: "@" starts no file name here.</summary>
    private static ParserConfiguration Configuration { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary><c>winpop ...</c> on the host <c>--host</c> names, else the one its domain belongs to.</summary>
    private static async Task<AdminResult> RunWinpopAsync(IReadOnlyList<string> args, Func<string?, IReadOnlyList<string>, Task<AdminResult>> winpop)
    {
        var parse = AdminGrammar.Winpop().Parse(args, Configuration);
        if (MissingValue(parse.CommandResult) is not null)
        {
            return AdminResult.Error("winpop: --host needs a host name, e.g. --host rosnou.ru.");
        }

        var words = parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .ToArray();
        return await winpop(Options(parse.CommandResult).Host, words);
    }

    /// <summary>The optional NAME: the first word when all <paramref name="full"/> words are there.</summary>
    private static string? Optional(string[] rest, int full) => rest.Length == full ? rest[0] : null;

    /// <summary>The words with the verbs (the first three words that are no option or option value) and the option names in lower case.</summary>
    private static List<string> Normalized(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions)
    {
        var words = new List<string>();
        var verbs = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=');
                var name = (equals > 0 ? arg[..equals] : arg).ToLowerInvariant();
                words.Add(equals > 0 ? name + arg[equals..] : name);
                if (equals < 0 && valueOptions.Contains(name) && i + 1 < args.Count)
                {
                    words.Add(args[++i]);
                }
            }
            else
            {
                words.Add(verbs++ < 3 ? arg.ToLowerInvariant() : arg);
            }
        }

        return words;
    }

    /// <summary>The names (and aliases) of the options <paramref name="command"/> takes: its own, its parents' recursive ones, help.</summary>
    private static HashSet<string> OptionsOf(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "--help", "-h", "-?" };
        for (var (result, own) = (command, true); result is not null; (result, own) = (result.Parent as System.CommandLine.Parsing.CommandResult, false))
        {
            foreach (var option in result.Command.Options.Where(o => own || o.Recursive))
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
        }

        return names;
    }

    /// <summary>The words without the "--name" options the command does not take (with the value a value-taking one was given), and the first such name.</summary>
    private static (List<string> Words, string? Unknown) WithoutUnknownOptions(IReadOnlyList<string> words, HashSet<string> known, IReadOnlySet<string> valueOptions)
    {
        var kept = new List<string>();
        string? unknown = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var equals = word.IndexOf('=');
            var name = equals > 0 ? word[..equals] : word;
            if (!word.StartsWith("--", StringComparison.Ordinal) || known.Contains(name))
            {
                kept.Add(word);
                continue;
            }

            unknown ??= name;
            if (equals < 0 && valueOptions.Contains(name))
            {
                i++;
            }
        }

        return (kept, unknown);
    }

    private static string UnknownOption(AdminVerb verb, string name)
    {
        var allowed = verb.Options.Select(o => o is ValueOption v ? $"{o.Name} {v.ValueName}" : o.Name).ToArray();
        return allowed.Length == 0
            ? $"Unknown option \"{name}\": the only option is --host HOST."
            : $"Unknown option \"{name}\": {verb.Key} takes --host HOST, {string.Join(", ", allowed)}.";
    }

    /// <summary>The first option given without the value it needs ("--host" at the end of the line).</summary>
    private static string? MissingValue(System.CommandLine.Parsing.CommandResult command)
    {
        for (System.CommandLine.Parsing.CommandResult? result = command; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            var missing = result.Children.OfType<System.CommandLine.Parsing.OptionResult>()
                .FirstOrDefault(o => !o.Implicit && o.Option.Arity.MinimumNumberOfValues > 0 && o.Tokens.Count == 0);
            if (missing is not null)
            {
                return missing.Option.Name;
            }
        }

        return null;
    }

    /// <summary>The options given, from the command and its parents (--host is recursive): flags with no value.</summary>
    private static AdminOptions Options(System.CommandLine.Parsing.CommandResult command)
    {
        var options = new AdminOptions();
        for (System.CommandLine.Parsing.CommandResult? result = command; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Where(o => !o.Implicit))
            {
                if (option.Option is Option<bool>)
                {
                    options.Set(option.Option.Name, null);
                }
                else
                {
                    options.Set(option.Option.Name, string.Concat(option.Tokens.Select(t => t.Value)));
                }
            }
        }

        return options;
    }

    /// <summary>The command's words from the top ("smtp vs create"), for its help.</summary>
    private static string[] Path(System.CommandLine.Parsing.CommandResult command)
    {
        var path = new List<string>();
        for (System.CommandLine.Parsing.CommandResult? result = command; result?.Parent is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }

        return [.. path];
    }
}
