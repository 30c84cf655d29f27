using MailLab.Admin;
using MailLab.Integration.Tests.Admin;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Exchange;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>`maillab exchange …` against a running server's REST API: the output, the effect on delivery, and the same text in process (the scenarios' step).</summary>
public sealed class ExchangeCliTests : SmtpCliTestBase
{
    private const string Store = "\"Mailbox Store (ROSNOU)\"";

    [Fact]
    public async Task DismountingTheStore_QueuesTheMail_AndMountingDeliversIt_ThroughTheCli()
    {
        Install(ExchangeEdition.Standard);

        (await Cli(Words($"exchange store dismount {Store} --host rosnou.ru"))).Output.Should().StartWith(
            "Mailbox Store (ROSNOU) [mailbox] in First Storage Group: dismounted, ");
        await SendAsIvanAsync("student@rosnou.ru", "While dismounted");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().BeEmpty();

        (await Cli(Words($"exchange store mount {Store} --host rosnou.ru"))).Exit.Should().Be(0);
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("While dismounted");

        var mailboxes = await Cli(Words($"exchange mailboxes --store {Store} --host rosnou.ru"));
        mailboxes.Output.Should().MatchRegex(@"(?m)^student <student@rosnou\.ru> on Mailbox Store \(ROSNOU\): [1-9][0-9]* KB, 1 item\(s\), last logon never, last logoff never$");
        (await Cli(Words("exchange stores --host rosnou.ru"))).Output.Should().MatchRegex(
            @"(?m)^Mailbox Store \(ROSNOU\) \[mailbox\] in First Storage Group: mounted, \d+ mailbox\(es\), 1 item\(s\), \d+ bytes$");

        // The same line in process (When the administrator runs "…") prints what the CLI printed.
        AdminCommands.Run(World.World, $"maillab exchange mailboxes --store {Store} --host rosnou.ru").Output.Should().Be(mailboxes.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task StoppingAServiceWithDependents_AsksFirst_AndStopsThemWithStopDependents()
    {
        Install(ExchangeEdition.Standard);

        (await Cli(Words("exchange services --host rosnou.ru"))).Output.Should().Contain(
            "Microsoft Exchange Information Store (MSExchangeIS): Running, Automatic\n");

        var asked = await Cli(Words("exchange service stop MSExchangeSA --host rosnou.ru"));
        asked.Exit.Should().Be(1);
        asked.Error.Should().StartWith("When MSExchangeSA stops, these other services will also stop: ")
            .And.Contain("Microsoft Exchange Information Store").And.Contain("add --stop-dependents");
        World.Rosnou.Exchange!.Services.Find("MSExchangeIS")!.Status.Should().Be(Mail.Services.ServiceStatus.Running);
        AdminCommands.Run(World.World, "exchange service stop MSExchangeSA --host rosnou.ru").Output.Should().Be(asked.Error.TrimEnd('\n'));

        var stopped = await Cli(Words("exchange service stop MSExchangeSA --stop-dependents --host rosnou.ru"));
        stopped.Output.Should().Contain("Microsoft Exchange Information Store: Running -> Stopped\n")
            .And.Contain("Microsoft Exchange System Attendant: Running -> Stopped\n");
        World.Rosnou.Exchange.Services.Find("MSExchangeIS")!.Status.Should().Be(Mail.Services.ServiceStatus.Stopped);

        (await Cli(Words("exchange service start MSExchangeIS --host rosnou.ru"))).Output.Should()
            .Contain("Microsoft Exchange System Attendant: Stopped -> Running\n").And.Contain("Microsoft Exchange Information Store: Stopped -> Running\n");
    }

    [Fact]
    public async Task StartupType_Disabled_RefusesStart_OverTheApi_AndInProcess()
    {
        var exchange = Install(ExchangeEdition.Standard);

        exchange.Services.Find("IMAP4Svc")!.Status.Should().Be(Mail.Services.ServiceStatus.Stopped, "Exchange 2003 installs IMAP4 stopped");
        (await Cli(Words("exchange service startup-type IMAP4Svc disabled --host rosnou.ru"))).Output.Should().Be(
            "Microsoft Exchange IMAP4 (IMAP4Svc): Stopped, Disabled\n");
        exchange.Services.Find("IMAP4Svc")!.StartupType.Should().Be(Mail.Services.ServiceStartupType.Disabled);
        (await Cli(Words("exchange service start IMAP4Svc --host rosnou.ru"))).Error.Should().Contain("1058");

        // The display name works too, and a running service keeps running when it becomes Manual.
        AdminCommands.Run(World.World, "maillab exchange service startup-type \"Microsoft Exchange POP3\" Automatic --host rosnou.ru").Output.Should().Be(
            $"Microsoft Exchange POP3 (POP3Svc): {exchange.Services.Find("POP3Svc")!.Status}, Automatic");
        (await Cli(Words("exchange service startup-type MSExchangeIS manual --host rosnou.ru"))).Output.Should().Be(
            "Microsoft Exchange Information Store (MSExchangeIS): Running, Manual\n");

        (await Cli(Words("exchange service startup-type IMAP4Svc sometimes --host rosnou.ru"))).Error.Should().Be(
            "Unknown startup type \"sometimes\": automatic, manual or disabled.\n");
        (await Cli(Words("exchange service startup-type Nothing manual --host rosnou.ru"))).Exit.Should().Be(1);
        (await Cli(Words("exchange service startup-type IMAP4Svc --host rosnou.ru"))).Exit.Should().Be(1);
    }

    [Fact]
    public async Task MoveMailbox_MovesItToTheOtherStore_AndLogonsListsNobody()
    {
        var exchange = Install(ExchangeEdition.Enterprise);
        var second = exchange.CreateStore(exchange.StorageGroups[0], "Mailbox Store 2", ExchangeStoreKind.Mailbox);
        exchange.Mount(second);

        (await Cli(Words("exchange move-mailbox student@rosnou.ru --to \"Mailbox Store 2\" --host rosnou.ru"))).Output.Should().StartWith(
            "student <student@rosnou.ru> on Mailbox Store 2: ");
        exchange.StoreOf("student@rosnou.ru").Should().BeSameAs(second);
        (await Cli(Words("exchange logons --host rosnou.ru"))).Output.Should().Be("(none)\n");
    }

    [Fact]
    public async Task DeleteMailbox_ThenCreateMailbox_OverTheApi_AndInProcess()
    {
        var exchange = Install(ExchangeEdition.Standard);

        (await Cli(Words("exchange delete-mailbox student@rosnou.ru --host rosnou.ru"))).Output.Should().StartWith(
            "Deleted the mailbox student@rosnou.ru on Mailbox Store (ROSNOU): disconnected, purged after ");
        exchange.FindMailbox("student@rosnou.ru").Should().BeNull();
        (await Cli(Words("exchange delete-mailbox student@rosnou.ru --host rosnou.ru"))).Error.Should().Be("student@rosnou.ru has no mailbox on ROSNOU.\n");
        (await Cli(Words("exchange create-mailbox student@rosnou.ru --host rosnou.ru"))).Error.Should().StartWith("--store is required");

        (await Cli(Words("exchange create-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --host rosnou.ru"))).Output.Should().StartWith(
            "student <student@rosnou.ru> on Mailbox Store (ROSNOU): 0 KB, 0 item(s)");
        AdminCommands.Run(World.World, "exchange delete-mailbox student@rosnou.ru --host rosnou.ru").Output.Should().StartWith("Deleted the mailbox student@rosnou.ru");
        AdminCommands.Run(World.World, "exchange create-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --alias stud --host rosnou.ru").Output.Should().StartWith("student <student@rosnou.ru>");
        Mail.Recipients.HostDirectory.Of(World.Rosnou).FindRecipient("stud").Should().NotBeNull();
    }

    [Fact]
    public async Task ReconnectMailbox_GivesTheDisconnectedMailboxBack_OverTheApi_AndInProcess_AndRefusesWithOneLine()
    {
        var exchange = Install(ExchangeEdition.Standard);
        World.Rosnou.AddAccount("teacher@rosnou.ru", "teacher123");
        exchange.CreateMailbox("teacher@rosnou.ru", exchange.FindStore("Mailbox Store (ROSNOU)")!);
        AdminCommands.Run(World.World, "exchange delete-mailbox student@rosnou.ru --host rosnou.ru");

        (await Cli(Words("exchange reconnect-mailbox student@rosnou.ru --host rosnou.ru"))).Error.Should().StartWith("--store is required");
        (await Cli(Words("exchange reconnect-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --owner nobody@rosnou.ru --host rosnou.ru"))).Error.Should().Be(
            "There is no user nobody@rosnou.ru in the directory of rosnou.ru: Reconnect needs an existing user without a mailbox.\n");
        (await Cli(Words("exchange reconnect-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --owner teacher@rosnou.ru --host rosnou.ru"))).Error.Should().Be(
            "teacher@rosnou.ru already has a mailbox on \"Mailbox Store (ROSNOU)\": Reconnect needs a user without a mailbox.\n");
        (await Cli(Words("exchange reconnect-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --host rosnou.ru"))).Output.Should().StartWith(
            "student <student@rosnou.ru> on Mailbox Store (ROSNOU): ");
        exchange.FindMailbox("student@rosnou.ru").Should().NotBeNull();

        AdminCommands.Run(World.World, "exchange delete-mailbox student@rosnou.ru --host rosnou.ru");
        AdminCommands.Run(World.World, "exchange reconnect-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --owner student@rosnou.ru --host rosnou.ru").Output
            .Should().StartWith("student <student@rosnou.ru> on Mailbox Store (ROSNOU): ");
        AdminCommands.Run(World.World, "exchange reconnect-mailbox student@rosnou.ru --store \"Mailbox Store (ROSNOU)\" --host rosnou.ru").Output
            .Should().Be("There is no disconnected mailbox student@rosnou.ru on \"Mailbox Store (ROSNOU)\".", "it was reconnected");
    }

    [Fact]
    public async Task Refusals_AreOneLineOnStderr_WithExitCode1()
    {
        Install(ExchangeEdition.Standard);

        (await Cli(Words("exchange stores"))).Error.Should().StartWith("Say which Exchange server with --host HOST");
        (await Cli(Words("exchange stores --host mail.ru"))).Error.Should().Be("\"mail.ru\" is not an Exchange server (its topology has no exchange block).\n");
        AdminCommands.Run(World.World, "exchange stores --host mail.ru").Output.Should().Be("\"mail.ru\" is not an Exchange server (its topology has no exchange block).");
        (await Cli(Words("exchange store mount Nowhere --host rosnou.ru"))).Error.Should().Be("No store \"Nowhere\" on ROSNOU.\n");
        (await Cli(Words("exchange service start Nothing --host rosnou.ru"))).Exit.Should().Be(1);
        (await Cli(Words("exchange move-mailbox student@rosnou.ru --host rosnou.ru"))).Error.Should().StartWith("--to is required");
        var already = await Cli(Words("exchange service start MSExchangeIS --host rosnou.ru"));
        already.Exit.Should().Be(1);
        already.Error.Should().Contain("1056");
    }

    private ExchangeServer Install(ExchangeEdition edition) => ExchangeSetup.Install(World.Rosnou, edition);
}
