using System.Net;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp;

namespace MailLab.Integration.Tests;

/// <summary>The Access tab: authentication, secure channel, connection control, relay; and domains.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task ConnectionControl_DeniedSubnet_Gets554ThenOnly503()
    {
        await using var world = await TestWorld.StartAsync(w =>
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Access = s.Access with { Connection = s.Access.Connection.With(AccessRule.Parse("10.0.0.0/255.0.0.0")) } }));
        await using var denied = world.ConnectInMemory(world.Rosnou, IPAddress.Parse("10.1.2.3"));
        (await denied.ReadReplyAsync()).Should().Be("554 5.7.1 rosnou.ru Access denied: connection refused by connection control");
        (await denied.CommandAsync("EHLO c.test")).Should().StartWith("503 5.5.1");
        (await denied.CommandAsync("QUIT")).Should().StartWith("221");

        await using var allowed = world.ConnectInMemory(world.Rosnou, IPAddress.Parse("192.168.1.5"));
        (await allowed.ReadReplyAsync()).Should().StartWith("220 ");
    }

    [Fact]
    public async Task ConnectionControl_OnlyListedDomain_MatchesByReverseDns()
    {
        await using var world = await TestWorld.StartAsync(w =>
        {
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with
            {
                Access = s.Access with { Connection = new AccessList(OnlyListed: true, [AccessRule.Parse("school.example")]) },
            });
            w.Dns.AddPointer(IPAddress.Parse("192.0.2.10"), "pc1.school.example");
        });
        await using var granted = world.ConnectInMemory(world.Rosnou, IPAddress.Parse("192.0.2.10"));
        (await granted.ReadReplyAsync()).Should().StartWith("220 ");
        await using var other = world.ConnectInMemory(world.Rosnou, IPAddress.Parse("192.0.2.11"));
        (await other.ReadReplyAsync()).Should().StartWith("554 5.7.1");
    }

    [Fact]
    public async Task RequireTls_MailBeforeStartTls_Gets530()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Access = s.Access with { RequireTls = true } }));
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        (await client.CommandAsync("MAIL FROM:<a@example.org>")).Should().Be("530 5.7.0 Must issue a STARTTLS command first");
    }

    [Fact]
    public async Task AnonymousDisabled_MailWithoutAuth_Gets530()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("mail.ru")!).Configure(s => s with { Access = s.Access with { AnonymousAccess = false } }));
        await using var client = world.ConnectInMemory(world.MailRu);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        (await client.CommandAsync("MAIL FROM:<a@example.org>")).Should().Be("530 5.7.0 Authentication required");
    }

    [Fact]
    public async Task BasicRequiresTls_AuthBeforeStartTls_Gets538()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("mail.ru")!).Configure(s => s with { Access = s.Access with { BasicRequiresTls = true } }));
        await using var client = world.ConnectInMemory(world.MailRu);
        await client.ReadReplyAsync();
        (await client.CommandAsync("EHLO c.test")).Should().NotContain("AUTH");
        (await client.CommandAsync("AUTH PLAIN AGl2YW5AbWFpbC5ydQBpdmFuMTIz")).Should().Be("538 5.7.11 Encryption required for requested authentication mechanism");
    }

    [Fact]
    public async Task BasicDisabled_AuthIsNotOffered()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        (await client.CommandAsync("EHLO c.test")).Should().NotContain("AUTH");
        (await client.CommandAsync("AUTH LOGIN")).Should().Be("502 5.5.1 AUTH is not available on this server");
    }

    [Fact]
    public async Task RelayList_GrantedAddressMayRelayWithoutAuth()
    {
        await using var world = await TestWorld.StartAsync(w =>
            TestWorld.Vs(w.FindHost("mail.ru")!).Configure(s => s with { Access = s.Access with { Relay = s.Access.Relay.With(AccessRule.Parse("127.0.0.1")) } }));
        await using var client = world.ConnectInMemory(world.MailRu);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        (await client.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("250 2.1.5");
    }

    [Fact]
    public async Task RemoteDomainAllowingRelay_OverridesTheRestrictions()
    {
        await using var world = await TestWorld.StartAsync(w =>
            TestWorld.Vs(w.FindHost("mail.ru")!).Domains.Add("*.partner.example", SmtpDomainType.Remote).AllowRelay = true);
        await using var client = world.ConnectInMemory(world.MailRu);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        (await client.CommandAsync("RCPT TO:<x@mx.partner.example>")).Should().StartWith("250 2.1.5");
        (await client.CommandAsync("RCPT TO:<x@elsewhere.example>")).Should().Be("550 5.7.1 Unable to relay");
    }

    [Fact]
    public async Task Domains_BareLocalPartGetsTheDefaultDomain_AndAliasIsLocal()
    {
        await using var world = await TestWorld.StartAsync(w =>
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Domains.Add("rosnou.local", SmtpDomainType.LocalAlias));
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        (await client.CommandAsync("RCPT TO:<student>")).Should().StartWith("250 2.1.5");
        (await client.CommandAsync("RCPT TO:<teacher@rosnou.local>")).Should().StartWith("250 2.1.5");
        await client.CommandAsync("DATA");
        (await client.CommandAsync("Subject: domains\r\n\r\nx\r\n.")).Should().StartWith("250 2.6.0");

        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle();
        TestWorld.Vs(world.Rosnou).HomeDirectory.Drop.Files.Should().ContainSingle()
            .Which.Message.Recipients.Should().Equal("teacher@rosnou.local");
    }

    [Fact]
    public void Domains_DefaultCannotBeRemoved_AndANewDefaultDemotesTheOld()
    {
        var domains = new SmtpDomainList("rosnou.ru");
        var remove = () => domains.Remove("rosnou.ru");
        remove.Should().Throw<InvalidOperationException>().WithMessage("*default domain*");

        domains.Add("new.rosnou.ru", SmtpDomainType.LocalDefault);
        domains.Default.Name.Should().Be("new.rosnou.ru");
        domains.Find("rosnou.ru")!.Type.Should().Be(SmtpDomainType.LocalAlias);
        domains.All.Count(d => d.Type == SmtpDomainType.LocalDefault).Should().Be(1);
    }
}
