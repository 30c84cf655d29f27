using System.CommandLine;

namespace MailLab.Admin;

/// <summary>
/// The administration commands' one grammar, on System.CommandLine: <c>smtp service|vs|domain|queue …</c>
/// with their arguments and options (<see cref="AdminHelp"/> gives each its syntax and description),
/// <c>winpop ARGS [--host HOST]</c> and <c>help</c>. The CLI builds its <c>maillab smtp</c> and
/// <c>maillab winpop</c> from it (adding --server and the caller's credentials); the scenarios' typed
/// lines are parsed with <see cref="Root"/> (<see cref="AdminCommands"/>). Each call builds a new tree,
/// since a System.CommandLine command belongs to one parent.
/// </summary>
public static partial class AdminGrammar
{
    /// <summary>The actions of <c>smtp service</c> and of the <c>smtp vs</c> state commands.</summary>
    public static readonly IReadOnlyList<string> StateActions = ["status", "start", "pause", "stop"];

    /// <summary><c>maillab</c> as the scenarios type it: smtp, winpop, ad and help.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("MailLab administration commands.");
        root.Subcommands.Add(Smtp());
        root.Subcommands.Add(Winpop());
        root.Subcommands.Add(Ad());
        root.Subcommands.Add(Exchange());
        root.Subcommands.Add(Network());
        root.Subcommands.Add(Dns());
        root.Subcommands.Add(new AdminVerb("help", "help", "Prints these commands."));
        return root;
    }

    /// <summary>The <c>smtp</c> command tree; <c>--host</c> goes with every subcommand.</summary>
    public static Command Smtp()
    {
        var smtp = new Command("smtp", "Administer the SMTP service and its virtual servers (IIS 6 model) of a running `maillab up`.");
        smtp.Options.Add(new Option<string>("--host") { Description = "The mail server (host) to administer, e.g. rosnou.ru.", Recursive = true });

        var vs = new Command("vs", "SMTP virtual servers: list, create, delete, start / pause / stop, get / set a setting, security (operators).");
        vs.Subcommands.Add(Leaf("list", "smtp vs list"));
        foreach (var action in StateActions)
        {
            vs.Subcommands.Add(Leaf(action, "smtp vs status", Words("NAME", 0, 1, "The virtual server (optional when the host has one).")));
        }

        vs.Subcommands.Add(Leaf("get", "smtp vs get", Words("[NAME] SETTING", 1, 2, "The virtual server (optional when the host has one) and the setting, e.g. maxRecipientsPerMessage.")));
        vs.Subcommands.Add(Leaf("set", "smtp vs set", Words("[NAME] SETTING VALUE", 2, 3, "The virtual server (optional when the host has one), the setting and its new value (null: no limit / none).")));
        vs.Subcommands.Add(Leaf(
            "create",
            "smtp vs create",
            Words("NAME", 1, 1, "The new virtual server's name."),
            Value("--port", "PORT", "The TCP port (0: any free port)."),
            Value("--ip", "IP", "The IP address (default 127.0.0.1; MailLab listens on loopback only)."),
            Value("--home-directory", "DIR", @"The home directory, e.g. C:\Inetpub\mailroot2."),
            Value("--default-domain", "DOMAIN", "The default (local) domain, e.g. second.rosnou.ru.")));
        vs.Subcommands.Add(Leaf("delete", "smtp vs delete", Words("NAME", 1, 1, "The virtual server to delete.")));
        vs.Subcommands.Add(Leaf(
            "security",
            "smtp vs security",
            Words("NAME", 0, 1, "The virtual server (optional when the host has one)."),
            Value("--operators", "LIST", "Replace the operators: accounts of the host and groups, comma-separated, e.g. \"Administrators, petr@rosnou.ru\".")));

        var domain = new Command("domain", "A virtual server's domains: Local (Default), Local (Alias), Remote.");
        domain.Subcommands.Add(Leaf("list", "smtp domain list", Words("NAME", 0, 1, "The virtual server (optional when the host has one).")));
        domain.Subcommands.Add(Leaf(
            "add",
            "smtp domain add",
            Words("[NAME] DOMAIN TYPE", 2, 3, "The virtual server (optional when the host has one), the domain and its type: local, alias or remote."),
            Flag("--allow-relay", "Remote: allow incoming mail to be relayed to this domain."),
            Value("--smart-host", "HOST", "Remote: forward all mail for the domain to this smart host (a name or [IP])."),
            Value("--outbound-port", "PORT", "Remote: the smart host's TCP port."),
            Flag("--require-tls", "Remote: outbound TLS is required.")));
        domain.Subcommands.Add(Leaf("remove", "smtp domain remove", Words("[NAME] DOMAIN", 1, 2, "The virtual server (optional when the host has one) and the domain.")));

        smtp.Subcommands.Add(Leaf("service", "smtp service", Words("ACTION", 1, 1, "status, start, pause or stop.")));
        smtp.Subcommands.Add(vs);
        smtp.Subcommands.Add(domain);
        smtp.Subcommands.Add(Leaf("queue", "smtp queue"));
        return smtp;
    }

    /// <summary><c>winpop ARGS [--host HOST]</c>: the words go to the POP3 service's own tool (<see cref="Mail.Pop3.Winpop"/>).</summary>
    public static Command Winpop()
    {
        var winpop = new AdminVerb("winpop", "winpop", "Administer a server's POP3 service as with Windows Server 2003's winpop.");
        winpop.Arguments.Add(new Argument<string[]>("ARGS")
        {
            Description = "The winpop command line, e.g. add petr@rosnou.ru /createuser Secret1 (winpop help lists them).",
            Arity = ArgumentArity.ZeroOrMore,
        });
        winpop.Options.Add(new Option<string>("--host")
        {
            Description = $"The mail server whose POP3 service to administer. Default: the host the command's domain belongs to, else {Mail.Pop3.WinpopHost.Default}.",
        });
        return winpop;
    }

    /// <summary>The names of every option in <paramref name="command"/>'s tree that takes a value (a word after it).</summary>
    public static IReadOnlySet<string> ValueOptions(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(command);
        return names;

        void Collect(Command c)
        {
            foreach (var option in c.Options.Where(o => o.Arity.MaximumNumberOfValues > 0))
            {
                names.Add(option.Name);
            }

            foreach (var sub in c.Subcommands)
            {
                Collect(sub);
            }
        }
    }

    private static AdminVerb Leaf(string name, string key, params Symbol[] symbols)
    {
        var entry = AdminHelp.Commands.First(c => c.Command == key);
        var command = new AdminVerb(name, key, $"{entry.Description}\n{entry.Syntax}");
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        return command;
    }

    /// <summary>The positional words (one word: a string, as System.CommandLine wants).</summary>
    private static Argument Words(string name, int min, int max, string description) => max == 1
        ? new Argument<string>(name) { Description = description, Arity = new ArgumentArity(min, max) }
        : new Argument<string[]>(name) { Description = description, Arity = new ArgumentArity(min, max) };

    private static ValueOption Value(string name, string valueName, string description) => new(name, valueName) { Description = description };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };
}

/// <summary>A command that runs (not a group such as <c>smtp vs</c>): <see cref="Key"/> names its <see cref="AdminHelp"/> entry.</summary>
public sealed class AdminVerb(string name, string key, string description) : Command(name, description)
{
    public string Key { get; } = key;
}

/// <summary>An option with a value, and the value's name in messages (<c>--port PORT</c>); the help shows System.CommandLine's own.</summary>
public sealed class ValueOption(string name, string valueName) : Option<string>(name)
{
    public string ValueName { get; } = valueName;
}
