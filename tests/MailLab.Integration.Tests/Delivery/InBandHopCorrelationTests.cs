using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MimeKit;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A hop is correlated from what the wire shows, as an administrator correlates two hosts' logs: the
/// queue id in the Received line the sender wrote, the endpoint the connection came from (the
/// sender's local endpoint, the receiver's remote one) and time order. Over real TCP as over the
/// in-memory transport; a forged Received line never links a message to a trace it is not part of.
/// </summary>
public sealed class InBandHopCorrelationTests
{
    private const string Rosnou = "rosnou.ru";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AHopOverTcp_IsCorrelatedByItsEndpoints_AcceptedOrRefusedAtRcpt(bool outboundTls)
    {
        // One world: mail.ru's smart host is rosnou.ru's own TCP listener on loopback.
        await using var world = await YamlWorld.StartAsync(DefaultTopology.ReadYaml(), listenOnTcp: true);
        var port = world.TcpEndPoint(Rosnou).Port;
        VirtualServerSettings.Apply(world.Vs("mail.ru"), "smartHost", $"[127.0.0.1]:{port}");
        VirtualServerSettings.Apply(world.Vs("mail.ru"), "outboundTls", outboundTls ? "true" : "false");

        var accepted = await world.SendAsIvanAsync("over tcp", "student@rosnou.ru");
        await world.IdleAsync();
        world.World.Faults.AddReply(Rosnou, Mail.Faults.FaultStage.Rcpt, new Protocol.Smtp.SmtpReply(550, "5.1.1", "No such user"));
        var refused = await world.SendAsIvanAsync("refused over tcp", "student@rosnou.ru");
        await world.IdleAsync();

        var trace = world.World.Trace;
        var stored = world.Host(Rosnou).Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.TraceId.Should().Be(accepted, "rosnou.ru's copy continues mail.ru's trace: its Received id and endpoint agree");
        world.Stages(accepted).Should().Contain($"{Rosnou} Received").And.Contain($"{Rosnou} DeliveredToMailbox");

        foreach (var (id, reply) in new[] { (accepted, "250 2.6.0"), (refused, null as string) })
        {
            var hops = TraceHops.Of(trace, id, trace.ForTrace(id));
            var client = hops.Should().ContainSingle(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Client).Subject;
            var server = hops.Should().ContainSingle(h => h.Host == Rosnou && h.Role == TraceHopRole.Server, $"rosnou.ru's side of {id}").Subject;
            server.SessionId.Should().NotBe(client.SessionId);
            server.Peer.Should().Be("127.0.0.1", "the hop came over loopback TCP");
            Texts(server).Should().Contain("RCPT TO:<student@rosnou.ru>");
            Texts(server).Contains("STARTTLS").Should().Be(outboundTls);
            if (reply is null)
            {
                Texts(server).Should().Contain(t => t.StartsWith("550 5.1.1", StringComparison.Ordinal)).And.NotContain("DATA");
                server.Reply.Should().BeNull();
            }
            else
            {
                server.Reply.Should().StartWith(reply);
            }
        }
    }

    [Fact]
    public async Task AForgedReceivedId_NeverLinksAMessageToAnotherTrace()
    {
        await using var world = await YamlWorld.StartAsync(DefaultTopology.ReadYaml());
        var genuine = await world.SendAsIvanAsync("genuine", "student@rosnou.ru");
        await world.IdleAsync();

        // A client on loopback (no host of this world) writes a Received line naming mail.ru's queue id.
        var forged = new MimeMessage();
        forged.Headers.Add("Received", $"from mail.ru ([198.51.100.10]) by mail.ru with ESMTPA id {genuine}; Tue, 1 Sep 2026 09:00:00 +0000");
        forged.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        forged.To.Add(MailboxAddress.Parse("student@rosnou.ru"));
        forged.Subject = "forged";
        forged.Body = new TextPart("plain") { Text = "Not from mail.ru." };
        using (var client = new SmtpClient { Timeout = 20_000 })
        {
            await client.ConnectAsync(world.Server.InMemory.Connect(world.Vs(Rosnou), IPAddress.Loopback), Rosnou, 25, SecureSocketOptions.None);
            await client.SendAsync(forged);
            await client.DisconnectAsync(true);
        }

        await world.IdleAsync();

        var messages = world.Host(Rosnou).Mailboxes.Find("student@rosnou.ru")!.Messages;
        messages.Single(m => m.Subject == "genuine").TraceId.Should().Be(genuine);
        var copy = messages.Single(m => m.Subject == "forged");
        copy.TraceId.Should().Be(copy.Id, "nothing on the wire agreed with the forged line: the message starts a trace of its own");
        world.Stages(genuine).Count(s => s == $"{Rosnou} Received").Should().Be(1, "the forged message is not part of the genuine one's trace");
        world.World.Trace.Views.Message(copy.TraceId).Should().NotBeNull("it is listed as a message of its own");
    }

