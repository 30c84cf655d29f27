namespace MailLab.Admin;

/// <summary>Each admin command's syntax and what it does: the usage text, <c>--help</c> in process, and the CLI's help.</summary>
public static class AdminHelp
{
    public sealed record Entry(string Command, string Syntax, string Description);

    public static IReadOnlyList<Entry> Commands { get; } =
    [
        new("smtp service", "maillab smtp service status|start|pause|stop --host HOST", "Shows, starts, pauses or stops a host's SMTP service, and with it every virtual server."),
        new("smtp vs list", "maillab smtp vs list --host HOST", "Lists the host's SMTP virtual servers with their states."),
        new("smtp vs status", "maillab smtp vs status|start|pause|stop [NAME] --host HOST", "Shows, starts, pauses or stops one SMTP virtual server."),
        new("smtp vs get", "maillab smtp vs get [NAME] SETTING --host HOST", "Prints one setting (maxRecipientsPerMessage, relayList, smartHost…)."),
        new("smtp vs set", "maillab smtp vs set [NAME] SETTING VALUE --host HOST", "Changes one setting; a value IIS would refuse changes nothing."),
        new("smtp vs create", "maillab smtp vs create NAME --port PORT --home-directory DIR --default-domain DOMAIN [--ip IP] --host HOST", "The New SMTP Virtual Server wizard: name, IP address (default 127.0.0.1) and TCP port (0: any free port), home directory, default domain. It listens at once."),
        new("smtp vs delete", "maillab smtp vs delete NAME --host HOST", "Deletes an SMTP virtual server: it stops listening and is gone."),
        new("smtp vs security", "maillab smtp vs security [NAME] [--operators LIST] --host HOST", "Shows the Security tab's operators (who may change the virtual server), or replaces them with a comma-separated list of accounts and groups (Administrators, Users)."),
        new("smtp domain list", "maillab smtp domain list [NAME] --host HOST", "Lists a virtual server's domains: Local (Default), Local (Alias), Remote with its options."),
        new("smtp domain add", "maillab smtp domain add [NAME] DOMAIN local|alias|remote [--allow-relay] [--smart-host HOST] [--outbound-port PORT] [--require-tls] --host HOST", "Adds a domain; local makes it the default. A remote domain may allow relay, forward to a smart host (on a port) and require TLS."),
        new("smtp domain remove", "maillab smtp domain remove [NAME] DOMAIN --host HOST", "Deletes a domain (never the default one)."),
        new("smtp queue", "maillab smtp queue --host HOST", "Lists the mail waiting in the host's queues: id, subject, the recipients still to deliver and the failed attempts."),
        .. DirectoryCommands.Help,
        .. ExchangeCommands.Help,
        .. NetworkCommands.Help,
        new("help", "maillab help", "Prints these commands."),
        new("winpop", "winpop ... [--host HOST]", "The POP3 service's tool (winpop help lists its commands)."),
    ];

    public static string Usage { get; } = string.Join("\n", Commands.Select(c => c.Syntax));

    /// <summary>The help of the command the words start with ("smtp vs pause" → the state commands' entry).</summary>
    public static string For(IReadOnlyList<string> words)
    {
        var entries = Commands.Where(c => Matches(c.Command, words)).ToArray();
        return entries.Length == 0
            ? Usage
            : string.Join("\n\n", entries.Select(e => $"Usage: {e.Syntax}\n{e.Description}"));
    }

    private static bool Matches(string command, IReadOnlyList<string> words)
    {
        var parts = command.Split(' ');
        var states = new[] { "status", "start", "pause", "stop" };
        for (var i = 0; i < words.Count && i < parts.Length; i++)
        {
            var same = words[i] == parts[i] || (command == "smtp vs status" && i == 2 && states.Contains(words[i]));
            if (!same)
            {
                return false;
            }
        }

        return words.Count > 0;
    }
}
