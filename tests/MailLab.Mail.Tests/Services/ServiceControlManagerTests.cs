using MailLab.Mail.Services;

namespace MailLab.Mail.Tests.Services;

/// <summary>The Service Control Manager's rules: dependencies start first, dependents stop first, disabled services do not start.</summary>
public sealed class ServiceControlManagerTests
{
    private static ServiceControlManager Chain() => new(
    [
        new ServiceDefinition("Base", "Base Service", ServiceStartupType.Automatic, []),
        new ServiceDefinition("Middle", "Middle Service", ServiceStartupType.Manual, ["Base"]),
        new ServiceDefinition("Top", "Top Service", ServiceStartupType.Manual, ["Middle"], CanPause: true),
        new ServiceDefinition("Off", "Off Service", ServiceStartupType.Disabled, ["Base"]),
        new ServiceDefinition("NeedsOff", "Needs Off", ServiceStartupType.Manual, ["Off"]),
    ]);

    [Fact]
    public void Start_StartsItsDependenciesFirst()
    {
        var scm = Chain();

        var changes = scm.Start("Top");

        changes.Select(c => c.Name).Should().Equal("Base", "Middle", "Top");
        scm.Services.Where(s => s.Status == ServiceStatus.Running).Select(s => s.Name).Should().BeEquivalentTo(["Base", "Middle", "Top"]);
    }

    [Fact]
    public void Start_ByDisplayName_Works()
    {
        var scm = Chain();

        scm.Start("middle service");

        scm.IsRunning("Middle").Should().BeTrue();
    }

    [Fact]
    public void Stop_WithRunningDependents_IsRefusedWith1051_UnlessTheyStopToo()
    {
        var scm = Chain();
        scm.Start("Top");

        var refused = () => scm.Stop("Base", stopDependents: false);
        refused.Should().Throw<ServiceControlException>().Which.Error.Should().Be(1051);
        scm.IsRunning("Top").Should().BeTrue();

        scm.DependentsThatWouldStop("Base").Select(s => s.Name).Should().Equal("Top", "Middle");
        var changes = scm.Stop("Base", stopDependents: true);

        changes.Select(c => c.Name).Should().Equal("Top", "Middle", "Base");
        scm.Services.Should().OnlyContain(s => s.Status == ServiceStatus.Stopped);
    }

    [Fact]
    public void Disabled_DoesNotStart_1058_AndItsDependentsFail_1068()
    {
        var scm = Chain();

        scm.Invoking(s => s.Start("Off")).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1058);
        scm.Invoking(s => s.Start("NeedsOff")).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1068);
        scm.IsRunning("NeedsOff").Should().BeFalse();
    }

    [Fact]
    public void DisablingARunningService_LeavesItRunning_UntilItStops()
    {
        var scm = Chain();
        scm.Start("Middle");

        scm.SetStartupType("Middle", ServiceStartupType.Disabled);

        scm.IsRunning("Middle").Should().BeTrue();
        scm.Stop("Middle", stopDependents: false);
        scm.Invoking(s => s.Start("Middle")).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1058);
    }

    [Fact]
    public void StartAutomatic_StartsOnlyAutomaticServices()
    {
        var scm = Chain();

        scm.StartAutomatic();

        scm.Services.Where(s => s.Status == ServiceStatus.Running).Select(s => s.Name).Should().Equal("Base");
    }

    [Fact]
    public void PauseAndContinue_OnlyForServicesThatAcceptThem()
    {
        var scm = Chain();
        scm.Start("Top");

        scm.Invoking(s => s.Pause("Middle")).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1052);
        scm.Pause("Top");
        scm.Find("Top")!.Status.Should().Be(ServiceStatus.Paused);
        scm.IsRunning("Top").Should().BeFalse();
        scm.Continue("Top");
        scm.IsRunning("Top").Should().BeTrue();
    }

    [Fact]
    public void AlreadyRunningOrNotStarted_AreTheSystemsErrors()
    {
        var scm = Chain();
        scm.Start("Base");

        scm.Invoking(s => s.Start("Base")).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1056);
        scm.Invoking(s => s.Stop("Middle", stopDependents: false)).Should().Throw<ServiceControlException>().Which.Error.Should().Be(1062);
    }

    [Fact]
    public void Changed_IsRaisedForEveryServiceThatChanged()
    {
        var scm = Chain();
        var seen = new List<string>();
        scm.Changed += c => seen.Add($"{c.Name}:{c.To}");

        scm.Start("Middle");
        scm.Stop("Base", stopDependents: true);

        seen.Should().Equal("Base:Running", "Middle:Running", "Middle:Stopped", "Base:Stopped");
    }

    [Fact]
    public void Definitions_MustNamePresentDependencies_AndNoCycle()
    {
        var missing = () => new ServiceControlManager([new ServiceDefinition("A", "A", ServiceStartupType.Manual, ["B"])]);
        var cycle = () => new ServiceControlManager(
        [
            new ServiceDefinition("A", "A", ServiceStartupType.Manual, ["B"]),
            new ServiceDefinition("B", "B", ServiceStartupType.Manual, ["A"]),
        ]);

        missing.Should().Throw<ArgumentException>().WithMessage("*B*not defined*");
        cycle.Should().Throw<ArgumentException>().WithMessage("*cycle*");
    }
}
