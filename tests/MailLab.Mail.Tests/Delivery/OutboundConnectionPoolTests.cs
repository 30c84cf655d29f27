using System.Net;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>
/// The outbound connection limits (REFERENCE.md: messages per connection 20, 100 connections per
/// domain, 1,000 in all): messages that find no free connection wait and leave together on the next.
/// </summary>
public sealed class OutboundConnectionPoolTests
{
    [Fact]
    public async Task MessagesWaitingForAConnection_LeaveTogether_NoMoreThanTheLimitPerConnection()
    {
        var (server, rosnou) = World();
        server.Delivery.MaxOutboundConnectionsPerDomain = 1;
        server.Limits.MaxMessagesPerConnection = 2;
        var wire = new GatedWire();

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstConnectionOpened.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = Enumerable.Range(2, 4).Select(i => server.OutboundConnections.SendAsync(wire, Request(server, rosnou, $"ML{i}"))).ToArray();
        server.OutboundConnections.OpenConnections.Should().Be(1, "one connection per domain is allowed");
        wire.Release.SetResult();
        var results = await Task.WhenAll(waiting.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(10));

        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1" }, ["ML2", "ML3"], ["ML4", "ML5"] }, o => o.WithStrictOrdering());
        results.Select(r => r.RecipientReplies["student@rosnou.ru"].Code).Should().AllBeEquivalentTo(250);
        server.OutboundConnections.OpenConnections.Should().Be(0);
    }

    [Fact]
    public async Task DifferentNextHops_DoNotShareAConnection_ButShareTheTotalLimit()
    {
        var (server, rosnou) = World();
        var other = server.Host.World.AddHost("other.example");
        server.Delivery.MaxOutboundConnections = 1;
        var wire = new GatedWire();

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstConnectionOpened.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = server.OutboundConnections.SendAsync(wire, Request(server, other, "ML2"));
        var third = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML3"));
        wire.Release.SetResult();
        await Task.WhenAll(first, second, third).WaitAsync(TimeSpan.FromSeconds(10));

        wire.Connections.Should().HaveCount(3, "ML2 goes to another host, and ML3 found the only slot taken by then");
        wire.Connections.Should().Contain(c => c.SequenceEqual(new[] { "ML2" }));
        wire.MaxOpen.Should().Be(1);
    }

    private static (SmtpVirtualServer Server, MailHost Rosnou) World()
    {
        var world = new MailWorld(TimeProvider.System);
        var mailRu = world.AddHost("mail.ru");
        var server = mailRu.Smtp.AddVirtualServer("Default SMTP Virtual Server", IPAddress.Loopback, 0, @"C:\Inetpub\mailroot", "mail.ru");
        return (server, world.AddHost("rosnou.ru"));
    }

    private static OutboundRequest Request(SmtpVirtualServer server, MailHost target, string traceId) =>
        new(server.Host, new WorldHostTarget(target), "mail.ru", "ivan@mail.ru", ["student@rosnou.ru"], "Subject: x\r\n\r\nx\r\n"u8.ToArray(), traceId, RequireTls: false, SendHelo: false);

    /// <summary>A wire whose first connection stays open until the test releases it; it records each connection's messages.</summary>
    private sealed class GatedWire : IOutboundSmtp
    {
        private int _open;

        public TaskCompletionSource FirstConnectionOpened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string[]> Connections { get; } = [];

        public int MaxOpen { get; private set; }

        public async Task<IReadOnlyList<OutboundResult>> SendAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
        {
            lock (Connections)
            {
                Connections.Add(requests.Select(r => r.TraceId).ToArray());
                MaxOpen = Math.Max(MaxOpen, ++_open);
            }

            FirstConnectionOpened.TrySetResult();
            await Release.Task;
            lock (Connections)
            {
                _open--;
            }

            return requests.Select(r => new OutboundResult(null, r.Recipients.ToDictionary(x => x, _ => new SmtpReply(250, "2.6.0", "Queued")))).ToArray();
        }
    }
}
