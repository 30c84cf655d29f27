using MailLab.Admin;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// <c>When the administrator runs "…"</c> (in process on the world, or over the admin API of the instance
/// an <see cref="Attach"/>ed driver plays on) and the checks on what the command printed.
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>The last command a step ran.</summary>
    public AdminResult? LastCommand { get; private set; }

    public async Task<AdminResult> RunAdminCommandAsync(string commandLine)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        if (_adminApi is { } api)
        {
            using var backend = new HttpAdminBackend(api);
            LastCommand = await AdminCommands.RunAsync(backend, commandLine).ConfigureAwait(false);
        }
        else
        {
            LastCommand = AdminCommands.Run(world, commandLine);
        }

        _output.Add(LastCommand.Output);
        await SettleAsync().ConfigureAwait(false);
        return LastCommand;
    }

    /// <summary>The output equals the doc string (line endings and trailing spaces aside).</summary>
    public void CheckCommandOutput(string expected)
    {
        var result = LastCommandOrThrow();
        if (Normalize(result.Output) != Normalize(expected))
        {
            throw Failure("The command printed something else.", Normalize(expected), Normalize(result.Output) + (result.Succeeded ? string.Empty : $"\n(exit code {result.ExitCode})"));
        }
    }

    public void CheckCommandFailed()
    {
        var result = LastCommandOrThrow();
        if (result.Succeeded)
        {
            throw Failure("The command succeeded.", "a failure (a non-zero exit code)", $"exit code 0: {result.Output}");
        }

        _notes.Add(result.Output);
    }

    public void CheckCommandSucceeded()
    {
        var result = LastCommandOrThrow();
        if (!result.Succeeded)
        {
            throw Failure("The command failed.", "exit code 0", $"exit code {result.ExitCode}: {result.Output}");
        }
    }

    /// <summary>A step about Exchange, which MailLab does not have yet: it fails and says why.</summary>
    public void NotYetAvailable(string step, string? argument = null)
    {
        _ = argument;
        const string service = "Exchange";
        throw new ScenarioSetupException($"{service} is not available yet in MailLab (it arrives in a later increment); this step cannot run: {step}.");
    }

    private AdminResult LastCommandOrThrow() =>
        LastCommand ?? throw new ScenarioSetupException("No command was run yet: a \"When the administrator runs \"COMMAND\"\" step must come first.");

    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
