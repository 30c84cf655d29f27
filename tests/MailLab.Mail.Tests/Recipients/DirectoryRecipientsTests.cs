using MailLab.Mail.Recipients;
using MailLab.Mail.Topology;
using static MailLab.Mail.Tests.TopologyText;

namespace MailLab.Mail.Tests.Recipients;

/// <summary>
/// The directory's Exchange recipients: recipient policies give proxy addresses, ADUC's changes keep
/// an address to one recipient, and the <c>directories</c> entry is read, refused and written back.
/// </summary>
public sealed class DirectoryRecipientsTests
{
    private const string Directory = """
        hosts:
          - name: rosnou.ru
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }
            exchange: { organization: RosNOU }
        directories:
          - name: rosnou.ru
            accounts:
              - { address: petr@rosnou.ru, password: Secret1 }
            recipientPolicies:
              - { name: RosNOU users, priority: 1, addresses: ["SMTP:%m@rosnou.ru", "smtp:%g.%s@rosnou.ru"] }
            users:
              - { address: student@rosnou.ru, firstName: Petr, lastName: Sidorov, proxyAddresses: ["smtp:ps@rosnou.ru"], maxReceivingSizeKb: 512, pop3: disabled }
              - { address: teacher@rosnou.ru, alias: anna, firstName: Anna, lastName: Ivanova, forwardingAddress: student, deliverToBoth: true }
            contacts:
              - { name: Ivan (mail.ru), alias: ivan.mailru, externalAddress: ivan@mail.ru }
            groups:
              - { name: students, members: [student, staff] }
              - { name: staff, members: [anna, students] }
        """;

    [Fact]
    public void ThePolicy_GivesEachRecipientItsAddresses_ThePrimaryFirst()
    {
        var directory = Load(Directory).Directories.For("rosnou.ru");

        directory.User("student@rosnou.ru").ProxyAddresses.Select(p => p.ToString())
            .Should().Equal("SMTP:student@rosnou.ru", "smtp:petr.sidorov@rosnou.ru", "smtp:ps@rosnou.ru");
        directory.User("teacher@rosnou.ru").ProxyAddresses.Select(p => p.ToString()).Should().Equal("SMTP:anna@rosnou.ru", "smtp:anna.ivanova@rosnou.ru");
        directory.Groups.Single(g => g.Name == "students").PrimaryAddress.Should().Be("students@rosnou.ru");
        directory.Contacts.Single().ProxyAddresses.Select(p => p.ToString()).Should().Equal("SMTP:ivan.mailru@rosnou.ru");
        // A directory account is a user too, with its logon name as alias.
        directory.Users.Select(u => u.Account).Should().Equal("petr@rosnou.ru", "student@rosnou.ru", "teacher@rosnou.ru");
        directory.FindRecipient("petr@rosnou.ru").Should().BeOfType<DirectoryUser>();
        directory.RecipientPolicies.Select(p => p.Name).Should().Equal("RosNOU users", RecipientPolicy.DefaultName);
    }

    [Fact]
    public void WithoutAPolicy_TheDefaultPolicyGivesAliasAtDirectory()
    {
        var world = Load("""
            directories:
              - name: rosnou.ru
                groups: [ { name: Teachers Of Math, alias: math } ]
            """);

        world.Directories.For("rosnou.ru").FindRecipient("math@rosnou.ru")!.Name.Should().Be("Teachers Of Math");
    }

    [Fact]
    public void AnAddress_BelongsToOneRecipient()
    {
        var directory = Load(Directory).Directories.For("rosnou.ru");
        var teacher = directory.User("teacher@rosnou.ru");

        var act = () => directory.AddProxy(teacher, new ProxyAddress("ps@rosnou.ru", Primary: false));

        act.Should().Throw<RecipientAdminException>().WithMessage("The proxy address \"SMTP:ps@rosnou.ru\" is already being used by the proxy addresses of \"student\". Please choose another proxy address.");
    }

