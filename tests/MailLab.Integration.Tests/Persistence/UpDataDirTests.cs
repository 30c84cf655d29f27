using MailLab.Cli.Commands;
using MailLab.Mail.Persistence;
using MailLab.Mail.Topology;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// `maillab up --data-dir`: a directory it cannot use gets a one-line reason and exit code 1; the
/// configuration saved there is the starting topology, unless --topology names one, which wins.
/// </summary>
public sealed class UpDataDirTests
{
    [Fact]
    public async Task Up_DataDirThatIsAFile_ExitsWith1AndSaysWhy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"maillab-not-a-dir-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "x");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await UpCommand.RunAsync(new UpOptions(ApiPort: 0, DataDirectory: file, AnyPort: true), output, error, CancellationToken.None);

            exit.Should().Be(1);
            error.ToString().Trim().Should().Be($"maillab: cannot use the data directory {file}: {file} is a file, not a directory.");
            output.ToString().Should().BeEmpty("nothing starts");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Up_StartsFromTheSavedConfiguration_AndAnExplicitTopologyWinsAndReplacesIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"maillab-up-saved-{Guid.NewGuid():N}");
        var file = Path.Combine(Path.GetTempPath(), $"maillab-up-topology-{Guid.NewGuid():N}.yaml");
        try
        {
            SavedConfiguration.Save(TopologyLoader.LoadText(Topology("saved.example"), "saved", TimeProvider.System), dir);
            (await RunUntilUpAsync(new UpOptions(ApiPort: 0, DataDirectory: dir, AnyPort: true)))
                .Should().Contain($"MailLab is up (topology: {SavedConfiguration.PathIn(dir)}, saved at run time; hosts saved.example)");

            await File.WriteAllTextAsync(file, Topology("given.example"));
            (await RunUntilUpAsync(new UpOptions(ApiPort: 0, TopologyPath: file, DataDirectory: dir, AnyPort: true)))
                .Should().Contain($"--topology {file} wins over the configuration saved in {SavedConfiguration.PathIn(dir)}, which it replaces.")
                .And.Contain("hosts given.example)");
            (await File.ReadAllTextAsync(SavedConfiguration.PathIn(dir))).Should().Contain("name: given.example").And.NotContain("saved.example");
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static string Topology(string host) => $"hosts:\n  - name: {host}\n    smtp: {{ virtualServers: [ {{ name: A, port: 0 }} ] }}\n";

    /// <summary>Runs `maillab up` in process until it says it is up, then stops it as Ctrl-C does; returns what it printed.</summary>
    private static async Task<string> RunUntilUpAsync(UpOptions options)
    {
        using var stop = new CancellationTokenSource();
        var output = new SignallingWriter("Press Ctrl-C to stop.");
        var error = new StringWriter();
        var run = UpCommand.RunAsync(options, output, error, stop.Token);
        await Task.WhenAny(output.Seen, run).WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        (await run).Should().Be(0, error.ToString());
        return output.ToString();
    }

    /// <summary>A StringWriter that completes <see cref="Seen"/> once a line containing the text is written.</summary>
    private sealed class SignallingWriter(string text) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
