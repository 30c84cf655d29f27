using MailLab.Mail.Settings;
using MailLab.Mail.Simulation;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Specs.Runtime;

/// <summary>Every limit, access and delivery setting by its API name.</summary>
public sealed class SettingsTests
{
    private readonly SmtpVirtualServer _server = DefaultTopology.Create(new SimulationClock(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)), portOffsetToZero: true)
        .FindHost("mail.ru")!.Smtp.VirtualServers[0];

    public static TheoryData<string, string> Values => new()
    {
        { "maxConnections", "5" },
        { "connectionTimeoutMinutes", "2.5" },
        { "maxMessageSizeKb", "100" },
        { "maxSessionSizeKb", "4096" },
        { "maxMessagesPerConnection", "3" },
        { "maxRecipientsPerMessage", "7" },
        { "anonymousAccess", "false" },
        { "basicAuthentication", "false" },
        { "basicRequiresTls", "true" },
        { "basicDefaultDomain", "mail.ru" },
        { "requireTls", "true" },
        { "connectionOnlyListed", "true" },
        { "connectionList", "192.0.2.1, 192.0.2.0/24, example.com" },
        { "relayOnlyListed", "false" },
        { "relayList", "127.0.0.1" },
        { "allowAuthenticatedRelay", "false" },
        { "retryIntervalsMinutes", "5, 10, 20" },
        { "delayNotificationHours", "6" },
        { "expirationHours", "24" },
        { "maxHopCount", "3" },
        { "masqueradeDomain", "example.com" },
        { "smartHost", "[192.0.2.7]:2525" },
        { "outboundPort", "2525" },
        { "maxOutboundConnections", "10" },
        { "maxOutboundConnectionsPerDomain", "2" },
        { "outboundTimeoutMinutes", "1" },
        { "outboundTls", "true" },
        { "fqdn", "smtp.mail.ru" },
        { "ndrCopyTo", "postmaster@mail.ru" },
        { "loggingEnabled", "false" },
        { "ldapRoutingEnabled", "true" },
        { "ldapServer", "127.0.0.1:3890" },
        { "ldapSchema", "siteServer" },
        { "ldapBinding", "windowsSspi" },
        { "ldapDomain", "ROSNOU" },
        { "ldapUserName", "cn=admin,dc=rosnou,dc=ru" },
        { "ldapPassword", "secret" },
        { "ldapBase", "dc=rosnou,dc=ru" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EverySetting_ReadsBackWhatWasSet(string name, string value)
    {
        VirtualServerSettings.Apply(_server, name, value);

        // A password is write-only: it reads back as its mask.
        VirtualServerSettings.Find(name).Get(_server).Should().Be(name == "ldapPassword" ? "********" : value);
    }

    [Fact]
    public void TheTable_CoversTheTheoryData() =>
        VirtualServerSettings.All.Select(s => s.Name).Should().BeEquivalentTo(Values.Select(v => (string)v[0]));

    [Fact]
    public void NamesAreCaseInsensitive_AndMayCarryTheirSection()
    {
        VirtualServerSettings.Apply(_server, "Limits.MaxMessageSizeKb", "10");
        VirtualServerSettings.Apply(_server, "relay.entries", "10.0.0.0/8");
        VirtualServerSettings.Apply(_server, "delivery.retryIntervalsMinutes", "[1, 2]");
        _server.Limits.MaxMessageSizeKb.Should().Be(10);
        _server.Access.Relay.Entries.Should().ContainSingle().Which.Text.Should().Be("10.0.0.0/8");
        _server.Delivery.RetryIntervals.Should().Equal(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("maxConnections", "null")]
    [InlineData("maxMessageSizeKb", "unlimited")]
    [InlineData("smartHost", "")]
    public void NullMeansNoLimitOrNone(string name, string value)
    {
        VirtualServerSettings.Apply(_server, name, value);
        VirtualServerSettings.Find(name).Get(_server).Should().Be("null");
    }

    [Theory]
    [InlineData("maxMessageSizeKb", "big", "\"big\" is not a valid value for \"maxMessageSizeKb\": expected a whole number of at least 1.")]
    [InlineData("anonymousAccess", "maybe", "\"maybe\" is not a valid value for \"anonymousAccess\": expected true or false.")]
    [InlineData("relayList", "not an address!", "\"not an address!\" is not a valid value for \"relayList\": expected an IP address (192.0.2.1), a subnet (192.0.2.0/24) or a domain name.")]
    [InlineData("maxSessionSizeKb", "1", "IIS would refuse this: maxSessionSizeKb must be at least maxMessageSizeKb.")]
    public void BadValues_AreRefused_AndTheOldValueStays(string name, string value, string message)
    {
        var before = VirtualServerSettings.Find(name).Get(_server);
        var act = () => VirtualServerSettings.Apply(_server, name, value);
        act.Should().Throw<InvalidSettingException>().WithMessage(message);
        VirtualServerSettings.Find(name).Get(_server).Should().Be(before);
    }
}
