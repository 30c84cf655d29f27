using System.CommandLine;
using System.Text;
using MailLab.Cli.Commands;
using MailLab.Admin;

namespace MailLab.Integration.Tests.Admin;

/// <summary>`maillab smtp …` run in process (its real command tree) against the admin API of a running server.</summary>
public abstract class SmtpCliTestBase : AdminApiTestBase
{
    private readonly StringBuilder _transcript = new();

    /// <summary>Every command run so far with its exit code and what it printed: the snapshot.</summary>
    protected string Transcript => _transcript.ToString();

    /// <summary>Runs a `maillab` command line (words as a shell would split them) against this test's server.</summary>
    protected async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await MailLabCli.RunAsync([.. args, "--server", Http.BaseAddress!.ToString()], output, error);

        // Help starts with the executable's name, which is the test host here.
        var (stdout, stderr) = (Normalize(output.ToString()), Normalize(error.ToString()));
        _transcript.Append("$ maillab ").AppendJoin(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"\"{a}\"" : a)).Append('\n')
            .Append(stdout).Append(stderr.Length == 0 ? "" : "stderr: " + stderr).Append($"[exit {exit}]\n\n");
        return (exit, stdout, stderr);
    }

    /// <summary>The words of a command line, split as the in-process grammar splits them.</summary>
    protected static string[] Words(string line) =>
        CommandLine.TryTokenize(line, out var words, out _) ? [.. words] : throw new ArgumentException(line);

    private static string Normalize(string text) =>
        text.Replace(RootCommand.ExecutableName + " ", "maillab ", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
}
