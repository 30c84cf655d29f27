using System.Net;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>
/// The outbound connections (docs/REFERENCE.md, "Messages tab" and "Delivery tab": messages per connection 20, 100 connections per domain,
/// 1,000 in all): a message to a next hop with an open connection that has room joins it, the
/// connection takes the waiting messages one after another, and past the limit a new one carries on.
/// </summary>
public sealed class OutboundConnectionPoolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MessagesArrivingWhileAConnectionIsOpen_JoinIt()
    {
        var (server, rosnou) = World();
        var wire = new GatedWire();

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstConnectionOpened.Task.WaitAsync(Limit);
        var joined = Enumerable.Range(2, 3).Select(i => server.OutboundConnections.SendAsync(wire, Request(server, rosnou, $"ML{i}"))).ToArray();
        server.OutboundConnections.OpenConnections.Should().Be(1, "the open connection has room for them");
        server.OutboundConnections.WaitingMessages.Should().Be(3);
        wire.Release.SetResult();
        var results = await Task.WhenAll(joined.Prepend(first)).WaitAsync(Limit);

        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1", "ML2", "ML3", "ML4" } }, o => o.WithStrictOrdering());
        results.Select(r => r.RecipientReplies["student@rosnou.ru"].Lines[0]).Should().Equal("ML1", "ML2", "ML3", "ML4");
        server.OutboundConnections.OpenConnections.Should().Be(0);
    }

    [Fact]
    public async Task AConnectionTakesAtMostTheLimit_ThenANewOneCarriesOn()
    {
        var (server, rosnou) = World();
        server.Configure(s => s with { Delivery = s.Delivery with { MaxOutboundConnectionsPerDomain = 1 } });
        server.Limits.MaxMessagesPerConnection.Should().Be(20, "IIS's default");
        var wire = new GatedWire();

        var sends = new List<Task<OutboundResult>> { server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1")) };
        await wire.FirstConnectionOpened.Task.WaitAsync(Limit);
        sends.AddRange(Enumerable.Range(2, 44).Select(i => server.OutboundConnections.SendAsync(wire, Request(server, rosnou, $"ML{i}"))));
        server.OutboundConnections.OpenConnections.Should().Be(1, "one connection per domain is allowed");
        wire.Release.SetResult();
        await Task.WhenAll(sends).WaitAsync(Limit);

        wire.Connections.Select(c => c.Count).Should().Equal(20, 20, 5);
        wire.Connections.SelectMany(c => c).Should().Equal(Enumerable.Range(1, 45).Select(i => $"ML{i}"));
        wire.MaxOpen.Should().Be(1);
    }

    [Fact]
    public async Task MessagesBeyondTheOpenConnectionsRoom_OpenAnotherConnection()
    {
        var (server, rosnou) = World();
        server.Configure(s => s with { Limits = s.Limits with { MaxMessagesPerConnection = 2 } });
        var wire = new GatedWire { GatedConnections = int.MaxValue };

        var sends = Enumerable.Range(1, 5).Select(i => server.OutboundConnections.SendAsync(wire, Request(server, rosnou, $"ML{i}"))).ToArray();
        server.OutboundConnections.OpenConnections.Should().Be(3, "each connection has room for two, so five messages need three");
        wire.Release.SetResult();
        await Task.WhenAll(sends).WaitAsync(Limit);

        wire.Connections.Should().HaveCount(3).And.OnlyContain(c => c.Count <= 2);
        wire.Connections.SelectMany(c => c).Should().BeEquivalentTo(Enumerable.Range(1, 5).Select(i => $"ML{i}"));
    }

    [Fact]
    public async Task MessageArrivingAsTheConnectionCloses_OpensAConnectionOfItsOwn()
    {
        var (server, rosnou) = World();
        var wire = new GatedWire { GatedConnections = 0, HoldFirstClosing = true };

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstClosed.Task.WaitAsync(Limit);

        // The first connection found nothing waiting and said QUIT; it is still open while the next message arrives.
        var second = await server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML2")).WaitAsync(Limit);
        first.IsCompleted.Should().BeFalse("the first connection has not ended yet");
        server.OutboundConnections.OpenConnections.Should().Be(1);
        wire.ReleaseClosing.SetResult();
        await first.WaitAsync(Limit);

        second.RecipientReplies["student@rosnou.ru"].Lines[0].Should().Be("ML2");
        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1" }, ["ML2"] }, o => o.WithStrictOrdering());
        wire.MaxOpen.Should().Be(2);
    }

    [Fact]
    public async Task MessageArrivingAsTheOnlyAllowedConnectionCloses_LeavesOnTheNextOne()
    {
        var (server, rosnou) = World();
        server.Configure(s => s with { Delivery = s.Delivery with { MaxOutboundConnectionsPerDomain = 1 } });
        var wire = new GatedWire { GatedConnections = 0, HoldFirstClosing = true };

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstClosed.Task.WaitAsync(Limit);
        var second = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML2"));
        server.OutboundConnections.WaitingMessages.Should().Be(1, "the closing connection takes nothing more and holds the only slot");
        wire.ReleaseClosing.SetResult();
        var results = await Task.WhenAll(first, second).WaitAsync(Limit);

        results.Select(r => r.RecipientReplies["student@rosnou.ru"].Lines[0]).Should().Equal("ML1", "ML2");
        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1" }, ["ML2"] }, o => o.WithStrictOrdering());
        wire.MaxOpen.Should().Be(1);
    }

    [Fact]
    public async Task DifferentNextHops_DoNotShareAConnection_ButShareTheTotalLimit()
    {
        var (server, rosnou) = World();
        var other = server.Host.World.AddHost("other.example");
        server.Configure(s => s with { Delivery = s.Delivery with { MaxOutboundConnections = 1 } });
        var wire = new GatedWire();

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstConnectionOpened.Task.WaitAsync(Limit);
        var second = server.OutboundConnections.SendAsync(wire, Request(server, other, "ML2"));
        var third = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML3"));
        server.OutboundConnections.OpenConnections.Should().Be(1);
        wire.Release.SetResult();
        await Task.WhenAll(first, second, third).WaitAsync(Limit);

        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1", "ML3" }, ["ML2"] }, o => o.WithStrictOrdering(),
            "ML3 joins the open connection to rosnou.ru; ML2 waits for the only slot");
        wire.MaxOpen.Should().Be(1);
    }

    [Fact]
    public async Task AnotherRecipientDomainOnTheSameWorldHost_GetsAConnectionOfItsOwn()
    {
        // The receiving virtual server is picked by the recipients' domain (InProcessSmtpWire.PickVirtualServer).
        var (server, rosnou) = World();
        var wire = new GatedWire();

        var first = server.OutboundConnections.SendAsync(wire, Request(server, rosnou, "ML1"));
        await wire.FirstConnectionOpened.Task.WaitAsync(Limit);
        var other = Request(server, rosnou, "ML2") with { Recipients = ["dean@faculty.rosnou.ru"] };
        await server.OutboundConnections.SendAsync(wire, other).WaitAsync(Limit);
        wire.Release.SetResult();
        await first.WaitAsync(Limit);

        wire.Connections.Should().BeEquivalentTo(new[] { new[] { "ML1" }, ["ML2"] }, o => o.WithStrictOrdering());
        wire.MaxOpen.Should().Be(2);
    }

    [Fact]
    public async Task AMessageTheWireLeavesUnanswered_FailsTransiently_AndAnExceptionReachesItsMessage()
    {
        var (server, rosnou) = World();
        var unanswered = await server.OutboundConnections.SendAsync(new LeavingWire(), Request(server, rosnou, "ML1")).WaitAsync(Limit);
        unanswered.ConnectionError!.ToString().Should().StartWith("451 4.4.2 Connection to rosnou.ru ended before the message was sent");

        var thrown = () => server.OutboundConnections.SendAsync(new LeavingWire { Throw = true }, Request(server, rosnou, "ML2")).WaitAsync(Limit);
        await thrown.Should().ThrowAsync<IOException>().WithMessage("wire broke");
        server.OutboundConnections.OpenConnections.Should().Be(0);
    }

    [Fact]
    public async Task ManyConcurrentSends_AllComplete_EachOnceAndWithinTheLimits()
    {
        var (server, rosnou) = World();
        var hops = new[] { rosnou, server.Host.World.AddHost("a.example"), server.Host.World.AddHost("b.example") };
        server.Configure(s => s with { Delivery = s.Delivery with { MaxOutboundConnections = 4 } });
        server.Configure(s => s with { Delivery = s.Delivery with { MaxOutboundConnectionsPerDomain = 2 } });
        server.Configure(s => s with { Limits = s.Limits with { MaxMessagesPerConnection = 7 } });
        var wire = new GatedWire { GatedConnections = 0, YieldEvery = 3 };
        const int producers = 8, perProducer = 500;

        var sends = await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() =>
            Enumerable.Range(0, perProducer).Select(i => (Id: $"ML{p}-{i}", Send: server.OutboundConnections.SendAsync(wire, Request(server, hops[i % 3], $"ML{p}-{i}")))).ToArray())));
        var all = sends.SelectMany(s => s).ToArray();
        var results = await Task.WhenAll(all.Select(s => s.Send)).WaitAsync(TimeSpan.FromSeconds(60));
        await server.Host.World.Work.WhenIdleAsync().WaitAsync(Limit);

        results.Select(r => r.RecipientReplies.Values.Single().Lines[0]).Should().Equal(all.Select(s => s.Id), "each message gets its own answer");
        wire.Connections.SelectMany(c => c).Should().OnlyHaveUniqueItems().And.HaveCount(producers * perProducer);
        wire.Connections.Should().OnlyContain(c => c.Count >= 1 && c.Count <= 7);
        wire.MaxOpen.Should().BeLessThanOrEqualTo(4);
        wire.MaxOpenPerHop.Should().BeLessThanOrEqualTo(2);
        server.OutboundConnections.OpenConnections.Should().Be(0);
        server.OutboundConnections.WaitingMessages.Should().Be(0);
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

    /// <summary>Every recipient accepted, with the message's trace id as the reply text, so a test sees whose answer it got.</summary>
    private static OutboundResult Accepted(OutboundRequest request) =>
        new(null, request.Recipients.ToDictionary(x => x, _ => new SmtpReply(250, null, request.TraceId)));

    /// <summary>
    /// A wire that records the messages each connection takes. The first <see cref="GatedConnections"/>
    /// connections wait for <see cref="Release"/> before taking anything; with <see cref="HoldFirstClosing"/>
    /// the first connection stays open after it found nothing more to take, until <see cref="ReleaseClosing"/>.
    /// </summary>
    private sealed class GatedWire : IOutboundSmtp
    {
        private readonly Dictionary<string, int> _openPerHop = [];
        private int _open;
        private int _opened;

        public int GatedConnections { get; init; } = 1;

        public bool HoldFirstClosing { get; init; }

        /// <summary>Yield to the thread pool after every Nth message (0: never), so connections interleave.</summary>
        public int YieldEvery { get; init; }

        public TaskCompletionSource FirstConnectionOpened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseClosing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<List<string>> Connections { get; } = [];

        public int MaxOpen { get; private set; }

        public int MaxOpenPerHop { get; private set; }

        public async Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
        {
            var taken = new List<string>();
            int index;
            var hop = connection.Target.Name;
            lock (Connections)
            {
                index = _opened++;
                Connections.Add(taken);
                MaxOpen = Math.Max(MaxOpen, ++_open);
                _openPerHop[hop] = _openPerHop.GetValueOrDefault(hop) + 1;
                MaxOpenPerHop = Math.Max(MaxOpenPerHop, _openPerHop[hop]);
            }

            FirstConnectionOpened.TrySetResult();
            if (index < GatedConnections)
            {
                await Release.Task;
            }

            while (connection.TryTakeNext(out var request))
            {
                int count;
                lock (Connections)
                {
                    taken.Add(request.TraceId);
                    count = taken.Count;
                }

                if (YieldEvery > 0 && count % YieldEvery == 0)
                {
                    await Task.Yield();
                }

                connection.Complete(request, Accepted(request));
            }

            if (index == 0 && HoldFirstClosing)
            {
                FirstClosed.SetResult();
                await ReleaseClosing.Task;
            }

            lock (Connections)
            {
                _open--;
                _openPerHop[hop]--;
            }
        }
    }

    /// <summary>A wire that takes its message and returns without answering it, or throws.</summary>
    private sealed class LeavingWire : IOutboundSmtp
    {
        public bool Throw { get; init; }

        public Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
        {
            connection.TryTakeNext(out _).Should().BeTrue();
            return Throw ? Task.FromException(new IOException("wire broke")) : Task.CompletedTask;
        }
    }
}
