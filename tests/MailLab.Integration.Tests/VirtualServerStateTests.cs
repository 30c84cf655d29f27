using System.Net.Sockets;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp;

namespace MailLab.Integration.Tests;

/// <summary>IIS 6 states: running, paused (421 4.3.2 to new connections), stopped (listener closed).</summary>
public sealed class VirtualServerStateTests
{
    [Fact]
    public async Task Paused_NewConnection_Gets421AndIsClosed()
    {
        await using var world = await TestWorld.StartAsync();
        TestWorld.Vs(world.Rosnou).Pause();

        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        (await client.ReadReplyAsync()).Should().Be("421 4.3.2 Service not available, closing transmission channel");
        (await client.IsClosedAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Paused_OpenSessionCarriesOnAndDelivers()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220 ");
        (await client.CommandAsync("EHLO client.test")).Should().StartWith("250-");

        TestWorld.Vs(world.Rosnou).Pause();
        TestWorld.Vs(world.Rosnou).State.Should().Be(VirtualServerState.Paused);

        (await client.CommandAsync("MAIL FROM:<a@example.org>")).Should().StartWith("250 2.1.0");
        (await client.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("250 2.1.5");
        (await client.CommandAsync("DATA")).Should().StartWith("354");
        (await client.CommandAsync("Subject: while paused\r\n\r\nbody\r\n.")).Should().StartWith("250 2.6.0");
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task Stopped_ListenerIsClosed_AndStartReopensIt()
    {
        await using var world = await TestWorld.StartAsync();
        var vs = TestWorld.Vs(world.Rosnou);
        var endPoint = world.EndPoint(world.Rosnou);
        vs.Stop();

        world.Server.GetEndPoint(vs).Should().BeNull();
        var connect = () => RawSmtpClient.ConnectAsync(endPoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        var inMemory = () => world.ConnectInMemory(world.Rosnou);
        inMemory.Should().Throw<SocketException>();

        vs.Start();
        world.EndPoint(world.Rosnou).Should().Be(endPoint);
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220 rosnou.ru");
    }

    [Fact]
    public async Task Stopped_EndsOpenSessionsWith421()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = world.ConnectInMemory(world.Rosnou);
        (await client.ReadReplyAsync()).Should().StartWith("220 ");

        TestWorld.Vs(world.Rosnou).Stop();
        (await client.ReadReplyAsync()).Should().Be("421 4.3.2 Service not available, closing transmission channel");
        (await client.IsClosedAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task ServiceStop_StopsEveryVirtualServer_AndStartingOneStartsTheService()
    {
        await using var world = await TestWorld.StartAsync(w =>
            w.FindHost("rosnou.ru")!.Smtp.AddVirtualServer("Second", System.Net.IPAddress.Loopback, 0, "/mailroot2", "second.rosnou.ru"));
        var first = TestWorld.Vs(world.Rosnou);
        var second = world.Rosnou.Smtp.Find("Second")!;
        second.Pause();

        world.Rosnou.Smtp.Stop();
        first.State.Should().Be(VirtualServerState.Stopped);
        second.State.Should().Be(VirtualServerState.Stopped);
        world.Server.GetEndPoint(first).Should().BeNull();
        world.Server.GetEndPoint(second).Should().BeNull();

        first.Start();
        world.Rosnou.Smtp.State.Should().Be(VirtualServerState.Running);
        first.State.Should().Be(VirtualServerState.Running);
        second.State.Should().Be(VirtualServerState.Paused, "the service brings back each virtual server's own state");
        world.Server.GetEndPoint(second).Should().NotBeNull("a paused server keeps its listener");
    }

    [Fact]
    public async Task ServicePause_PausesEveryVirtualServer()
    {
        await using var world = await TestWorld.StartAsync();
        world.MailRu.Smtp.Pause();
        await using var client = await world.ConnectTcpAsync(world.MailRu);
        (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");

        world.MailRu.Smtp.Start();
        await using var again = await world.ConnectTcpAsync(world.MailRu);
        (await again.ReadReplyAsync()).Should().StartWith("220 mail.ru");
    }
}
