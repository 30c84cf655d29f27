using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A hop between two hosts of the world that requires TLS (Delivery tab → Outbound Security → TLS
/// encryption) runs the same sans-I/O client as a plain one, over the in-memory network with TLS in
/// the hosting layer: STARTTLS, the handshake, EHLO again, and the message over TLS.
/// </summary>
public sealed class WorldTlsHopTests
{
    private static readonly string TwoHosts = $$"""
        hosts:
        {{Topologies.MailRu("{ outboundTls: true }")}}
        {{Topologies.RosnouRu}}

        dns:
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;

    [Fact]
    public async Task HopThatRequiresTls_RunsStartTls_AndTheJourneyShowsBothEndsOfItOverTls()
    {
        await using var world = await YamlWorld.StartAsync(TwoHosts);

        var id = await world.SendAsIvanAsync("over TLS", "student@rosnou.ru");
        await world.IdleAsync();

        var stored = world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.TraceId.Should().Be(id, "rosnou.ru continues mail.ru's trace");
        var received = System.Text.Encoding.ASCII.GetString(stored.Data).Split("\r\n\r\n")[0];
        received.Should().StartWith("Received: from mail.ru ([198.51.100.10]) by rosnou.ru with ESMTPS id ", "RFC 3848: ESMTP over TLS");

        var hops = TraceHops.Of(world.World.Trace, id, world.World.Trace.ForTrace(id));
        var client = hops.Should().ContainSingle(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Client).Subject;
        var server = hops.Should().ContainSingle(h => h.Host == "rosnou.ru" && h.Role == TraceHopRole.Server).Subject;
        string[] Lines(TraceHop hop) => hop.Transcript.Select(l => l.Text).ToArray();
        Lines(client).Should().ContainInOrder("EHLO mail.ru", "STARTTLS", "EHLO mail.ru");
        Lines(client).SkipWhile(l => l != "STARTTLS").Should().Contain(l => l.StartsWith("MAIL FROM:<ivan@mail.ru>", StringComparison.Ordinal), "MAIL goes only over TLS");
        Lines(client).Should().Contain(l => l.StartsWith("220 ", StringComparison.Ordinal) && l.Contains("TLS", StringComparison.OrdinalIgnoreCase), "the server's go-ahead for TLS");
        Lines(client).Count(l => l.StartsWith("EHLO ", StringComparison.Ordinal)).Should().Be(2, "RFC 3207 §4.2: EHLO again over TLS");
        Lines(server).Should().ContainInOrder("STARTTLS", "EHLO mail.ru");
        Lines(server).Should().Contain(l => l.StartsWith("250 2.6.0 <", StringComparison.Ordinal));
    }
}
