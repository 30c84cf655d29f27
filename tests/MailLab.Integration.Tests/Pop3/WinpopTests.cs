using System.Text;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using Snapshooter.Xunit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>winpop's output, snapshot-tested: the classroom flow and every kind of refusal.</summary>
public sealed class WinpopTests
{
    [Fact]
    public async Task ClassroomFlow_Output()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var transcript = new StringBuilder();
        void Run(params string[] args)
        {
            var result = Winpop.Run(pop3, args);
            transcript.Append("> winpop ").Append(string.Join(' ', args)).Append('\n').Append(result.Output).Append(result.Error)
                .Append("[exit ").Append(result.ExitCode).Append("]\n");
        }

        Run("get", "authentication");
        Run("list");
        Run("add", "petr@rosnou.ru", "/createuser", "Secret1");
        Pop3TestSupport.Seed(world.Rosnou, "petr@rosnou.ru", "lab 4");
        Run("list", "rosnou.ru");
        Run("stat", "rosnou.ru");
        Run("lock", "petr@rosnou.ru");
        Run("stat");
        Run("unlock", "petr@rosnou.ru");
        Run("changepwd", "petr@rosnou.ru", "Secret2");
        Run("createquotafile", "petr@rosnou.ru", "/user:petr");
        Run("set", "sparequired", "1");
        Run("get", "sparequired");
        Run("get", "socket");
        Run("set", "authentication", "3");
        Run("delete", "petr@rosnou.ru", "/deleteuser");
        Run("delete", "rosnou.ru");

        Snapshot.Match(transcript.ToString());
    }

    [Fact]
    public async Task Errors_Output()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var transcript = new StringBuilder();
        void Run(params string[] args)
        {
            var result = Winpop.Run(pop3, args);
            transcript.Append("> winpop ").Append(string.Join(' ', args)).Append('\n').Append(result.Output).Append(result.Error)
                .Append("[exit ").Append(result.ExitCode).Append("]\n");
        }

        Run("add", "petr@nowhere.ru");
        Run("add", "rosnou.ru");
        Run("add", "student@rosnou.ru");
        Run("add", "petr@rosnou.ru");
        Run("add", "a/b@rosnou.ru", "/createuser", "Secret1");
        Run("add", "../x@rosnou.ru", "/createuser", "Secret1");
        Run("add", "..@rosnou.ru", "/createuser", "Secret1");
        Run("add", "what?@rosnou.ru", "/createuser", "Secret1");
        Run("add", "abcdefghijklmnopqrstu@rosnou.ru", "/createuser", "Secret1");
        Run("frobnicate");
        Run("get", "colour");
        Run("set", "authentication", "2");

        Snapshot.Match(transcript.ToString());
    }

    [Fact]
    public async Task PasswordFileWithoutCreateUser_IsRefusedInOneLine()
    {
        await using var world = await TestWorld.StartAsync();
        Winpop.Run(world.Rosnou.Pop3, ["delete", "rosnou.ru"]).ExitCode.Should().Be(0);
        Winpop.Run(world.Rosnou.Pop3, ["set", "authentication", "3"]).ExitCode.Should().Be(0);
        Winpop.Run(world.Rosnou.Pop3, ["add", "rosnou.ru"]).ExitCode.Should().Be(0);
        var result = Winpop.Run(world.Rosnou.Pop3, ["add", "petr@rosnou.ru"]);
        result.ExitCode.Should().Be(1);
        result.Error.Should().Be("winpop: The encrypted password file method requires /createuser Password.\n");
    }
}
