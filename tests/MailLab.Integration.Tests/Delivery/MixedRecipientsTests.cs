using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>One message for local and remote recipients: the dispatcher splits the envelope.</summary>
public sealed class MixedRecipientsTests
{
    private static readonly string Yaml = $$"""
        hosts:
        {{Topologies.MailRu()}}
          - name: rosnou.ru
            address: 203.0.113.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: rosnou.ru, type: local }
            accounts:
              - { address: student@rosnou.ru, password: student123 }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task LocalMailboxDropAndRemote_EachGetsTheMessageOnceWithItsOwnEnvelope()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        var id = await world.SendAsIvanAsync("for everyone", "petr@mail.ru", "student@rosnou.ru", "nobody@mail.ru");
        await world.IdleAsync();

        var petr = world.Host("mail.ru").Mailboxes.Find("petr@mail.ru")!.Messages.Should().ContainSingle().Subject;
        petr.Recipients.Should().Equal("petr@mail.ru");
        petr.Id.Should().Be(id);
        var drop = world.Vs("mail.ru").HomeDirectory.Drop.Files.Should().ContainSingle().Subject;
        drop.Name.Should().Be($"{id}.eml");
        drop.Message.Recipients.Should().Equal("nobody@mail.ru");

        var student = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        student.Recipients.Should().Equal("student@rosnou.ru");
        student.Sender.Should().Be("ivan@mail.ru");
        student.TraceId.Should().Be(id);

        world.StageTexts(id).Should().ContainInOrder(
            $"mail.ru Received: Accepted {id} from <ivan@mail.ru> for petr@mail.ru, student@rosnou.ru, nobody@mail.ru ({petr.Size} octets); authenticated as ivan@mail.ru",
            "mail.ru Cleanup: Added a Received header",
            "mail.ru DeliveredToMailbox: Delivered to the mailbox petr@mail.ru",
            $@"mail.ru DeliveredToDrop: Written to C:\Inetpub\mailroot\Drop\{id}.eml for nobody@mail.ru",
            $"mail.ru Queued: Queued {id} for student@rosnou.ru",
            "mail.ru MxLookup: MX rosnou.ru: 10 rosnou.ru",
            "mail.ru Connecting: Connecting to rosnou.ru",
            "rosnou.ru DeliveredToMailbox: Delivered to the mailbox student@rosnou.ru");
        world.StageEvents(id).Where(e => e.Kind == TraceKind.Received && e.Host == "rosnou.ru").Should().ContainSingle()
            .Which.Text.Should().Contain(" for student@rosnou.ru (");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task LocalDeliveredAndRemoteUndeliverable_OnlyTheRemoteOneIsReported()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);
        await world.SendAsIvanAsync("half lost", "petr@mail.ru", "someone@void.example");
        await world.IdleAsync();

        world.Host("mail.ru").Mailboxes.Find("petr@mail.ru")!.Count.Should().Be(1);
        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var dsn = Dsn.Read(ndr);
        dsn.Recipients.Should().ContainSingle().Which["Final-Recipient"].Should().Be("rfc822; someone@void.example");
    }
}
