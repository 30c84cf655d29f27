using MailLab.Admin;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Scenarios.Driver;

namespace MailLab.Integration.Tests.Labs;

/// <summary>
/// <see cref="ScenarioWorld.Attach"/>: steps played on an instance that is already running. Its
/// administration commands go through the instance's admin API and print what they print in process;
/// its world stays the instance's; time steps move a simulated instance's clock and are refused on a
/// live one; disposing the driver leaves the instance running.
/// </summary>
public sealed class AttachedScenarioWorldTests : ApiTestBase
{
    private const string SetSize = "maillab smtp vs set maxMessageSizeKb 1024 --host rosnou.ru";
    private const string AddPetr = "winpop add petr@rosnou.ru /createuser Secret1";

    [Fact]
    public async Task AdminCommands_GoThroughTheAdminApi_AndPrintWhatTheyPrintInProcess()
    {
        await using var inProcess = await TestWorld.StartAsync();
        await using (var attached = ScenarioWorld.Attach(World.Server, Http.BaseAddress))
        {
            foreach (var line in new[] { SetSize, AddPetr })
            {
                var overApi = await attached.RunAdminCommandAsync(line);
                overApi.Should().Be(AdminCommands.Run(inProcess.World, line), $"\"{line}\" prints the same over the API as in process");
                overApi.Succeeded.Should().BeTrue(overApi.Output);
            }
        }

        TestWorld.Vs(World.Rosnou).Limits.MaxMessageSizeKb.Should().Be(1024);
        World.Rosnou.Pop3.FindMailbox("petr@rosnou.ru").Should().NotBeNull();
        World.Server.GetEndPoint(TestWorld.Vs(World.Rosnou)).Should().NotBeNull("disposing the driver left the instance running");
    }

    [Fact]
    public async Task AdminCommands_WithNoApiListening_FailWithTheCliSentence_AndChangeNothing()
    {
        var nowhere = new Uri("http://127.0.0.1:1/");
        await using var attached = ScenarioWorld.Attach(World.Server, nowhere);

        var smtp = await attached.RunAdminCommandAsync(SetSize);
        smtp.Succeeded.Should().BeFalse();
        smtp.Output.Should().StartWith("Cannot reach MailLab at http://127.0.0.1:1 (");
        var winpop = await attached.RunAdminCommandAsync(AddPetr);
        winpop.Succeeded.Should().BeFalse();
        winpop.Output.Should().StartWith("winpop: Cannot reach MailLab at http://127.0.0.1:1 (");

        TestWorld.Vs(World.Rosnou).Limits.MaxMessageSizeKb.Should().Be(2048, "the command never reached the world");
        World.Rosnou.Pop3.FindMailbox("petr@rosnou.ru").Should().BeNull();
    }

    [Fact]
    public async Task ATopologyStep_IsRefused_AndTimeStepsAreRefusedOnALiveClock()
    {
        await using var attached = ScenarioWorld.Attach(World.Server, Http.BaseAddress);

        var topology = () => attached.UseTopologyAsync("mailru-rosnou.yaml");
        (await topology.Should().ThrowAsync<ScenarioSetupException>()).Which.Message
            .Should().Be("Cannot switch to the topology \"mailru-rosnou.yaml\": these steps play on a running MailLab, which keeps its world (starting a lab, POST /api/labs/ID/start, or resetting it chooses the topology).");
        var time = () => attached.PassAsync(TimeSpan.FromMinutes(15));
        (await time.Should().ThrowAsync<ScenarioSetupException>()).Which.In("en").Should().StartWith("The running MailLab's clock is live");
        World.Server.World.Should().BeSameAs(World.World);
    }

    [Fact]
    public async Task OnASimulatedInstance_TimeStepsMoveItsClock_ThroughARetry()
    {
        var instance = new SimulatedInstance();
        await instance.InitializeAsync();
        try
        {
            await using (var attached = ScenarioWorld.Attach(instance.Server, instance.Api))
            {
                await attached.SetReachableAsync("rosnou.ru", reachable: false);
                (await attached.SendMessageAsync("ivan@mail.ru", "student@rosnou.ru", "Later")).Accepted.Should().BeTrue();
                await attached.SetReachableAsync("rosnou.ru", reachable: true);
                await attached.PassAsync(TimeSpan.FromMinutes(15));
            }

            var world = instance.Server.World;
            world.Clock.GetUtcNow().Should().Be(ScenarioWorld.Epoch + TimeSpan.FromMinutes(15));
            world.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
                .Which.Received.Should().Be(ScenarioWorld.Epoch + TimeSpan.FromMinutes(15), "mail.ru's first retry, 15 minutes on, delivered it");
        }
        finally
        {
            await instance.DisposeAsync();
        }
    }
}
