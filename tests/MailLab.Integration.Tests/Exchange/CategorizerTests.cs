using MailLab.Integration.Tests.Delivery;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>
/// Exchange's categorizer on rosnou.ru: proxy addresses, distribution groups (nested, with a loop),
/// contacts, forwarding and the delivery restrictions, each through SMTP from mail.ru as Ivan sends
/// it, asserted on what each mailbox received and on the NDR Ivan got back.
/// </summary>
public sealed class CategorizerTests
{
    internal static string Yaml(string users = "", string extra = "") => $$"""
        hosts:
        {{Topologies.MailRu()}}
          - name: rosnou.ru
            address: 203.0.113.10
            smtp: { virtualServers: [ { name: Default SMTP Virtual Server, port: 0, domains: [ { name: rosnou.ru, type: local } ] } ] }
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }
            # Exchange's POP3 and IMAP4 services are disabled by default; the Exchange Features tests log on through them.
            exchange: { organization: RosNOU, services: [ { name: POP3Svc, startupType: automatic, status: running }, { name: IMAP4Svc, startupType: automatic, status: running } ] }
            pop3: { port: 0, domains: [ { name: rosnou.ru, mailboxes: [ { user: student }, { user: teacher } ] } ] }
            imap: { port: 0 }

        directories:
          - name: rosnou.ru
            recipientPolicies:
              - { name: RosNOU users, priority: 1, addresses: ["SMTP:%m@rosnou.ru", "smtp:%g.%s@rosnou.ru", "smtp:%1g%s@staff.rosnou.ru"] }
            users:
              - { address: student@rosnou.ru, firstName: Petr, lastName: Sidorov{{users}} }
              - { address: teacher@rosnou.ru, firstName: Anna, lastName: Ivanova }
            contacts:
              - { name: Ivan (mail.ru), alias: ivan.mailru, externalAddress: ivan@mail.ru }
            groups:
              - { name: students, members: [student, staff] }
              - { name: staff, members: [teacher, students, ivan.mailru] }
        {{extra}}
        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
          - { name: staff.rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
        """;

    [Fact]
    public async Task ASecondaryProxyAddressAndTheAccount_ReachTheUsersMailboxOnce()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        var id = await world.SendAsIvanAsync("proxies", "petr.sidorov@rosnou.ru", "student@rosnou.ru");
        await world.IdleAsync();

