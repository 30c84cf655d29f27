using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Delivery;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// LDAP routing to the host's own Active Directory (the LDAP Routing tab enabled, no server named) on
/// rosnou.ru, an IIS host without Exchange: MailKit over its TCP listener, and Ivan's mail relayed from
/// mail.ru. Without the tab, IIS would put mail for any rosnou.ru address in Drop.
/// </summary>
public sealed class LdapRoutingWorldDirectoryTests
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
                  ldapRouting: { enabled: true }
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }

        directories:
          - name: rosnou.ru
            recipientPolicies:
              - { name: RosNOU users, priority: 1, addresses: ["SMTP:%m@rosnou.ru", "smtp:%g.%s@rosnou.ru"] }
            users:
              - { address: student@rosnou.ru, firstName: Petr, lastName: Sidorov }
              - { address: teacher@rosnou.ru, firstName: Anna, lastName: Ivanova }
            groups:
              - { name: students, members: [student, teacher] }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task ProxyAddress_OverTcp_DeliveredToTheUsersMailbox_TheLookupInTheTrace()
    {
        await using var world = await YamlWorld.StartAsync(Yaml, listenOnTcp: true);

        await OutsideSender.SendAsync(world, "petr.sidorov@rosnou.ru", "through the directory");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Vs("rosnou.ru").HomeDirectory.Drop.Files.Should().BeEmpty();
        Lookups(world).Should().Contain(
            "the Active Directory rosnou.ru: (&(|(objectClass=user)(objectClass=contact)(objectClass=group))(|(mail=petr.sidorov@rosnou.ru)(proxyAddresses=smtp:petr.sidorov@rosnou.ru))) found student@rosnou.ru: <petr.sidorov@rosnou.ru> is delivered to student@rosnou.ru");
    }

    [Fact]
    public async Task UnknownLocalAddress_OverTcp_Refused550_511_NotDropped()
    {
        await using var world = await YamlWorld.StartAsync(Yaml, listenOnTcp: true);

        var refused = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "nobody@rosnou.ru", "through the directory")).Should().ThrowAsync<SmtpCommandException>();
        refused.Which.StatusCode.Should().Be(SmtpStatusCode.MailboxUnavailable);
        refused.Which.Message.Should().StartWith("5.1.1 nobody@rosnou.ru");
        world.Vs("rosnou.ru").HomeDirectory.Drop.Files.Should().BeEmpty();
    }

    [Fact]
    public async Task Group_FromMailRu_ExpandedByTheCategorizer_AndAnUnknownOneBouncesToIvan()
    {
        await using var world = await YamlWorld.StartAsync(Yaml);

        var id = await world.SendAsIvanAsync("to the group", "students@rosnou.ru", "nobody@rosnou.ru");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Host("rosnou.ru").Mailboxes.Find("teacher@rosnou.ru")!.Count.Should().Be(1);
        world.StageTexts(id).Should().Contain("rosnou.ru Categorized: Expanded the distribution group students <students@rosnou.ru> to student@rosnou.ru, teacher@rosnou.ru");
        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        Dsn.Read(ndr).Recipients.Should().ContainSingle().Which["Final-Recipient"].Should().Be("rfc822; nobody@rosnou.ru");
    }

    private static string[] Lookups(YamlWorld world) =>
        world.World.Trace.Snapshot().Where(e => e.Kind == TraceKind.DirectoryLookup).Select(e => e.Text).ToArray();
}
