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
        root.Subcommands.Add(AdCommand.Create());
        root.Subcommands.Add(ExchangeCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
}
