using System.CommandLine;
using System.CommandLine.Parsing;
using MailLab.Cli.Admin;
using MailLab.Scenarios.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab smtp service|vs|domain|queue …</c>: IIS-style SMTP administration of a running <c>maillab up</c>
/// over its REST API. The grammar, the checks and the output are those of the in-process admin commands
/// the scenarios run (<see cref="AdminCommands"/>); this adds <c>--help</c>, <c>--server</c> and the
/// caller's credentials. Exit code 0 on success, 1 with a one-line reason on stderr otherwise.
/// </summary>
public static class SmtpCommand
{
    private static readonly string[] CliOnlyOptions = ["--server", "--user", "--password"];

    public static Command Create()
    {
        var smtp = new Command("smtp", "Administer the SMTP service and its virtual servers (IIS 6 model) of a running `maillab up`.");
        smtp.Options.Add(Recursive(new Option<string>("--server") { Description = "The MailLab admin API to talk to.", DefaultValueFactory = _ => WinpopCommand.DefaultServer }));
        smtp.Options.Add(Recursive(new Option<string>("--host") { Description = "The mail server (host) to administer, e.g. rosnou.ru." }));
        smtp.Options.Add(Recursive(new Option<string>("--user") { Description = "Act as this account of the host (HTTP Basic); without it, as the built-in Administrator." }));
        smtp.Options.Add(Recursive(new Option<string>("--password") { Description = "The password of --user." }));

        var service = Leaf("service", "smtp service", Words("ACTION", 1, 1, "status, start, pause or stop."));
        var vs = new Command("vs", "SMTP virtual servers: list, create, delete, start / pause / stop, get / set a setting, security (operators).");
        vs.Subcommands.Add(Leaf("list", "smtp vs list"));
        foreach (var action in new[] { "status", "start", "pause", "stop" })
        {
            vs.Subcommands.Add(Leaf(action, "smtp vs status", Words("NAME", 0, 1, "The virtual server (optional when the host has one).")));
        }

        vs.Subcommands.Add(Leaf("get", "smtp vs get", Words("[NAME] SETTING", 1, 2, "The virtual server (optional when the host has one) and the setting, e.g. maxRecipientsPerMessage.")));
        vs.Subcommands.Add(Leaf("set", "smtp vs set", Words("[NAME] SETTING VALUE", 2, 3, "The virtual server (optional when the host has one), the setting and its new value (null: no limit / none).")));
        vs.Subcommands.Add(Leaf(
            "create",
            "smtp vs create",
            Words("NAME", 1, 1, "The new virtual server's name."),
            Text("--port", "The TCP port (0: any free port)."),
            Text("--ip", "The IP address (default 127.0.0.1; MailLab listens on loopback only)."),
            Text("--home-directory", @"The home directory, e.g. C:\Inetpub\mailroot2."),
            Text("--default-domain", "The default (local) domain, e.g. second.rosnou.ru.")));
        vs.Subcommands.Add(Leaf("delete", "smtp vs delete", Words("NAME", 1, 1, "The virtual server to delete.")));
        vs.Subcommands.Add(Leaf(
            "security",
            "smtp vs security",
            Words("NAME", 0, 1, "The virtual server (optional when the host has one)."),
            Text("--operators", "Replace the operators: accounts of the host and groups, comma-separated, e.g. \"Administrators, petr@rosnou.ru\".")));

        var domain = new Command("domain", "A virtual server's domains: Local (Default), Local (Alias), Remote.");
        domain.Subcommands.Add(Leaf("list", "smtp domain list", Words("NAME", 0, 1, "The virtual server (optional when the host has one).")));
        domain.Subcommands.Add(Leaf(
            "add",
            "smtp domain add",
            Words("[NAME] DOMAIN TYPE", 2, 3, "The virtual server (optional when the host has one), the domain and its type: local, alias or remote."),
            Flag("--allow-relay", "Remote: allow incoming mail to be relayed to this domain."),
            Text("--smart-host", "Remote: forward all mail for the domain to this smart host (a name or [IP])."),
            Text("--outbound-port", "Remote: the smart host's TCP port."),
            Flag("--require-tls", "Remote: outbound TLS is required.")));
        domain.Subcommands.Add(Leaf("remove", "smtp domain remove", Words("[NAME] DOMAIN", 1, 2, "The virtual server (optional when the host has one) and the domain.")));

        smtp.Subcommands.Add(service);
        smtp.Subcommands.Add(vs);
        smtp.Subcommands.Add(domain);
        smtp.Subcommands.Add(Leaf("queue", "smtp queue"));
        return smtp;
    }

    /// <summary>Runs the admin command the parse result holds against the server it names.</summary>
    public static async Task<int> RunAsync(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var server = parse.GetValue<string>("--server") ?? WinpopCommand.DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri))
        {
            await error.WriteLineAsync($"--server \"{server}\" is not a URL such as {WinpopCommand.DefaultServer}.");
            return 1;
        }

        using var backend = new HttpAdminBackend(uri, parse.GetValue<string>("--user"), parse.GetValue<string>("--password"));
        var result = await AdminCommands.RunAsync(backend, AdminWords(parse.Tokens));
        await (result.Succeeded ? output : error).WriteLineAsync(result.Output);
        return result.ExitCode;
    }

    /// <summary>The command line as the shared grammar reads it: every token but the CLI's own options.</summary>
    private static List<string> AdminWords(IReadOnlyList<Token> tokens)
    {
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && CliOnlyOptions.Contains(tokens[i].Value))
            {
                i += i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Argument ? 1 : 0;
                continue;
            }

            words.Add(tokens[i].Value);
        }

        return words;
    }

    private static Command Leaf(string name, string help, params Symbol[] symbols)
    {
        var entry = AdminHelp.Commands.First(c => c.Command == help);
        var command = new Command(name, $"{entry.Description}\n{entry.Syntax}");
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

        command.SetAction((parse, _) => RunAsync(parse));
        return command;
    }

    /// <summary>Positional words; the admin grammar reads them, so they are only collected here (one word: a string, as System.CommandLine wants).</summary>
    private static Argument Words(string name, int min, int max, string description) => max == 1
        ? new Argument<string>(name) { Description = description, Arity = new ArgumentArity(min, max) }
        : new Argument<string[]>(name) { Description = description, Arity = new ArgumentArity(min, max) };

    private static Option<string> Text(string name, string description) => new(name) { Description = description };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Option<string> Recursive(Option<string> option)
    {
        option.Recursive = true;
        return option;
    }
}
