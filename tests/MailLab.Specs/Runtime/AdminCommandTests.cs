using MailLab.Mail.Simulation;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Admin;

namespace MailLab.Specs.Runtime;

/// <summary>The in-process administration commands of <c>When the administrator runs "…"</c>.</summary>
public sealed class AdminCommandTests
{
    private readonly MailWorld _world = DefaultTopology.Create(new SimulationClock(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)), portOffsetToZero: true);

    private SmtpVirtualServer Rosnou => _world.FindHost("rosnou.ru")!.Smtp.VirtualServers[0];

    [Theory]
    [InlineData("maillab smtp vs pause \"Default SMTP Virtual Server\" --host rosnou.ru")]
    [InlineData("maillab smtp vs pause 'Default SMTP Virtual Server' --host=rosnou.ru")]
    [InlineData("smtp vs pause --host rosnou.ru")]
    [InlineData("maillab SMTP VS PAUSE --host rosnou.ru")]
    public void PausingAVirtualServer_AnySpelling(string line)
    {
        var result = AdminCommands.Run(_world, line);
        result.Should().Be(AdminResult.Ok("\"Default SMTP Virtual Server\" on rosnou.ru: paused"));
        Rosnou.State.Should().Be(VirtualServerState.Paused);
    }

    [Fact]
    public void ServiceStop_StopsEveryVirtualServer()
    {
        AdminCommands.Run(_world, "maillab smtp service stop --host rosnou.ru").Output.Should().Be("SMTP service on rosnou.ru: stopped");
        AdminCommands.Run(_world, "maillab smtp vs list --host rosnou.ru").Output.Should().Be("Default SMTP Virtual Server: stopped");
        AdminCommands.Run(_world, "maillab smtp service start --host rosnou.ru").Output.Should().Be("SMTP service on rosnou.ru: running");
        Rosnou.State.Should().Be(VirtualServerState.Running);
    }

    [Fact]
    public void GetAndSet_UseTheApiNames()
    {
        AdminCommands.Run(_world, "maillab smtp vs set \"Default SMTP Virtual Server\" relayList \"127.0.0.1, 10.0.0.0/8\" --host rosnou.ru")
            .Output.Should().Be("relayList = 127.0.0.1, 10.0.0.0/8");
        AdminCommands.Run(_world, "maillab smtp vs get access.relay.entries --host rosnou.ru").Output.Should().Be("relayList = 127.0.0.1, 10.0.0.0/8");
        Rosnou.Access.Relay.Entries.Select(e => e.Text).Should().Equal("127.0.0.1", "10.0.0.0/8");
    }

    [Theory]
    [InlineData("maillab smtp vs pause --host nowhere.example", "There is no host \"nowhere.example\"; hosts: mail.ru, rosnou.ru.")]
    [InlineData("maillab smtp vs pause", "Say which server with --host HOST (hosts: mail.ru, rosnou.ru).")]
    [InlineData("maillab smtp vs pause \"Other\" --host rosnou.ru", "rosnou.ru has no SMTP virtual server \"Other\"; it has \"Default SMTP Virtual Server\".")]
    [InlineData("maillab smtp vs pause --host rosnou.ru --force", "Unknown option \"--force\": the only option is --host HOST.")]
    [InlineData("maillab smtp vs pause \"unclosed --host rosnou.ru", "Cannot read the command line: the quote \" is not closed.")]
    public void Failures_SayWhatIsWrong(string line, string message)
    {
        var result = AdminCommands.Run(_world, line);
        result.Succeeded.Should().BeFalse();
        result.Output.Should().Be(message);
    }

    [Fact]
    public void Winpop_RunsOnTheHostItsDomainBelongsTo()
    {
        AdminCommands.Run(_world, "winpop add mail.ru").Should().Be(AdminResult.Error("winpop: The domain mail.ru already exists."));
        AdminCommands.Run(_world, "maillab winpop add petr@rosnou.ru /createuser Secret1")
            .Should().Be(AdminResult.Ok("Added mailbox petr@rosnou.ru and created its user."));
        AdminCommands.Run(_world, "winpop add olga@mail.ru /createuser Olga1").Succeeded.Should().BeTrue();
        _world.FindHost("rosnou.ru")!.Accounts.Find("petr@rosnou.ru").Should().NotBeNull();
        _world.FindHost("rosnou.ru")!.Pop3.FindDomain("mail.ru").Should().BeNull("mail.ru's domain stays mail.ru's");
        _world.FindHost("mail.ru")!.Pop3.FindMailbox("olga@mail.ru").Should().NotBeNull();
    }

    [Fact]
    public void Winpop_TakesAHost()
    {
        AdminCommands.Run(_world, "winpop add lab.example --host mail.ru").Succeeded.Should().BeTrue();
        _world.FindHost("mail.ru")!.Pop3.FindDomain("lab.example").Should().NotBeNull();
        _world.FindHost("rosnou.ru")!.Pop3.FindDomain("lab.example").Should().BeNull();
    }

    [Fact]
    public void Winpop_ReportsItsErrorsAndExitCode()
    {
        var result = AdminCommands.Run(_world, "winpop frobnicate");
        result.ExitCode.Should().Be(2);
        result.Output.Should().StartWith("winpop: unknown command \"frobnicate\"");
    }

    [Fact]
    public void AnUnknownCommand_ListsTheCommands()
    {
        var result = AdminCommands.Run(_world, "maillab smtp vs restart --host rosnou.ru");
        result.Succeeded.Should().BeFalse();
        result.Output.Should().StartWith("Unknown command \"maillab smtp vs restart --host rosnou.ru\". Commands:").And.Contain(AdminCommands.Usage);
    }
}