    [Fact]
    public void SetAsPrimary_MovesTheCapitalPrefix_AndThePrimaryCannotBeRemoved()
    {
        var directory = Load(Directory).Directories.For("rosnou.ru");
        var student = directory.User("student@rosnou.ru");

        directory.AddProxy(student, new ProxyAddress("petr.sidorov@rosnou.ru", Primary: true));

        student.PrimaryAddress.Should().Be("petr.sidorov@rosnou.ru");
        student.ProxyAddresses.Count(p => p.Primary).Should().Be(1);
        var act = () => directory.RemoveProxy(student, "petr.sidorov@rosnou.ru");
        act.Should().Throw<RecipientAdminException>().WithMessage("*primary SMTP address*");
        directory.RemoveProxy(student, "ps@rosnou.ru");
        student.HasAddress("ps@rosnou.ru").Should().BeFalse();
    }

    [Fact]
    public void TheSettings_AreReadFromTheUsersEntry()
    {
        var directory = Load(Directory).Directories.For("rosnou.ru");

        var student = directory.User("student@rosnou.ru").Settings;
        student.MaxReceivingSizeKb.Should().Be(512);
        student.Pop3Enabled.Should().BeFalse();
        student.Imap4Enabled.Should().BeTrue();
        var teacher = directory.User("teacher@rosnou.ru").Settings;
        (teacher.ForwardingAddress, teacher.DeliverToBoth).Should().Be(("student", true));
    }

    [Fact]
    public void AnUnknownSetting_NamesEveryValidOne()
    {
        var user = Load(Directory).Directories.For("rosnou.ru").User("student@rosnou.ru");

        var act = () => RecipientSettings.Apply(user, "maxSize", "10");

        act.Should().Throw<Mail.Settings.InvalidSettingException>().Which.Message.Should()
            .Contain("deliveryRestrictions: maxSendingSizeKb, maxReceivingSizeKb, acceptMessagesFrom, rejectMessagesFrom")
            .And.Contain("exchangeFeatures: pop3, imap4, owa");
    }

    [Fact]
    public void DeliverToBothWithoutAForwardingAddress_IsRefusedAndChangesNothing()
    {
        var user = Load(Directory).Directories.For("rosnou.ru").User("student@rosnou.ru");

        var act = () => RecipientSettings.Apply(user, "deliverToBoth", "true");

        act.Should().Throw<Mail.Settings.InvalidSettingException>().WithMessage("deliverToBoth needs a forwardingAddress.");
        user.Settings.DeliverToBoth.Should().BeFalse();
    }

    [Fact]
    public void TheWriter_WritesWhatTheReaderReads()
    {
        var world = Load(Directory);

        var written = TopologyWriter.Write(world);
        var again = Load(written).Directories.For("rosnou.ru");

        written.Should().Contain("smtp:ps@rosnou.ru").And.NotContain("petr.sidorov@rosnou.ru", "the policy gives it again");
        again.User("student@rosnou.ru").ProxyAddresses.Should().Equal(world.Directories.For("rosnou.ru").User("student@rosnou.ru").ProxyAddresses);
        again.User("student@rosnou.ru").Settings.Should().Be(world.Directories.For("rosnou.ru").User("student@rosnou.ru").Settings);
        again.User("teacher@rosnou.ru").Alias.Should().Be("anna");
        again.Groups.Select(g => (g.Name, string.Join(",", g.Members))).Should().Equal(("staff", "teacher@rosnou.ru,students"), ("students", "student@rosnou.ru,staff"));
        again.Contacts.Single().ExternalAddress.Should().Be("ivan@mail.ru");
        again.RecipientPolicies.Should().HaveCount(2);
    }

