using MailLab.Admin;
using MailLab.Integration.Tests.Admin;
using MailLab.Mail.Exchange;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>`maillab ad …` against a running server's REST API: the output, the effect, and the same text in process (the scenarios' step).</summary>
public sealed class AdCliTests : SmtpCliTestBase
{
    [Fact]
    public async Task UsersGroupsContactsAndAddresses_ThroughTheCli()
    {
        World.Rosnou.Exchange = ExchangeServer.Install(World.Rosnou.Name, "RosNOU");

        (await Cli(Words("ad user create student@rosnou.ru --first-name Petr --last-name Sidorov --host rosnou.ru"))).Output.Should().StartWith(
            "student [user] (student@rosnou.ru): SMTP:student@rosnou.ru\nalias: student\ndisplay name: Petr Sidorov\nmaxSendingSizeKb = null\n");
        (await Cli(Words("ad user addresses student --add smtp:petr.sidorov@rosnou.ru --host rosnou.ru"))).Output.Should().StartWith(
            "student [user] (student@rosnou.ru): SMTP:student@rosnou.ru, smtp:petr.sidorov@rosnou.ru\n");
        (await Cli(Words("ad contact create \"Ivan (mail.ru)\" ivan@mail.ru --alias ivan.mailru --host rosnou.ru"))).Output.Should().StartWith(
            "Ivan (mail.ru) [contact] -> ivan@mail.ru: SMTP:ivan.mailru@rosnou.ru\n");
        (await Cli(Words("ad group create students --members student --host rosnou.ru"))).Exit.Should().Be(0);
        (await Cli(Words("ad group add-member students ivan.mailru --host rosnou.ru"))).Exit.Should().Be(0);
        (await Cli(Words("ad group list --host rosnou.ru"))).Output.Should().Be(
            "students [group]: SMTP:students@rosnou.ru; members: student@rosnou.ru, Ivan (mail.ru)\n");
        (await Cli(Words("ad user set student maxReceivingSizeKb 2048 --host rosnou.ru"))).Output.Should().Be("maxReceivingSizeKb = 2048\n");
        (await Cli(Words("ad user features student --imap4 disabled --host rosnou.ru"))).Output.Should().Be("pop3 = enabled\nimap4 = disabled\nowa = enabled\n");

        World.Rosnou.Pop3.Directory.User("student@rosnou.ru").Settings.Should().Match<Mail.Recipients.RecipientSnapshot>(s => s.MaxReceivingSizeKb == 2048 && !s.Imap4Enabled);
        await SendAsIvanAsync("students@rosnou.ru", "through the group");
        await World.World.Work.WhenIdleAsync();
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("through the group");
        World.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("through the group");

        // The same line in process (When the administrator runs "…") prints what the CLI printed.
        var cli = await Cli(Words("ad user get student maxReceivingSizeKb --host rosnou.ru"));
        AdminCommands.Run(World.World, "maillab ad user get student maxReceivingSizeKb --host rosnou.ru").Output.Should().Be(cli.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task Refusals_AreOneLineOnStderr_WithExitCode1()
    {
        World.Rosnou.Exchange = ExchangeServer.Install(World.Rosnou.Name, "RosNOU");

        var unknown = await Cli(Words("ad user set student maxSize 1 --host rosnou.ru"));
        unknown.Exit.Should().Be(1);
        unknown.Error.Should().StartWith("Unknown setting \"maxSize\"").And.Contain("maxSendingSizeKb");
        (await Cli(Words("ad group add-member students nobody --host rosnou.ru"))).Error.Should().Be("There is no distribution group \"students\" in the directory rosnou.ru.\n");
        AdminCommands.Run(World.World, "ad group add-member students nobody --host rosnou.ru").Output.Should().Be("There is no distribution group \"students\" in the directory rosnou.ru.");
        (await Cli(Words("ad user addresses student --add x400:c=RU --host rosnou.ru"))).Error.Should().StartWith("\"x400:c=RU\" is not an SMTP address");
        (await Cli(Words("ad user list"))).Error.Should().StartWith("Say which organisation with --host HOST");
        (await Cli(Words("ad user show nobody --host rosnou.ru"))).Exit.Should().Be(1);
        AdminCommands.Run(World.World, "ad user show nobody --host rosnou.ru").Output.Should().Be("There is no user, contact or group \"nobody\" in the directory rosnou.ru.");
    }
}
