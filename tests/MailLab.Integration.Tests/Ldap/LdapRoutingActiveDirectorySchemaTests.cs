using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// LDAP routing with the Active Directory schema type against slapd given Active Directory's mail
/// classes and attributes (<see cref="ActiveDirectorySlapd"/>): MailKit over rosnou.ru's TCP listener,
/// its RCPT decided by users, contacts and groups found by <c>mail</c> or <c>proxyAddresses</c>.
/// </summary>
public sealed class LdapRoutingActiveDirectorySchemaTests(ActiveDirectorySlapd slapd) : IClassFixture<ActiveDirectorySlapd>
{
    private const string Filter = "(&(|(objectClass=user)(objectClass=contact)(objectClass=group))(|(mail={0})(proxyAddresses=smtp:{0})))";

    private string Yaml() => SlapdTopology.Yaml(slapd.Server, schema: "activeDirectory");

    [SkippableTheory]
    [InlineData("s.student@rosnou.ru", "cn=Student,ou=Users,dc=rosnou,dc=ru", "student@rosnou.ru")]
    [InlineData("t.teacher@rosnou.ru", "cn=Teacher,ou=Users,dc=rosnou,dc=ru", "teacher@rosnou.ru")]
    public async Task ProxyAddress_SecondaryOrPrimary_DeliveredToTheUsersMailbox(string address, string user, string mailbox)
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        // smtp:s.student@ is a secondary proxy; SMTP:t.teacher@ a primary one, matched case-insensitively.
        var id = await OutsideSender.SendAsync(world, address, "over AD");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find(mailbox)!.Messages.Should().ContainSingle().Which.Subject.Should().Be("over AD");
        world.StageTexts(id).Should().Contain(
            $"rosnou.ru DirectoryLookup: ldap://{slapd.Server} (Active Directory schema): {string.Format(Filter, address)} under dc=rosnou,dc=ru found {user}: <{address}> is delivered to {mailbox}");
    }

    [SkippableFact]
    public async Task Group_ExpandedToItsMembers_NestedGroupsToo_EachOnce()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        var id = await OutsideSender.SendAsync(world, "students@rosnou.ru", "over AD");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Host("rosnou.ru").Mailboxes.Find("teacher@rosnou.ru")!.Count.Should().Be(1);
        world.StageTexts(id).Should().Contain(
            $"rosnou.ru Categorized: Expanded the group cn=Students,ou=Users,dc=rosnou,dc=ru from ldap://{slapd.Server} (Active Directory schema) to student@rosnou.ru, teacher@rosnou.ru");
    }

    [SkippableFact]
    public async Task Contact_DeliveredToItsTargetAddress_RelayedToMailRu()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        await OutsideSender.SendAsync(world, "ivan.petrov@rosnou.ru", "to a contact");
        await world.IdleAsync();

        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("to a contact");
    }

    [SkippableFact]
    public async Task UnknownAddress_Refused550_511()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        var refused = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "nobody@rosnou.ru", "over AD")).Should().ThrowAsync<SmtpCommandException>();
        refused.Which.StatusCode.Should().Be(SmtpStatusCode.MailboxUnavailable);
        refused.Which.Message.Should().Be("5.1.1 nobody@rosnou.ru: no such recipient in the directory");
        world.World.Trace.Snapshot().Where(e => e.Kind == TraceKind.DirectoryLookup).Select(e => e.Text)
            .Should().Contain($"ldap://{slapd.Server} (Active Directory schema): {string.Format(Filter, "nobody@rosnou.ru")} under dc=rosnou,dc=ru found nothing: <nobody@rosnou.ru> is not a recipient");
    }
}
