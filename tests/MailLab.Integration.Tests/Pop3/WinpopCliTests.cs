using MailLab.Cli.Commands;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>`maillab winpop` against the admin API, as against a running `maillab up`.</summary>
public sealed class WinpopCliTests : ApiTestBase
{
    [Fact]
    public async Task AddDomainAndMailbox_OverHttp_ThenPop3LogonWorks()
    {
        (await RunAsync("add", "rosnou.ru")).Should().Be((0, "Added domain rosnou.ru.\n", ""));
        (await RunAsync("add", "petr@rosnou.ru", "/createuser", "Secret1")).Should().Be((0, "Added mailbox petr@rosnou.ru and created its user.\n", ""));

        using var client = await World.ConnectPop3Async(World.Rosnou);
        await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Help_PrintsUsage_BadSyntaxPrintsReasonAndUsage_UnknownDomainOneLine()
    {
        var help = await RunAsync("help");
        help.Exit.Should().Be(0);
        help.Output.Should().StartWith("Usage:");

        var bad = await RunAsync("lock");
        bad.Exit.Should().Be(2);
        bad.Error.Should().StartWith("winpop: lock takes Domain or User@Domain\n\nUsage:");

        (await RunAsync("stat", "nowhere.ru")).Should().Be((1, "", "winpop: The domain nowhere.ru does not exist.\n"));
    }

    [Fact]
    public async Task UnknownServerOrUnreachableApi_ExitsNonZeroWithOneLine()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        (await WinpopCommand.RunAsync(Http.BaseAddress!.ToString(), "nowhere.ru", ["list"], output, error)).Should().Be(1);
        error.ToString().Should().Be("winpop: 404 No server \"nowhere.ru\".\n");

        error = new StringWriter();
        (await WinpopCommand.RunAsync("http://127.0.0.1:1", "rosnou.ru", ["list"], output, error)).Should().Be(1);
        error.ToString().Should().StartWith("winpop: cannot reach MailLab at http://127.0.0.1:1").And.EndWith("`maillab up`\n");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WinpopCommand.RunAsync(Http.BaseAddress!.ToString(), "rosnou.ru", args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
