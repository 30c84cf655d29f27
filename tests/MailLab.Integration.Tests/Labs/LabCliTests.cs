using System.Text.Json;
using MailLab.Cli.Commands;
using MailLab.Integration.Tests.Persistence;

namespace MailLab.Integration.Tests.Labs;

/// <summary>
/// <c>maillab lab</c> against a running <c>maillab up</c> child process, over TCP: check exits 1 with a
/// ✗ line per task not done, 0 once the solution is applied (with winpop over the same API), 2 for an
/// unknown lab or a server that is not there; start --server --yes resets the instance to another lab.
/// </summary>
public sealed class LabCliTests
{
    private const string Lab25 = "25-pop3-authentication-method";

    [Fact]
    public async Task LabCheck_OverTcp_Exits1ThenAfterTheSolution0()
    {
        var topology = Path.Combine(AppContext.BaseDirectory, "courseware", "labs", Lab25, "topology.yaml");
        await using var maillab = await MailLabProcess.StartWithAsync("--topology", topology);
        var server = maillab.Api.BaseAddress!.GetLeftPart(UriPartial.Authority);

        var failing = await RunAsync("lab", "check", Lab25, "--server", server, "--lang", "ru");
        failing.Exit.Should().Be(1, failing.Error);
        failing.Output.Split('\n').Select(l => l.TrimEnd()).Should().ContainInOrder(
            "25-pop3-authentication-method: Метод проверки подлинности службы POP3",
            "  ✗ password-file: Выберите для службы POP3 на rosnou.ru метод проверки подлинности, подходящий серверу вне Active Directory, который не заводит учётных записей Windows для почтовых ящиков.",
            "      У службы POP3 на rosnou.ru authentication = local",
            "      Ожидалось: passwordFile",
            "      Получено: local",
            "Выполнено заданий: 0 из 2");

        (await RunAsync("winpop", "set", "authentication", "3", "--host", "rosnou.ru", "--server", server)).Exit.Should().Be(0);
        (await RunAsync("winpop", "set", "sparequired", "1", "--host", "rosnou.ru", "--server", server)).Exit.Should().Be(0);

        var passing = await RunAsync("lab", "check", Lab25, "--server", server);
        passing.Exit.Should().Be(0, passing.Output + passing.Error);
        passing.Output.Should().Contain("  ✓ password-file: Choose for rosnou.ru's POP3 service").And.Contain("  ✓ require-spa: ").And.Contain("2 of 2 tasks done");

        var json = await RunAsync("lab", "check", Lab25, "--server", server, "--json");
        json.Exit.Should().Be(0);
        using (var report = JsonDocument.Parse(json.Output))
        {
            report.RootElement.GetProperty("passed").GetBoolean().Should().BeTrue();
            report.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal("password-file", "require-spa");
        }

        var unknown = await RunAsync("lab", "check", "99-nothing", "--server", server);
        unknown.Exit.Should().Be(2);
        unknown.Error.Should().Contain("404 There is no lab \"99-nothing\"");

        var declined = new StringWriter();
        (await LabCommand.StartLabAsync(null, "11-smtp-service-states", server, yes: false, 0, false, new StringReader("n\n"), declined, TextWriter.Null, CancellationToken.None))
            .Should().Be(1);
        declined.ToString().Should().Be($"Reset the MailLab at {server} to the topology of lab 11-smtp-service-states? Its mailboxes, queues and settings are replaced. [y/N] Nothing was changed.{Environment.NewLine}");
        (await RunAsync("lab", "check", Lab25, "--server", server)).Exit.Should().Be(0, "answering n changed nothing");

        var started = await RunAsync("lab", "start", "11-smtp-service-states", "--server", server, "--yes");
        started.Exit.Should().Be(0, started.Error);
        (await RunAsync("lab", "check", "11-smtp-service-states", "--server", server)).Exit.Should().Be(1, "the reset world runs every service");
        (await RunAsync("lab", "check", Lab25, "--server", server)).Exit.Should().Be(1, "the reset undid the POP3 settings");
    }

    [Fact]
    public async Task LabStart_WithoutAServer_RunsUpOnTheLabsTopology_UntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var output = new ReadyWriter(stop);
        var exit = await LabCommand.StartLabAsync(null, Lab25, server: null, yes: false, apiPort: 0, anyPort: true, TextReader.Null, output, TextWriter.Null, stop.Token);

        exit.Should().Be(0, output.ToString());
        var topology = Path.Combine(AppContext.BaseDirectory, "courseware", "labs", Lab25, "topology.yaml");
        output.ToString().Should().Contain($"MailLab is up (topology: {topology}; hosts mail.ru, rosnou.ru).").And.Contain("Stopping MailLab...");
    }

    [Fact]
    public async Task LabCheck_WithNoServerThere_Exits2AndSaysSo()
    {
        var result = await RunAsync("lab", "check", Lab25, "--server", "http://127.0.0.1:1");
        result.Exit.Should().Be(2);
        result.Error.Should().StartWith("maillab lab: cannot reach MailLab at http://127.0.0.1:1");
    }

    [Fact]
    public async Task LabList_AndShow_ReadTheLabFolders()
    {
        var list = await RunAsync("lab", "list", "--lang", "ru");
        list.Exit.Should().Be(0, list.Error);
        list.Output.Should().Contain("25-pop3-authentication-method  слайд 25  Метод проверки подлинности службы POP3");

        var show = await RunAsync("lab", "show", Lab25);
        show.Exit.Should().Be(0);
        show.Output.Should().StartWith("25-pop3-authentication-method: The POP3 service's authentication method (slide 25 «Настройка службы POP3. Метод проверки подлинности», 15 min)")
            .And.Contain("# The POP3 service's authentication method").And.Contain("  require-spa: Turn on");

        (await RunAsync("lab", "show", "99-nothing")).Exit.Should().Be(2);
        var usage = await RunAsync("lab", "check", Lab25, "--lang", "de");
        usage.Exit.Should().Be(2, "a usage error is not a task left undone");
        usage.Error.Should().Contain("de");
        (await RunAsync("lab", "check")).Exit.Should().Be(2);
    }

    /// <summary>Cancels (like Ctrl-C) once up says it is ready.</summary>
    private sealed class ReadyWriter(CancellationTokenSource stop) : StringWriter
    {
        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            if (value == "Press Ctrl-C to stop.")
            {
                await stop.CancelAsync();
            }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await MailLabCli.RunAsync(args, output, error);
        return (exit, output.ToString().Replace("\r", "", StringComparison.Ordinal), error.ToString());
    }
}