        var stored = Inbox(world, "student@rosnou.ru").Should().ContainSingle().Subject;
        stored.Subject.Should().Be("proxies");
        stored.Recipients.Should().Equal("student@rosnou.ru");
        world.StageTexts(id).Should().Contain([
            "rosnou.ru Categorized: petr.sidorov@rosnou.ru is a proxy address of student@rosnou.ru: delivered to its mailbox",
            "rosnou.ru Categorized: student@rosnou.ru was reached again: already resolved, not delivered twice",
            "rosnou.ru DeliveredToMailbox: Delivered to the mailbox student@rosnou.ru in the store Mailbox Store (ROSNOU)"]);
        world.World.Trace.FindSummary(id)!.Delivery.Recipients.Should().OnlyContain(r => r.State == RecipientState.Delivered);
    }

    [Fact]
    public async Task AProxyAddressInADomainNotInTheDomainList_IsAcceptedAndDelivered()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        var id = await world.SendAsIvanAsync("staff domain", "psidorov@staff.rosnou.ru");
        await world.IdleAsync();

        Inbox(world, "student@rosnou.ru").Should().ContainSingle().Which.Subject.Should().Be("staff domain");
        world.StageTexts(id).Should().Contain("rosnou.ru Categorized: psidorov@staff.rosnou.ru is a proxy address of student@rosnou.ru: delivered to its mailbox");
    }

    [Fact]
    public async Task ANestedGroupWithALoop_ExpandsOnce_AndEachMemberGetsOneCopy()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        var id = await world.SendAsIvanAsync("to the group", "students@rosnou.ru", "student@rosnou.ru");
        await world.IdleAsync();

        Inbox(world, "student@rosnou.ru").Should().ContainSingle();
        Inbox(world, "teacher@rosnou.ru").Should().ContainSingle().Which.Subject.Should().Be("to the group");
        // The contact in staff relays the group's mail to ivan@mail.ru, once.
        Inbox(world, "ivan@mail.ru", "mail.ru").Should().ContainSingle().Which.Subject.Should().Be("to the group");
        world.StageTexts(id).Should().Contain([
            "rosnou.ru Categorized: Expanded the distribution group students <students@rosnou.ru> to student@rosnou.ru, staff",
            "rosnou.ru Categorized: Expanded the distribution group staff <staff@rosnou.ru> to teacher@rosnou.ru, students, Ivan (mail.ru)",
            "rosnou.ru Categorized: The distribution group students was reached again through staff: already resolved, not delivered twice",
            "rosnou.ru Categorized: The contact Ivan (mail.ru) <ivan.mailru@rosnou.ru>: relayed to its external address ivan@mail.ru"]);
    }

    [Fact]
    public async Task AContactsAddressInOurDomain_IsRelayedToItsExternalAddress()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        var id = await world.SendAsIvanAsync("to the contact", "ivan.mailru@rosnou.ru");
        await world.IdleAsync();

        Inbox(world, "ivan@mail.ru", "mail.ru").Should().ContainSingle().Which.Recipients.Should().Equal("ivan@mail.ru");
        world.StageTexts(id).Should().Contain("rosnou.ru Categorized: The contact Ivan (mail.ru) <ivan.mailru@rosnou.ru>: relayed to its external address ivan@mail.ru");
    }

    [Fact]
    public async Task AReceivingSizeLimit_ReturnsTheMessageWith523()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(", maxReceivingSizeKb: 1"));
        await world.SendAsync("mail.ru", "ivan@mail.ru", ["student@rosnou.ru", "teacher@rosnou.ru"], new string('x', 2000), "ivan@mail.ru", "ivan123");
        await world.IdleAsync();

        Inbox(world, "student@rosnou.ru").Should().BeEmpty();
        Inbox(world, "teacher@rosnou.ru").Should().ContainSingle();
        var ndr = Dsn.Read(Inbox(world, "ivan@mail.ru", "mail.ru").Should().ContainSingle().Subject);
        ndr.For("student@rosnou.ru")["Status"].Should().Be("5.2.3");
        ndr.For("student@rosnou.ru")["Diagnostic-Code"].Should().Contain("This message is larger than the current system limit");
    }

    [Fact]
    public async Task AcceptMessagesOnlyFromAGroup_RefusesOthersWith571_AndTakesItsMembers()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(", acceptMessagesFrom: [staff]"));
        await world.SendAsIvanAsync("from ivan", "student@rosnou.ru");
        await world.SendAsync("rosnou.ru", "teacher@rosnou.ru", ["student@rosnou.ru"], "from teacher");
        await world.IdleAsync();

        // Ivan is in staff through the contact; teacher directly. A sender outside: mail.ru's petr.
        Inbox(world, "student@rosnou.ru").Select(m => m.Subject).Should().BeEquivalentTo("from ivan", "from teacher");
        await world.SendAsync("mail.ru", "petr@mail.ru", ["student@rosnou.ru"], "from petr", "petr@mail.ru", "petr123");
        await world.IdleAsync();
        var ndr = Dsn.Read(Inbox(world, "petr@mail.ru", "mail.ru").Should().ContainSingle().Subject);
        ndr.For("student@rosnou.ru")["Status"].Should().Be("5.7.1");
        ndr.For("student@rosnou.ru")["Diagnostic-Code"].Should().Contain("You do not have permission to send to this recipient.");
    }

    [Fact]
    public async Task RejectMessagesFrom_RefusesThatSender()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(", rejectMessagesFrom: [ivan@mail.ru]"));
        await world.SendAsIvanAsync("from ivan", "petr.sidorov@rosnou.ru");
        await world.IdleAsync();

        Inbox(world, "student@rosnou.ru").Should().BeEmpty();
        Dsn.Read(Inbox(world, "ivan@mail.ru", "mail.ru").Should().ContainSingle().Subject).For("petr.sidorov@rosnou.ru")["Status"].Should().Be("5.7.1");
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task AForwardingAddress_GetsTheMail_AndTheMailboxTooWithDeliverToBoth(bool both, int inStudentsMailbox)
    {
        await using var world = await YamlWorld.StartAsync(Yaml($", forwardingAddress: teacher, deliverToBoth: {(both ? "true" : "false")}"));
        await world.SendAsIvanAsync("forwarded", "student@rosnou.ru");
        await world.IdleAsync();

        Inbox(world, "teacher@rosnou.ru").Should().ContainSingle().Which.Subject.Should().Be("forwarded");
        Inbox(world, "student@rosnou.ru").Should().HaveCount(inStudentsMailbox);
    }

    [Fact]
    public async Task ASendersRecipientLimit_CountsTheGroupsMembers_AndReturnsAllWith553()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(", maxRecipients: 2"));
        await world.SendAsync("rosnou.ru", "student@rosnou.ru", ["students@rosnou.ru"], "to many");
        await world.IdleAsync();

        Inbox(world, "teacher@rosnou.ru").Should().BeEmpty();
        Inbox(world, "ivan@mail.ru", "mail.ru").Should().BeEmpty();
        var ndr = Dsn.Read(Inbox(world, "student@rosnou.ru").Should().ContainSingle().Subject);
        ndr.Recipients.Select(r => r["Status"]).Should().OnlyContain(s => s == "5.5.3").And.HaveCount(3);
        ndr.For("teacher@rosnou.ru")["Diagnostic-Code"].Should().Contain("The e-mail system limits the number of recipients");
    }

    [Fact]
    public async Task ASendingSizeLimit_ReturnsTheMessageToItsSender()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(", maxSendingSizeKb: 1"));
        await world.SendAsync("rosnou.ru", "student@rosnou.ru", ["teacher@rosnou.ru"], new string('y', 2000));
        await world.IdleAsync();

        Inbox(world, "teacher@rosnou.ru").Should().BeEmpty();
        Dsn.Read(Inbox(world, "student@rosnou.ru").Should().ContainSingle().Subject).For("teacher@rosnou.ru")["Status"].Should().Be("5.2.3");
    }

    private static IReadOnlyList<Mail.Stores.StoredMessage> Inbox(YamlWorld world, string address, string host = "rosnou.ru") =>
        world.Host(host).Mailboxes.Find(address)?.Messages ?? [];
}
