using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests;

/// <summary>IIS limits with their exact replies, over the in-memory transport and TCP.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task MessageSize_DeclaredTooBig_Gets552()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { MaxMessageSizeKb = 1 } }));
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        (await client.CommandAsync("EHLO c.test")).Should().Contain("SIZE 1024");
        (await client.CommandAsync("MAIL FROM:<a@example.org> SIZE=2048")).Should().Be("552 5.3.4 Message size exceeds fixed maximum message size");
    }

    [Fact]
    public async Task MessageSize_UndeclaredTooBig_IsReadToTheEndThenRefused()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { MaxMessageSizeKb = 1 } }));
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
        (await client.CommandAsync("DATA")).Should().StartWith("354");
        var body = string.Concat(Enumerable.Repeat(new string('x', 70) + "\r\n", 40));
        (await client.CommandAsync("Subject: big\r\n\r\n" + body + ".")).Should().Be("552 5.3.4 Message size exceeds fixed maximum message size");
        (await client.CommandAsync("NOOP")).Should().Be("250 2.0.0 OK");
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
    }

    [Fact]
    public async Task RecipientsPerMessage_PastTheLimit_Gets452()
    {
        // lab.rosnou.ru: a plain IIS local domain (no POP3 domain), whose users' mail goes to Drop.
        await using var world = await TestWorld.StartAsync(w =>
        {
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { MaxRecipientsPerMessage = 2 } });
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Domains.Add("lab.rosnou.ru", Mail.Smtp.SmtpDomainType.LocalAlias);
        });
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        (await client.CommandAsync("RCPT TO:<a@lab.rosnou.ru>")).Should().StartWith("250");
        (await client.CommandAsync("RCPT TO:<b@lab.rosnou.ru>")).Should().StartWith("250");
        (await client.CommandAsync("RCPT TO:<c@lab.rosnou.ru>")).Should().Be("452 4.5.3 Too many recipients");
        (await client.CommandAsync("DATA")).Should().StartWith("354");
        (await client.CommandAsync("Subject: two\r\n\r\nx\r\n.")).Should().StartWith("250");

        var dropped = TestWorld.Vs(world.Rosnou).HomeDirectory.Drop.Files.Should().ContainSingle().Subject;
        dropped.Message.Recipients.Should().Equal("a@lab.rosnou.ru", "b@lab.rosnou.ru");
    }

    [Fact]
    public async Task SessionSize_PastTheLimit_Gets552()
    {
        await using var world = await TestWorld.StartAsync(w =>
            TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { MaxMessageSizeKb = 1, MaxSessionSizeKb = 1 } }));
        await using var client = world.ConnectInMemory(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        var body = new string('y', 600);
        for (var i = 0; i < 2; i++)
        {
            await client.CommandAsync("MAIL FROM:<a@example.org>");
            await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
            await client.CommandAsync("DATA");
            var reply = await client.CommandAsync($"Subject: {i}\r\n\r\n{body}\r\n.");
            if (i == 0)
            {
                reply.Should().StartWith("250 2.6.0");
            }
            else
            {
                reply.Should().Be("552 5.3.4 Session size limit exceeded");
            }
        }

        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task MaxConnections_OneMore_Gets421()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { MaxConnections = 1 } }));
        await using var first = await world.ConnectTcpAsync(world.Rosnou);
        (await first.ReadReplyAsync()).Should().StartWith("220");
        await using var second = await world.ConnectTcpAsync(world.Rosnou);
        (await second.ReadReplyAsync()).Should().Be("421 4.3.2 Too many connections, closing transmission channel");
        (await second.IsClosedAsync()).Should().BeTrue();

        (await first.CommandAsync("QUIT")).Should().StartWith("221");
        (await first.IsClosedAsync()).Should().BeTrue();
        await using var third = await world.ConnectTcpAsync(world.Rosnou);
        (await third.ReadReplyAsync()).Should().StartWith("220");
    }

    [Fact]
    public async Task ConnectionTimeout_SilentClient_IsDroppedOnTheVirtualClock()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220");

        world.Clock.Advance(TimeSpan.FromMinutes(9));
        (await client.CommandAsync("NOOP")).Should().Be("250 2.0.0 OK", "activity restarts the idle clock");
        world.Clock.Advance(TimeSpan.FromMinutes(10));

        (await client.ReadReplyAsync()).Should().Be("421 4.4.2 rosnou.ru Error: timeout exceeded, closing transmission channel");
        (await client.IsClosedAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task ConnectionTimeout_HoldsOnTheInMemoryTransportToo()
    {
        await using var world = await TestWorld.StartAsync(w => TestWorld.Vs(w.FindHost("rosnou.ru")!).Configure(s => s with { Limits = s.Limits with { ConnectionTimeout = TimeSpan.FromMinutes(1) } }));
        await using var client = world.ConnectInMemory(world.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        (await client.ReadReplyAsync()).Should().Be("421 4.4.2 rosnou.ru Error: timeout exceeded, closing transmission channel");
        (await client.IsClosedAsync()).Should().BeTrue();
    }
}
