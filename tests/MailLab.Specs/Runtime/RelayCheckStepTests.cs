using System.Net;
using System.Net.Sockets;
using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Labs;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// The hop out of MailLab (lab 06): "the message … was relayed by … to a server outside MailLab" passes
/// once a real Postfix (its smtp-sink, started by the Given step) answered 250, and otherwise says what
/// happened instead, in English and in Russian; the Given step stops its smtp-sink with the scenario.
/// </summary>
public sealed class RelayCheckStepTests
{
    private const string Check = "the message \"to postfix\" was relayed by \"mail.ru\" to a server outside MailLab";

    [Fact]
    public async Task ARealPostfixAnswering250_PassesTheCheck_AndTheSinkStopsWithTheScenario()
    {
        var port = FreePort();
        await using (var world = new ScenarioWorld())
        {
            var steps = await PlayAsync(world, [$"Given Postfix's smtp-sink listens on 127.0.0.1 port {port}", .. SmartHostAndSend(port)]);
            world.BeginStep();
            await steps.RunAsync(StepKind.Then, "Then", Check, null, null);
            world.Notes.Should().ContainSingle().Which.Should().StartWith($"mail.ru: Relayed to 127.0.0.1:{port} for <petr@debian.lab>: 250 2.0.0 Ok");
        }

        var connect = () => new TcpClient().ConnectAsync(IPAddress.Loopback, port);
        await connect.Should().ThrowAsync<SocketException>("the scenario's end stopped smtp-sink");
    }

    [Fact]
    public async Task NoServerListening_TheCheckSaysTheMessageIsDeferred_WithTheReply()
    {
        var port = FreePort();
        await using var world = new ScenarioWorld();
        await PlayAsync(world, SmartHostAndSend(port));

        var english = (await Checked(world, "en")).Tasks.Single();
        english.Passed.Should().BeFalse();
        english.Message.Should().Be("The message \"to postfix\" was not relayed by mail.ru to a server outside MailLab.");
        english.Actual.Should().StartWith("<petr@debian.lab>: deferred on mail.ru, waiting for a retry: Deferred (attempt 1): <petr@debian.lab>: 4");

        var russian = (await Checked(world, "ru")).Tasks.Single();
        russian.Message.Should().Be("Письмо \"to postfix\" не передано с mail.ru серверу за пределами MailLab.");
        russian.Actual.Should().StartWith("<petr@debian.lab>: отложено на mail.ru, ждёт повторной попытки: Deferred (attempt 1)");
    }

    [Fact]
    public async Task SmtpSinkRefusingTheRecipient_With450_TheCheckQuotesPostfixsReply()
    {
        var port = FreePort();
        await using var sink = await SmtpSink.StartAsync(port, "-r", "RCPT");
        await using var world = new ScenarioWorld();
        await PlayAsync(world, SmartHostAndSend(port));

        (await Checked(world, "en")).Tasks.Single().Actual.Should().Be("<petr@debian.lab>: deferred on mail.ru, waiting for a retry: Deferred (attempt 1): <petr@debian.lab>: 450 4.3.0 Error: command failed");
    }

    [Fact]
    public async Task AMessageDeliveredInsideTheWorld_OrNeverSent_FailsSayingSo()
    {
        await using var world = new ScenarioWorld();
        await PlayAsync(world, "When \"ivan@mail.ru\" sends a message to \"student@rosnou.ru\" with subject \"to postfix\"");
        (await Checked(world, "en")).Tasks.Single().Actual.Should().Be("<student@rosnou.ru>: delivered inside MailLab on rosnou.ru (mailbox), never sent to a server outside it");
        (await Checked(world, "ru")).Tasks.Single().Actual.Should().Be("<student@rosnou.ru>: доставлено внутри MailLab на rosnou.ru (mailbox), серверу за его пределами не отправлялось");

        await using var empty = new ScenarioWorld();
        await PlayAsync(empty);
        var none = (await Checked(empty, "ru")).Tasks.Single();
        (none.Message, none.Actual).Should().Be(("Письма с темой \"to postfix\" в мире не было.", "ни одного письма"));
    }

    [Fact]
    public async Task SmtpSinkOnAPortInUse_FailsTheGivenStep_SayingWhy()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        await using var world = new ScenarioWorld();
        var steps = new StepDispatcher(StepCatalog.Default, world);

        var start = () => steps.RunAsync(StepKind.Given, "Given", $"Postfix's smtp-sink listens on 127.0.0.1 port {port}", null, null);
        (await start.Should().ThrowAsync<ScenarioSetupException>()).Which.Message.Should().Be($"Postfix's smtp-sink did not start on 127.0.0.1:{port}: 127.0.0.1:{port} is already in use (another server listens there).");
    }

    private static string[] SmartHostAndSend(int port) =>
    [
        $"When the administrator runs \"maillab smtp domain add debian.lab remote --smart-host [127.0.0.1] --outbound-port {port} --host mail.ru\"",
        "And \"ivan@mail.ru\" sends a message to \"petr@debian.lab\" with subject \"to postfix\"",
    ];

    private static async Task<StepDispatcher> PlayAsync(ScenarioWorld world, params string[] lines)
    {
        var steps = new StepDispatcher(StepCatalog.Default, world);
        await steps.RunAsync(StepKind.Given, "Given", "the topology \"mailru-rosnou.yaml\"", null, null);
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ');
            var keyword = line[..space];
            var kind = keyword == "Given" ? StepKind.Given : StepKind.When;
            world.BeginStep();
            await steps.RunAsync(kind, keyword, line[(space + 1)..], null, null);
        }

        return steps;
    }

    private static async Task<LabReport> Checked(ScenarioWorld world, string language) =>
        await new LabChecker().CheckAsync(
            new Lab("99-test", 6, "Серверы", new LocalText("тест", "test"), 5, AppContext.BaseDirectory, "topology.yaml", [new LabTask("t1", new LocalText("задание", "task"), Check)]),
            await world.RuntimeAsync(),
            language);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
