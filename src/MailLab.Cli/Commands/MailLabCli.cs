using System.CommandLine;

namespace MailLab.Cli.Commands;

/// <summary>The <c>maillab</c> command tree, and running it with its output captured (as the tests do).</summary>
public static class MailLabCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("MailLab: an in-memory mail system (SMTP, POP3, DNS/MX) for tests and classrooms.");
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(ScenarioCommand.Create());
        root.Subcommands.Add(WinpopCommand.Create());
        root.Subcommands.Add(SmtpCommand.Create());
        root.Subcommands.Add(LabCommand.Create());
        root.Subcommands.Add(AdCommand.Create());
        root.Subcommands.Add(ExchangeCommand.Create());
        root.Subcommands.Add(NetworkCommand.Create());
        root.Subcommands.Add(NetworkCommand.CreateDns());
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        InvokeAsync(Create().Parse(args), new InvocationConfiguration { Output = output, Error = error });

    /// <summary>
    /// Runs a parsed command line. A usage error under <c>maillab lab</c> ends with 2, not System.CommandLine's
    /// 1, since <c>lab check</c>'s 1 means "some task is not done" (a learning platform tells them apart).
    /// </summary>
    public static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration? configuration = null)
    {
        var exit = await parse.InvokeAsync(configuration);
        var lab = false;
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            lab |= command.Command.Name == "lab";
        }

        return exit == 1 && lab && parse.Errors.Count > 0 ? 2 : exit;
    }
}
