using System.Net;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>
/// The greeting and the HELO/EHLO reply are reused between sessions with the same options, but only
/// when everything they are made of is the same: the client's address, TLS and HELO against EHLO.
/// </summary>
public sealed class SessionReplyCacheTests
{
    [Fact]
    public void TheSameOptions_GiveTheSameEhlo_ButAnotherClientAddressOrHeloGivesItsOwn()
    {
        var options = SessionDriver.DefaultOptions() with { MaxMessageSize = 4096, TlsAvailable = true, AuthMechanisms = ["PLAIN"] };

        using var first = new SessionDriver(options);
        var greeting = first.TakeSingle();
        var ehlo = first.Command("EHLO one.test");
        using var second = new SessionDriver(options);
        second.TakeSingle().Should().Be(greeting);
        second.Command("EHLO two.test").Should().Equal(ehlo);
        second.Command("HELO two.test").Should().Equal($"250 {SessionDriver.HostName} Hello [192.0.2.10]");
        second.Command("EHLO two.test").Should().Equal(ehlo);

        ehlo.Should().Contain(["250-SIZE 4096", "250-STARTTLS", "250-AUTH PLAIN"]);
        var other = new SmtpSessionContext(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 40000), SessionDriver.ServerEndPoint);
        using var third = new SessionDriver(options, context: other);
        third.TakeLines();
        third.Command("EHLO three.test")[0].Should().Be($"250-{SessionDriver.HostName} Hello [198.51.100.7]");
    }

    [Fact]
    public void AfterStartTls_TheEhloNoLongerOffersIt_EvenThoughTheSameOptionsWereCachedBefore()
    {
        var options = SessionDriver.DefaultOptions() with { TlsAvailable = true, RequireTlsForAuth = true, AuthMechanisms = ["PLAIN"] };
        using var plain = new SessionDriver(options);
        plain.TakeLines();
        var before = plain.Command("EHLO a.test");
        before.Should().Contain("250-STARTTLS").And.NotContain(l => l.Contains("AUTH"));

        using var secure = new SessionDriver(options);
        secure.TakeLines();
        secure.Command("STARTTLS");
        secure.TlsEstablished();
        var after = secure.Command("EHLO a.test");
        after.Should().NotContain("250-STARTTLS").And.Contain("250-AUTH PLAIN");
    }
}
