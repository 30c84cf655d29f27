using System.Net;
using System.Text;
using MailLab.Mail.Delivery;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Mail.Tests.Delivery;

/// <summary>
/// What a receiver reads from the wire to continue a sender's trace (<see cref="OutboundEndpoints.TraceOf"/>):
/// the endpoint the connection came from must be one a host of the world is sending from, and the
/// queue id in the content's first Received line, when there is one of ours, must be that of the
/// message the host is sending there. Anything else starts a new trace: a wrong link is never made.
/// </summary>
public sealed class OutboundEndpointsTests
{
    private static readonly IPEndPoint Sender = new(IPAddress.Parse("198.51.100.10"), 49200);

    [Theory]
    [InlineData("Received: from ivan ([127.0.0.1]) by mail.ru with ESMTPA id ML00000005;\r\n\tTue, 1 Sep 2026 09:00:00 +0000\r\n", 1L, "the sender's own Received line: its queue id agrees")]
    [InlineData("Received: from x ([192.0.2.9]) by mail.ru with ESMTP id ML00000009;\r\n\tTue, 1 Sep 2026 09:00:00 +0000\r\n", 0L, "a Received line naming another message: forged, not followed")]
    [InlineData("", 1L, "no Received line (a notice the host wrote): told by the endpoint")]
    public async Task TheReceivedIdAndTheEndpoint_MustAgree(string received, long expected, string because)
    {
        var found = await WhileSendingAsync((endpoints, headers) => endpoints.TraceOf(Sender, headers(received)));
        found.Should().Be(expected, because);
    }

    [Fact]
    public async Task AnotherEndpoint_OrAClosedConnection_StartsANewTrace()
    {
        var world = new MailWorld(TimeProvider.System);
        var found = await WhileSendingAsync((endpoints, headers) => endpoints.TraceOf(new IPEndPoint(Sender.Address, Sender.Port + 1), headers("")), world);
        found.Should().Be(0, "no host of the world is sending from that port");
        world.OutboundEndpoints.TraceOf(Sender, null).Should().Be(0, "the connection closed: its record went with it");
    }

    [Fact]
    public async Task AnIPv4AddressSeenThroughADualStackSocket_IsTheSameEndpoint()
    {
        var found = await WhileSendingAsync((endpoints, headers) => endpoints.TraceOf(new IPEndPoint(Sender.Address.MapToIPv6(), Sender.Port), headers("")));
        found.Should().Be(1);
    }

    /// <summary>
    /// Runs <paramref name="probe"/> while mail.ru sends message ML00000005 of trace ML00000001 from
    /// <see cref="Sender"/> on a connection of its pool, as a receiver would while the content arrives.
    /// </summary>
    private static async Task<long> WhileSendingAsync(Func<OutboundEndpoints, Func<string, HeaderFacts?>, long> probe, MailWorld? world = null)
    {
        world ??= new MailWorld(TimeProvider.System);
        var mailRu = world.AddHost("mail.ru");
        var server = mailRu.Smtp.AddVirtualServer("Default SMTP Virtual Server", IPAddress.Loopback, 0, @"C:\Inetpub\mailroot", "mail.ru");
        var request = new OutboundRequest(mailRu, new WorldHostTarget(world.AddHost("rosnou.ru")), "mail.ru", "ivan@mail.ru", ["student@rosnou.ru"],
            "Subject: x\r\n\r\nx\r\n"u8.ToArray(), "ML00000001", RequireTls: false, SendHelo: false) { MessageId = "ML00000005" };
        var wire = new ProbingWire(world.OutboundEndpoints, probe);
        await server.OutboundConnections.SendAsync(wire, request).WaitAsync(TimeSpan.FromSeconds(10));
        return wire.Found;
    }

    private sealed class ProbingWire(OutboundEndpoints endpoints, Func<OutboundEndpoints, Func<string, HeaderFacts?>, long> probe) : IOutboundSmtp
    {
        public long Found { get; private set; } = -1;

        public Task SendAsync(OutboundConnection connection, CancellationToken cancellationToken)
        {
            connection.TryTakeNext(out var first).Should().BeTrue();
            var feed = new OutboundSessionFeed(connection, first!, 1);
            using var client = new SmtpClientSession(first!.HeloName, OutboundSessionFeed.Transaction(first), feed.Next);
            feed.Client = client;
            using (endpoints.Open(Sender, feed))
            {
                Found = probe(endpoints, received => Cleanup.Read(Encoding.ASCII.GetBytes(received + "Subject: x\r\n\r\nx\r\n")));
            }

            connection.Complete(first, new OutboundResult(null, first.Recipients.ToDictionary(r => r, _ => new SmtpReply(250, null, "ok"))));
            return Task.CompletedTask;
        }
    }
}
