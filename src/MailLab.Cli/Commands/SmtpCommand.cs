using System.CommandLine;
using System.CommandLine.Parsing;
using MailLab.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab smtp service|vs|domain|queue …</c>: IIS-style SMTP administration of a running <c>maillab up</c>
/// over its REST API. The grammar is <see cref="AdminGrammar.Smtp"/>, and the checks and the output are
/// those of the in-process admin commands the scenarios run (<see cref="AdminCommands"/>); this adds
/// System.CommandLine's <c>--help</c>, <c>--server</c> and the caller's credentials. Exit code 0 on success, 1 with a one-line reason on stderr otherwise.
/// </summary>
public static class SmtpCommand
{
    private static readonly string[] CliOnlyOptions = ["--server", "--user", "--password"];

    public static Command Create() => FromGrammar(AdminGrammar.Smtp());

    /// <summary>A command tree of the shared grammar (smtp, ad) with the CLI's --server and credentials, each verb run over the REST API.</summary>
    internal static Command FromGrammar(Command smtp)
    {
        smtp.Options.Insert(0, Recursive(new Option<string>("--server") { Description = "The MailLab admin API to talk to.", DefaultValueFactory = _ => WinpopCommand.DefaultServer }));
        smtp.Options.Add(Recursive(new Option<string>("--user") { Description = "Act as this account of the host (HTTP Basic); without it, as the built-in Administrator." }));
        smtp.Options.Add(Recursive(new Option<string>("--password") { Description = "The password of --user." }));
        foreach (var verb in Verbs(smtp))
        {
            verb.SetAction((parse, _) => RunAsync(parse));
        }

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

    private static IEnumerable<AdminVerb> Verbs(Command command) =>
        command.Subcommands.SelectMany(c => c is AdminVerb verb ? [verb] : Verbs(c));

    private static Option<string> Recursive(Option<string> option)
    {
        option.Recursive = true;
        return option;
    }
}
