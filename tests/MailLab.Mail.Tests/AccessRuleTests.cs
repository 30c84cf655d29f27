using System.Net;
using MailLab.Mail.Smtp;

namespace MailLab.Mail.Tests;

/// <summary>Connection and relay list entries: single computers, groups (subnets) and domain names.</summary>
public sealed class AccessRuleTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/255.255.255.0", "192.168.1.77", true)]
    [InlineData("192.168.1.0/255.255.255.0", "192.168.2.1", false)]
    [InlineData("192.168.1.9/24", "192.168.1.200", true)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "127.0.0.2", false)]
    public void Subnets_MatchByPrefixLengthOrDottedMask(string rule, string address, bool matches) =>
        AccessRule.Parse(rule).Matches(IPAddress.Parse(address), reverseName: null).Should().Be(matches);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/255.0.255.0")]
    [InlineData("10.0.0.0/x")]
    [InlineData("bad name.example")]
    [InlineData("")]
    public void Malformed_IsRefused(string rule) => AccessRule.TryParse(rule, out _).Should().BeFalse();

    [Fact]
    public void DomainName_MatchesTheNameAndItsSubdomains()
    {
        var rule = AccessRule.Parse("school.example");
        rule.Matches(IPAddress.Loopback, "school.example").Should().BeTrue();
        rule.Matches(IPAddress.Loopback, "pc1.School.Example.").Should().BeTrue();
        rule.Matches(IPAddress.Loopback, "evilschool.example").Should().BeFalse();
        rule.Matches(IPAddress.Loopback, null).Should().BeFalse();
    }
}
