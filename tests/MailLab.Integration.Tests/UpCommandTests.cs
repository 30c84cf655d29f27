using MailLab.Cli.Commands;

namespace MailLab.Integration.Tests;

/// <summary>`maillab up` on its documented ports: prints each endpoint, serves mail, stops on cancel.</summary>
[Collection("fixed ports")]
public sealed class UpCommandTests
{
    [Fact]
    public async Task Up_PrintsEndpoints_AcceptsMail_AndStopsCleanly()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();
        var run = UpCommand.RunAsync(new UpOptions(ApiPort: 0), new SyncWriter(output, stop), error, stop.Token);

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        finished.Should().Be(run, "up must stop when cancelled (Ctrl-C)");
        (await run).Should().Be(0, $"up must start on the documented ports 2525/2526; it said: {error}{output}");

        var text = output.ToString();
        text.Should().Contain("mail.ru    SMTP  127.0.0.1:2525");
        text.Should().Contain("rosnou.ru  SMTP  127.0.0.1:2526");
        text.Should().Contain("mail.ru    POP3  127.0.0.1:2110").And.Contain("rosnou.ru  POP3  127.0.0.1:2111");
        text.Should().Contain("account ivan@mail.ru").And.Contain("account student@rosnou.ru");
        text.Should().Contain("admin API  http://127.0.0.1:");
        text.Should().Contain("Stopping MailLab...");
    }

    [Fact]
    public async Task Up_InvalidTopology_ExitsWith2AndNamesFileLineAndField_BeforeListening()
    {
        var file = Path.Combine(Path.GetTempPath(), $"maillab-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "hosts:\n  - name: mail.ru\n    smtp:\n      virtualServers:\n        - name: VS\n          port: 2525\n          limits: { maxMessageSizeKb: 0 }\n");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await UpCommand.RunAsync(new UpOptions(0, file), output, error, CancellationToken.None);

            exit.Should().Be(2);
            output.ToString().Should().BeEmpty("nothing starts");
            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[0].Trim().Should().Be("maillab: invalid topology:");
            lines[1].Should().StartWith($"{file}:7:").And.Contain("limits.maxMessageSizeKb").And.Contain("at least 1");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Cancels (like Ctrl-C) once up has said it is ready, after checking SMTP answers.</summary>
    private sealed class SyncWriter(StringWriter inner, CancellationTokenSource stop) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override async Task WriteLineAsync(string? value)
        {
            await inner.WriteLineAsync(value);
            if (value == "Press Ctrl-C to stop.")
            {
                await using var client = await Infrastructure.RawSmtpClient.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 2526));
                var greeting = await client.ReadReplyAsync();
                await inner.WriteLineAsync($"(greeting seen: {greeting})");
                if (greeting?.StartsWith("220 rosnou.ru", StringComparison.Ordinal) == true)
                {
                    await stop.CancelAsync();
                }
            }
        }
    }
}