    [Fact]
    public async Task ANoticeWithNoReceivedLine_IsLinkedByTheEndpointItCameFrom()
    {
        // other.ru returns the looping message with an NDR, which it writes itself (no Received line):
        // mail.ru's copy of the NDR is found on the NDR's own trace by the connection's endpoint.
        await using var world = await YamlWorld.StartAsync(LoopYaml);
        var id = await world.SendAsIvanAsync("round and round", "someone@loop.example");
        await world.IdleAsync();

        var ndr = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var notice = world.World.Trace.Views.Message(ndr.TraceId);
        notice.Should().NotBeNull();
        notice!.Kind.Should().Be(TraceMessageKind.NonDeliveryReport);
        notice.OriginalTraceId.Should().Be(id);
        world.Stages(ndr.TraceId).Should().ContainInOrder("other.ru NdrGenerated", "other.ru Connecting", "mail.ru Received", "mail.ru DeliveredToMailbox", "other.ru Relayed");
        var hops = TraceHops.Of(world.World.Trace, ndr.TraceId, world.World.Trace.ForTrace(ndr.TraceId));
        hops.Select(h => (h.Host, h.Role)).Should().ContainInOrder(("other.ru", TraceHopRole.Client), ("mail.ru", TraceHopRole.Server));
    }

    [Fact]
    public async Task FiftyConcurrentRelays_OverTheInMemoryTransport_AreEachLinkedToTheirOwnMessage()
    {
        // Outbound TLS sends every hop over the in-memory network's streams, one connection per message.
        await using var world = await YamlWorld.StartAsync(DefaultTopology.ReadYaml().Replace("outboundTls: false", "outboundTls: true", StringComparison.Ordinal));
        VirtualServerSettings.Apply(world.Vs("mail.ru"), "maxMessagesPerConnection", "1");
        var gate = OverlappingOutbound.Install(world.World, 50);
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => world.SendAsIvanAsync($"relay {i}", "student@rosnou.ru")));
        await gate.Opened.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await world.IdleAsync();

        var trace = world.World.Trace;
        var stored = world.Host(Rosnou).Mailboxes.Find("student@rosnou.ru")!.Messages;
        stored.Should().HaveCount(50);
        var servers = new HashSet<long>();
        for (var i = 0; i < ids.Length; i++)
        {
            stored.Single(m => m.Subject == $"relay {i}").TraceId.Should().Be(ids[i], "each copy continues its own message's trace");
            var hops = TraceHops.Of(trace, ids[i], trace.ForTrace(ids[i]));
            var server = hops.Should().ContainSingle(h => h.Host == Rosnou && h.Role == TraceHopRole.Server).Subject;
            server.Reply.Should().StartWith("250 2.6.0");
            servers.Add(server.SessionId).Should().BeTrue("each message arrived on a connection of its own");
        }
    }

    // mail.ru and other.ru forward loop.example to each other (HopCountTests' world).
    private static readonly string LoopYaml = HopCountTests.Yaml();

    private static string[] Texts(TraceHop hop) => hop.Transcript.SelectMany(l => l.Text.Split('\n')).ToArray();
}
