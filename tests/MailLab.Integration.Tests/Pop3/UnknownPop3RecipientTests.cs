using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using MailLab.Mail.Smtp;
using MimeKit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>
/// Mail for a user that has no mailbox in a POP3 domain. As IIS 6 with the Windows Server 2003 POP3
/// service: RCPT is accepted (no recipient filtering), then the delivery fails and the sender gets a
/// non-delivery report with 5.1.1; nothing lands in Drop. A plain IIS local domain keeps Drop.
/// MailKit's SmtpClient over TCP is the sender.
/// </summary>
public sealed class UnknownPop3RecipientTests
{
    [Fact]
    public async Task NobodyAtMailRu_SubmittedOverTcp_Is250_ThenIvanGetsAn5_1_1Ndr_AndDropStaysEmpty()
    {
        await using var world = await TestWorld.StartAsync();

        await SendAsIvanAsync(world, world.MailRu, "nobody@mail.ru", "to nobody");
        await world.World.Work.WhenIdleAsync();

        var ndr = NdrsOf(world).Should().ContainSingle().Subject;
        ndr.Should().Contain("Final-Recipient: rfc822; nobody@mail.ru").And.Contain("Status: 5.1.1").And.Contain("no such mailbox in the POP3 domain mail.ru");
        TestWorld.Vs(world.MailRu).HomeDirectory.Drop.Files.Should().BeEmpty("a POP3 domain's mail never goes to Drop");
        world.MailRu.Mailboxes.Find("nobody@mail.ru").Should().BeNull();
    }

    [Fact]
    public async Task UnknownUserOfAPop3DomainMadeWithWinpop_RelayedToRosnou_BouncesBackToIvan_ButItsMailboxesStillReceive()
    {
        await using var world = await TestWorld.StartAsync();
        Winpop.Run(world.Rosnou.Pop3, ["add", "lab.rosnou.ru"]).ExitCode.Should().Be(0);
        Winpop.Run(world.Rosnou.Pop3, ["add", "petr@lab.rosnou.ru", "/createuser", "Secret1"]).ExitCode.Should().Be(0);
        world.World.Dns.AddMx("lab.rosnou.ru", 10, "rosnou.ru");

        await SendAsIvanAsync(world, world.MailRu, ["petr@lab.rosnou.ru", "olga@lab.rosnou.ru"], "lab 5");
        await world.World.Work.WhenIdleAsync();

        world.Rosnou.Mailboxes.Find("petr@lab.rosnou.ru")!.Messages.Should().ContainSingle(m => m.Subject == "lab 5");
        var ndr = NdrsOf(world).Should().ContainSingle().Subject;
        ndr.Should().Contain("Final-Recipient: rfc822; olga@lab.rosnou.ru").And.Contain("Status: 5.1.1").And.NotContain("Final-Recipient: rfc822; petr@lab.rosnou.ru");
        TestWorld.Vs(world.Rosnou).HomeDirectory.Drop.Files.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownUserOfAPlainIisLocalDomain_StillGoesToDrop()
    {
        await using var world = await TestWorld.StartAsync();
        TestWorld.Vs(world.Rosnou).Domains.Add("students.rosnou.ru", SmtpDomainType.LocalAlias);

        await SendAsIvanAsync(world, world.Rosnou, "anyone@students.rosnou.ru", "no POP3 here");
        await world.World.Work.WhenIdleAsync();

        TestWorld.Vs(world.Rosnou).HomeDirectory.Drop.Files.Should().ContainSingle().Which.Message.Recipients.Should().Equal("anyone@students.rosnou.ru");
        NdrsOf(world).Should().BeEmpty();
    }

    private static Task SendAsIvanAsync(TestWorld world, Mail.World.MailHost host, string to, string subject) => SendAsIvanAsync(world, host, [to], subject);

    /// <summary>MailKit over TCP; on mail.ru as ivan with AUTH (he may relay), on rosnou.ru anonymously.</summary>
    private static async Task SendAsIvanAsync(TestWorld world, Mail.World.MailHost host, string[] to, string subject)
    {
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(host));
        if (host == world.MailRu)
        {
            await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        }

        var message = new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], to.Select(MailboxAddress.Parse), subject, new TextPart("plain") { Text = "Hi" });
        await client.SendAsync(message); // every RCPT answered 250: the failure comes as an NDR
        await client.DisconnectAsync(true);
    }

    /// <summary>The delivery status reports in ivan's mailbox, as text.</summary>
    private static string[] NdrsOf(TestWorld world) =>
        world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Where(m => m.Sender.Length == 0)
            .Select(m => System.Text.Encoding.UTF8.GetString(m.Data)).ToArray();
}
