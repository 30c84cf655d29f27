using MailLab.Cli.Commands;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>`maillab up --data-dir` with a directory it cannot use: a one-line reason, exit code 1.</summary>
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
}
