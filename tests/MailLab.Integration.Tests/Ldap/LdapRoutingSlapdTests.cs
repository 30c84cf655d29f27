using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// LDAP routing to a real OpenLDAP slapd (<see cref="Slapd"/>) with the Exchange LDAP Service schema:
/// MailKit over a real TCP listener of rosnou.ru, whose virtual server resolves its recipients in slapd.
/// Skipped, saying why, where slapd cannot be started.
/// </summary>
public sealed class LdapRoutingSlapdTests(Slapd slapd) : IClassFixture<Slapd>
{
    private string Yaml(string binding = "plainText", string password = Slapd.AdminPassword, string? server = null) =>
        SlapdTopology.Yaml(server ?? slapd.Server, binding: binding, password: password);

    [SkippableFact]
    public async Task KnownAddress_PlainTextBind_DeliveredToTheMailboxItMapsTo()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        // s.student@rosnou.ru is student's second mail value: delivered to the mailbox of the first.
        var id = await OutsideSender.SendAsync(world, "s.student@rosnou.ru", "over LDAP");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle()
            .Which.Subject.Should().Be("over LDAP");
        // The lookup is a stage of the message's journey, between its acceptance and its delivery; the
        // message waits in the queue until the categorizer has looked its recipient up again.
        world.Stages(id).Should().Equal("rosnou.ru Received", "rosnou.ru DirectoryLookup", "rosnou.ru DirectoryLookup", "rosnou.ru Cleanup",
            "rosnou.ru Queued", "rosnou.ru Categorized", "rosnou.ru DeliveredToMailbox");
        world.StageTexts(id)[2].Should().Be($"rosnou.ru DirectoryLookup: ldap://{slapd.Server} (Exchange LDAP Service schema): (&(|(objectClass=person)(objectClass=groupOfNames))(|(rfc822Mailbox=s.student@rosnou.ru))) under dc=rosnou,dc=ru found uid=student,ou=people,dc=rosnou,dc=ru: <s.student@rosnou.ru> is delivered to student@rosnou.ru");
        Lookups(world).Should().Contain(t => t.StartsWith("Sender: ") && t.Contains("<ivan@mail.ru> is not a recipient"));
    }

    [SkippableFact]
    public async Task UnknownAddress_Refused550_511()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(binding: "anonymous"), listenOnTcp: true);

        var refused = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "nobody@rosnou.ru", "over LDAP")).Should().ThrowAsync<SmtpCommandException>();
        refused.Which.StatusCode.Should().Be(SmtpStatusCode.MailboxUnavailable);
        refused.Which.Message.Should().Be("5.1.1 nobody@rosnou.ru: no such recipient in the directory");
        Lookups(world).Should().Contain(t => t.EndsWith("found nothing: <nobody@rosnou.ru> is not a recipient"));
    }

    [SkippableFact]
    public async Task Group_ExpandedToItsMembers_NestedGroupsToo_EachOnce()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(), listenOnTcp: true);

        var id = await OutsideSender.SendAsync(world, "students@rosnou.ru", "over LDAP");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Host("rosnou.ru").Mailboxes.Find("teacher@rosnou.ru")!.Count.Should().Be(1);
        world.StageTexts(id).Should().Contain(
            $"rosnou.ru Categorized: Expanded the group cn=students,dc=rosnou,dc=ru from ldap://{slapd.Server} (Exchange LDAP Service schema) to student@rosnou.ru, teacher@rosnou.ru");
    }

    [SkippableFact]
    public async Task RelayedFromMailRu_TheInProcessHopWaitsForSlapd_TheGroupIsDelivered_TheUnknownBounces()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml());

        await world.SendAsIvanAsync("from mail.ru", "students@rosnou.ru", "nobody@rosnou.ru");
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
        world.Host("rosnou.ru").Mailboxes.Find("teacher@rosnou.ru")!.Count.Should().Be(1);
        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        Dsn.Read(ndr).Recipients.Should().ContainSingle().Which["Final-Recipient"].Should().Be("rfc822; nobody@rosnou.ru");
    }

    [SkippableFact]
    public async Task WrongPassword_451_443_TheTraceSaysWhy_AndTheMessageIsKeptToRetry()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var world = await YamlWorld.StartAsync(Yaml(password: "wrong"), listenOnTcp: true);

        var deferred = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "student@rosnou.ru", "over LDAP")).Should().ThrowAsync<SmtpCommandException>();
        ((int)deferred.Which.StatusCode).Should().Be(451);
        Lookups(world).Should().Contain(t => t.EndsWith($"could not be searched: the plainText bind as \"{Slapd.AdminDn}\" was refused: invalid credentials (LDAP result 49)"));
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);

        // The client kept the message; with the password right, the same send is delivered.
        VirtualServerSettings.Apply(world.Vs("rosnou.ru"), "ldapPassword", Slapd.AdminPassword);
        await OutsideSender.SendAsync(world, "student@rosnou.ru", "over LDAP");
        await world.IdleAsync();
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    /// <summary>
    /// A Windows bind off Windows (here: Linux, slapd without Kerberos) is a clear 451 4.4.3 with the
    /// reason, not a crash or a hang: a bind with a user name and password is one the library refuses
    /// there, the service account's is Kerberos without a ticket.
    /// </summary>
    [SkippableTheory]
    [InlineData("windowsSspi", $"the windowsSspi bind as \"{Slapd.AdminDn}\" cannot be made outside Windows: there a Windows bind takes no user name and password, only a Kerberos ticket (LDAP result 92: The feature is not supported.)")]
    [InlineData("serviceAccount", "the serviceAccount bind cannot be made outside Windows without Kerberos: there it is a Kerberos bind (SASL GSSAPI), which needs a ticket for 127.0.0.1 (LDAP result 86: An unknown authentication error occurred.)")]
    public async Task WindowsBind_OutsideWindows_451_443_TheTraceSaysWhy(string binding, string why)
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        Skip.If(OperatingSystem.IsWindows(), "on Windows the bind is a real Negotiate bind");
        await using var world = await YamlWorld.StartAsync(Yaml(binding: binding), listenOnTcp: true);

        var deferred = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "student@rosnou.ru", "over LDAP")).Should().ThrowAsync<SmtpCommandException>();
        ((int)deferred.Which.StatusCode).Should().Be(451);
        deferred.Which.Message.Should().StartWith("4.4.3 ");
        Lookups(world).Should().Contain(t => t.EndsWith($"(|(rfc822Mailbox=student@rosnou.ru))) could not be searched: {why}"));
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
    }

    [Fact]
    public async Task NoServerListening_451_443_ServerDown()
    {
        await using var world = await YamlWorld.StartAsync(Yaml(binding: "anonymous", server: "127.0.0.1:1"), listenOnTcp: true);

        var deferred = await FluentActions.Awaiting(() => OutsideSender.SendAsync(world, "student@rosnou.ru", "over LDAP")).Should().ThrowAsync<SmtpCommandException>();
        ((int)deferred.Which.StatusCode).Should().Be(451);
        deferred.Which.Message.Should().Contain("Directory server failure");
        Lookups(world).Should().Contain(t => t.Contains("could not be searched: the server 127.0.0.1:1 cannot be reached"));
    }

    private static string[] Lookups(YamlWorld world) =>
        world.World.Trace.Snapshot().Where(e => e.Kind == TraceKind.DirectoryLookup).Select(e => e.Text).ToArray();
}