    [Fact]
    public void ExchangeAdvanced_SimpleDisplayNameHiddenAndCustomAttributes_AreReadCheckedAndWrittenBack()
    {
        var world = Load(Directory.Replace("pop3: disabled }", "pop3: disabled, simpleDisplayName: Petr Sidorov, hideFromAddressLists: true, customAttribute3: Group 101 }", StringComparison.Ordinal));
        var student = world.Directories.For("rosnou.ru").User("student@rosnou.ru");

        (student.Settings.SimpleDisplayName, student.Settings.HideFromAddressLists, student.Settings.CustomAttribute(3), student.Settings.CustomAttribute(4)).Should().Be(("Petr Sidorov", true, "Group 101", null));
        RecipientSettings.ApplyAll(student, [new("customAttribute15", "Dormitory 2"), new("customAttribute3", "null")]);
        var again = Load(TopologyWriter.Write(world)).Directories.For("rosnou.ru").User("student@rosnou.ru").Settings;
        (again.SimpleDisplayName, again.HideFromAddressLists, again.CustomAttribute(3), again.CustomAttribute(15)).Should().Be(("Petr Sidorov", true, null, "Dormitory 2"));

        FluentActions.Invoking(() => RecipientSettings.Apply(student, "customAttribute1", new string('x', 1025))).Should().Throw<Mail.Settings.InvalidSettingException>().WithMessage("*1024*");
        FluentActions.Invoking(() => RecipientSettings.Apply(student, "simpleDisplayName", "Пётр")).Should().Throw<Mail.Settings.InvalidSettingException>().WithMessage("*ASCII*");
        FluentActions.Invoking(() => RecipientSettings.Apply(student, "customAttribute16", "x")).Should().Throw<Mail.Settings.InvalidSettingException>().WithMessage("*exchangeAdvanced: simpleDisplayName, hideFromAddressLists, customAttribute1,*");
        student.Settings.CustomAttribute(1).Should().BeNull("a refused value changes nothing");
    }

    [Fact]
    public void AChangedPolicyApplied_MakesItsPrimaryThePrimary_AndDemotesTheOldOne()
    {
        var directory = Load(Directory).Directories.For("rosnou.ru");

        directory.SetPolicy(new RecipientPolicy("RosNOU users", 1, [new ProxyAddress("%s.%g@rosnou.ru", Primary: true)]));

        directory.User("student@rosnou.ru").ProxyAddresses.Select(p => p.ToString())
            .Should().Equal("SMTP:sidorov.petr@rosnou.ru", "smtp:student@rosnou.ru", "smtp:petr.sidorov@rosnou.ru", "smtp:ps@rosnou.ru");
        directory.RecipientPolicies.Single(p => !p.IsDefault).Templates.Should().ContainSingle();
    }

    [Fact]
    public void AccountsThatAreUsersWithNothingOfTheirOwn_AreNotWritten()
    {
        var world = Load("""
            hosts:
              - name: rosnou.ru
                accounts: [ { address: student@rosnou.ru, password: student123 } ]
                exchange: { organization: RosNOU }
            """);
        HostDirectory.Of(world.FindHost("rosnou.ru")!).Users.Should().ContainSingle();

        TopologyWriter.Write(world).Should().NotContain("directories");
    }

    [Fact]
    public void BadEntries_AreRefusedWithFileLineAndField()
    {
        Errors("""
            directories:
              - name: rosnou.ru
                recipientPolicies:
                  - { name: Bad, priority: 1, addresses: ["smtp:%g@rosnou.ru", "x400:c=RU"] }
                users:
                  - { address: student, pop3: maybe }
                groups:
                  - { name: students, members: [nobody] }
            """).Should().BeEquivalentTo(
            "lab.yaml:4:68: field 'directories[0].recipientPolicies[0].addresses[1]': 'x400:c=RU' is not an SMTP address template such as SMTP:%m@rosnou.ru or smtp:%g.%s@rosnou.ru",
            "lab.yaml:4:46: field 'directories[0].recipientPolicies[0].addresses': needs exactly one primary template (SMTP: in capitals), e.g. SMTP:%m@rosnou.ru",
            "lab.yaml:6:20: field 'directories[0].users[0].address': 'student' is not an address of the form user@domain (the user's account)",
            "lab.yaml:8:37: field 'directories[0].groups[0].members[0]': There is no user, contact or group \"nobody\" in the directory rosnou.ru.");
    }
}
