using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Labs;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// Slide 24's static address (lab 24): "the server of … has a static address" fails for a DHCP lease and
/// "the A record of … points at its server's address" fails with both addresses, in English and in
/// Russian; <c>maillab network address</c> and <c>maillab dns set</c> fix them, and mail flows again.
/// </summary>
public sealed class AddressCheckStepTests
{
    private const string Static = "the server of \"rosnou.ru\" has a static address";
    private const string ARecord = "the A record of \"rosnou.ru\" points at its server's address";

    [Fact]
    public async Task OnLab24sStart_BothChecksFail_SayingWhatIsThere()
    {
        await using var world = await Lab24Async();
        var en = await CheckAsync(world, "en");
        en[0].Should().BeEquivalentTo(new
        {
            Passed = false,
            Message = "rosnou.ru, the server of rosnou.ru, gets its address from DHCP (203.0.113.10 now, until the lease changes).",
            Expected = "a static address",
            Actual = "203.0.113.10, leased by DHCP",
        });
        en[1].Should().BeEquivalentTo(new
        {
            Passed = false,
            Message = "The A record of rosnou.ru does not point at its server's address (rosnou.ru: 203.0.113.10).",
            Expected = "rosnou.ru A 203.0.113.10",
            Actual = "rosnou.ru A 203.0.113.57; rosnou.ru's address is 203.0.113.10",
        });

        var ru = await CheckAsync(world, "ru");
        (ru[0].Message, ru[0].Actual).Should().Be(("rosnou.ru, сервер домена rosnou.ru, получает адрес по DHCP (сейчас 203.0.113.10, пока не сменится аренда).", "203.0.113.10, выдан DHCP"));
        (ru[1].Message, ru[1].Actual).Should().Be(("A-запись домена rosnou.ru не указывает на адрес его сервера (rosnou.ru: 203.0.113.10).", "rosnou.ru A 203.0.113.57; адрес rosnou.ru — 203.0.113.10"));
    }

    [Fact]
    public async Task TheStaleARecord_KeepsMailFromRosnou_UntilTheAdministratorFixesIt()
    {
        await using var world = await Lab24Async();
        var steps = new StepDispatcher(StepCatalog.Default, world);
        await steps.RunAsync(StepKind.When, "When", "the administrator runs \"maillab smtp vs set fqdn rosnou.ru --host rosnou.ru\"", null, null);
        await steps.RunAsync(StepKind.When, "When", "\"rosnou.ru\" becomes reachable", null, null);
        await steps.RunAsync(StepKind.When, "When", "\"ivan@mail.ru\" sends a message to \"student@rosnou.ru\" with subject \"early\"", null, null);
        await steps.RunAsync(StepKind.Then, "Then", "the queue of \"mail.ru\" holds 1 message", null, null);
        var texts = (await world.WorldAsync()).Trace.Views.Events().Select(e => e.Text);
        texts.Should().Contain(t => t.EndsWith("451 4.4.1 No answer from rosnou.ru at 203.0.113.57: no computer has that address", StringComparison.Ordinal));

        await steps.RunAsync(StepKind.When, "When", "the administrator runs \"maillab network address static 203.0.113.10 --host rosnou.ru\"", null, null);
        world.StepOutput.Should().Equal("rosnou.ru: 203.0.113.10 (static)");
        world.BeginStep();
        await steps.RunAsync(StepKind.When, "When", "the administrator runs \"maillab dns set rosnou.ru A 203.0.113.10\"", null, null);
        world.StepOutput.Should().Equal("rosnou.ru A 203.0.113.10");
        (await CheckAsync(world, "en")).Where(t => !t.Passed).Select(t => t.Message).Should().BeEmpty();

        await steps.RunAsync(StepKind.When, "When", "15 minutes pass", null, null);
        await steps.RunAsync(StepKind.Then, "Then", "the mailbox \"student@rosnou.ru\" contains a message with subject \"early\"", null, null);
    }

    [Fact]
    public async Task TheCommands_ListAndRefuse_InProcess()
    {
        await using var world = await Lab24Async();
        var steps = new StepDispatcher(StepCatalog.Default, world);
        world.BeginStep();
        await steps.RunAsync(StepKind.When, "When", "the administrator runs \"maillab network hosts\"", null, null);
        world.StepOutput.Should().Equal("mail.ru: 198.51.100.10 (static)\nrosnou.ru: 203.0.113.10 (dhcp)");
        world.BeginStep();
        await steps.RunAsync(StepKind.When, "When", "the administrator runs \"maillab dns list\"", null, null);
        world.StepOutput.Should().Equal("mail.ru A 198.51.100.10\nmail.ru MX 10 mail.ru\nrosnou.ru A 203.0.113.57\nrosnou.ru MX 10 rosnou.ru");

        var world2 = await world.WorldAsync();
        Admin.AdminCommands.Run(world2, "maillab network address static 198.51.100.10 --host rosnou.ru").Output.Should().Be("198.51.100.10 is already the address of mail.ru. (Parameter 'address')");
        Admin.AdminCommands.Run(world2, "maillab network address static 203.0.113.20").Output.Should().Be("Say which host with --host HOST, e.g. --host rosnou.ru.");
        Admin.AdminCommands.Run(world2, "maillab dns set rosnou.ru MX mx.rosnou.ru --preference ten").Output.Should().Be("--preference \"ten\" is not a number (0 to 65535).");
        Admin.AdminCommands.Run(world2, "maillab dns set rosnou.ru MX mx.rosnou.ru --preference 5").Output.Should().Be("rosnou.ru MX 5 mx.rosnou.ru");
    }

    private static async Task<ScenarioWorld> Lab24Async()
    {
        var world = new ScenarioWorld();
        await world.UseTopologyAsync(Path.Combine(Labs.LabSolutionTests.LabsFolder, "24-pop3-preparation", "topology.yaml"));
        return world;
    }

    private static async Task<IReadOnlyList<LabTaskResult>> CheckAsync(ScenarioWorld world, string language) =>
        (await new LabChecker().CheckAsync(
            new Lab("99-test", 24, "Подготовка", new LocalText("тест", "test"), 5, AppContext.BaseDirectory, "topology.yaml",
                [new LabTask("static", new LocalText("адрес", "address"), Static), new LabTask("a", new LocalText("A", "A"), ARecord)]),
            await world.RuntimeAsync(),
            language)).Tasks;
}
