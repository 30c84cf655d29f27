using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using MailLab.Mail.Topology;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>
/// Quota files (winpop createquotafile): a real limit on the mailbox, enforced by SMTP over TCP with
/// 552 5.2.2, and an NDR in the sender's mailbox when the mail came through a relay.
/// </summary>
public sealed class Pop3QuotaTests
{
    [Fact]
    public async Task CreateQuotaFile_GivesTheVolumesDefaultLimit_OverItSmtpRefuses552_AndTheRelayingSenderGetsAnNdr()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.DefaultQuotaBytes = 600;
        Winpop.Run(pop3, ["add", "petr@rosnou.ru", "/createuser", "Secret1"]).ExitCode.Should().Be(0);

        var created = Winpop.Run(pop3, ["createquotafile", "petr@rosnou.ru"]);
        created.Should().Be(new WinpopResult(0, "Created the quota file of petr@rosnou.ru for user petr: limit 600 bytes, 0 used.\n", ""));

        // Below the limit SMTP accepts; once the mail fills it, the next RCPT gets 552 5.2.2.
        var refused = 0;
        for (var i = 0; i < 10 && refused == 0; i++)
        {
            try
            {
                await Pop3TestSupport.SendDirectAsync(world, "petr@rosnou.ru", $"filler {i}");
            }
            catch (SmtpCommandException e) when (e.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
            {
                e.Message.Should().Be("5.2.2 petr@rosnou.ru: mailbox full");
                refused = i;
            }
        }

        refused.Should().BeGreaterThan(0, "the first messages fit in 600 bytes");
        var quota = pop3.QuotaOf(pop3.FindMailbox("petr@rosnou.ru")!)!;
        quota.UsedBytes.Should().BeGreaterThanOrEqualTo(600).And.Be(pop3.Usage(pop3.FindMailbox("petr@rosnou.ru")!).Bytes);

        await DeliveryPipelineTests.SubmitAsIvanAsync(world, "petr@rosnou.ru", "one too many");
        await world.World.Work.WhenIdleAsync();
        var ndr = Dsn.Read(world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject);
        ndr.For("petr@rosnou.ru")["Status"].Should().Be("5.2.2");
        ndr.For("petr@rosnou.ru")["Action"].Should().Be("failed");
        pop3.Usage(pop3.FindMailbox("petr@rosnou.ru")!).Messages.Should().Be(refused, "nothing more reached the full mailbox, and its user is not told");
    }

    [Fact]
    public async Task QuotaFileForAnotherUser_ChargesThatUsersLimit_SoTheMailboxesShareIt()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.AddMailbox("petr@rosnou.ru", "Secret1");
        pop3.AddMailbox("olga@rosnou.ru", "Secret2");
        pop3.SetQuota("petr@rosnou.ru", 300);

        Winpop.Run(pop3, ["createquotafile", "olga@rosnou.ru", "/user:petr"]).Output
            .Should().Be("Created the quota file of olga@rosnou.ru for user petr: limit 300 bytes, 0 used.\n");
        Winpop.Run(pop3, ["createquotafile", "olga@rosnou.ru", "/user:nobody"])
            .Should().Be(new WinpopResult(1, "", "winpop: There is no user nobody.\n"));

        // Mail for petr fills petr's quota, so olga (charged to petr) is refused too.
        await Pop3TestSupport.SendDirectAsync(world, "petr@rosnou.ru", "big enough to fill three hundred bytes of quota");
        var toOlga = () => Pop3TestSupport.SendDirectAsync(world, "olga@rosnou.ru", "refused");
        (await toOlga.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ExceededStorageAllocation);
        pop3.QuotaOf(pop3.FindMailbox("olga@rosnou.ru")!).Should().Be(pop3.QuotaOf(pop3.FindMailbox("petr@rosnou.ru")!));
    }

    [Fact]
    public async Task MailboxWithoutQuotaFile_HasNoLimit()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.DefaultQuotaBytes = 1;

        await Pop3TestSupport.SendDirectAsync(world, "student@rosnou.ru", "first");
        await Pop3TestSupport.SendDirectAsync(world, "student@rosnou.ru", "second");

        pop3.QuotaOf(pop3.FindMailbox("student@rosnou.ru")!).Should().BeNull();
        pop3.Usage(pop3.FindMailbox("student@rosnou.ru")!).Messages.Should().Be(2);
    }

    [Fact]
    public async Task QuotaFromTheTopologyFile_IsEnforcedBySmtpOverTcp()
    {
        const string Yaml = """
            hosts:
              - name: rosnou.ru
                smtp:
                  virtualServers:
                    - { name: Default SMTP Virtual Server, port: 0, domains: [ { name: rosnou.ru, type: local } ] }
                pop3:
                  domains:
                    - name: rosnou.ru
                      mailboxes:
                        - { user: petr, password: Secret1, quota: 1 }
            """;
        var world = TopologyLoader.LoadText(Yaml, "quota.yaml", new FakeTimeProvider(), portsToZero: true);
        await using var server = new MailLabServer(world);
        await server.StartAsync();
        var endPoint = server.GetEndPoint(world.Hosts[0].Smtp.VirtualServers[0])!;

        using var client = await MailKitClients.ConnectSmtpAsync(server, endPoint, SecureSocketOptions.None);
        var message = new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse("petr@rosnou.ru")], "fits", new TextPart("plain") { Text = "hello" });
        await client.SendAsync(message);
        var second = () => client.SendAsync(message);
        (await second.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ExceededStorageAllocation);
    }

    [Fact]
    public async Task PickupMailForAFullMailbox_IsNotStored_AndItsSenderGetsAnNdr()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.AddMailbox("petr@rosnou.ru", "Secret1");
        pop3.SetQuota("petr@rosnou.ru", 200);
        var vs = TestWorld.Vs(world.Rosnou);
        MailLab.Mail.Delivery.PickupAgent.Drop(vs, System.Text.Encoding.ASCII.GetBytes(
            "From: student@rosnou.ru\r\nTo: petr@rosnou.ru\r\nSubject: fills it\r\n\r\n" + new string('x', 300) + "\r\n"));
        await world.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        pop3.IsOverQuota("petr@rosnou.ru").Should().BeTrue("the first message went in under the limit and filled it");

        MailLab.Mail.Delivery.PickupAgent.Drop(vs, System.Text.Encoding.ASCII.GetBytes(
            "From: student@rosnou.ru\r\nTo: petr@rosnou.ru\r\nSubject: too much\r\n\r\nHi\r\n"));
        await world.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        world.Rosnou.Mailboxes.Find("petr@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("fills it");
        var ndr = Dsn.Read(world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject);
        ndr.For("petr@rosnou.ru")["Status"].Should().Be("5.2.2");
    }
}
