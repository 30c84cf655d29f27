using MailLab.Cli.Commands;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>`maillab winpop` against the admin API, as against a running `maillab up`.</summary>
public sealed class WinpopCliTests : ApiTestBase
{
    [Fact]
    public async Task OnAFreshDefaultWorld_TheDefaultMailboxesAreListed_AndAddMailboxWorksWithoutAddingTheDomain_ThenPop3LogonWorks()
    {
        (await RunOnAsync(null, "list")).Should().Be((0, "Domains:\n  rosnou.ru\n1 domain(s)\n", ""));
        (await RunOnAsync("mail.ru", "list", "mail.ru")).Should().Be((0, "Mailboxes in domain mail.ru:\n  ivan\n1 mailbox(es)\n", ""));
        (await RunOnAsync(null, "add", "petr@rosnou.ru", "/createuser", "Secret1")).Should().Be((0, "Added mailbox petr@rosnou.ru and created its user.\n", ""));

        using var client = await World.ConnectPop3Async(World.Rosnou);
        await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task WithoutHost_ADomainOfAnotherHost_IsAdministeredOnThatHost_NotTakenOverByRosnou()
    {
        (await RunOnAsync(null, "add", "mail.ru")).Should().Be((1, "", "winpop: The domain mail.ru already exists.\n"));
        (await RunOnAsync(null, "add", "olga@mail.ru", "/createuser", "Olga123")).Should().Be((0, "Added mailbox olga@mail.ru and created its user.\n", ""));

        World.Rosnou.Pop3.FindDomain("mail.ru").Should().BeNull("rosnou.ru must not become a second home for mail.ru's mail");
        TestWorld.Vs(World.Rosnou).Domains.Find("mail.ru").Should().BeNull();
        World.MailRu.Pop3.FindMailbox("olga@mail.ru").Should().NotBeNull();
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

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunOnAsync("rosnou.ru", args);

    /// <summary>`maillab winpop ARGS --host HOST`, or without --host when <paramref name="host"/> is null.</summary>
    private async Task<(int Exit, string Output, string Error)> RunOnAsync(string? host, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WinpopCommand.RunAsync(Http.BaseAddress!.ToString(), host, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
