using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A message's hop between world hosts is read as the pair of its sides: the sender's client session
/// and the receiver's server session (<see cref="TraceHops"/>). The pairing must hold where the content
/// never crosses (a recipient refused at RCPT) and where two connections between the same hosts are
/// open at once; these are the cases an in-band correlation (by endpoints and the Received id) has to keep.
/// </summary>
public sealed class HopCorrelationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false, "the in-process wire")]
    [InlineData(true, "MailKit over the in-memory network, with STARTTLS")]
    public async Task AHopRefusedAtRcpt_IsStillLinkedToItsSender(bool outboundTls, string wire)
    {
        await using var world = await YamlWorld.StartAsync(Yaml(outboundTls));
        world.World.Faults.AddReply("rosnou.ru", Mail.Faults.FaultStage.Rcpt, new Protocol.Smtp.SmtpReply(550, "5.1.1", "No such user"));

        var id = await world.SendAsIvanAsync("refused", "petr@rosnou.ru");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain(t => t.StartsWith("mail.ru Failed: <petr@rosnou.ru>: 550 5.1.1", StringComparison.Ordinal));
        var hops = TraceHops.Of(world.World.Trace, id, world.World.Trace.ForTrace(id));
        var client = hops.Single(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Client);
        var server = hops.Should().ContainSingle(h => h.Host == "rosnou.ru" && h.Role == TraceHopRole.Server, $"rosnou.ru's session refused it, and no content came ({wire})").Subject;
        foreach (var side in new[] { client, server })
        {
            Texts(side).Should().Contain("RCPT TO:<petr@rosnou.ru>").And.Contain(t => t.StartsWith("550 5.1.1", StringComparison.Ordinal)).And.NotContain("DATA");
        }

        server.SessionId.Should().NotBe(client.SessionId, "each side numbers its own sessions");
        server.Reply.Should().BeNull("no content was sent, so there is no reply to it");
    }

    [Theory]
    [InlineData(false, "the in-process wire")]
    [InlineData(true, "MailKit over the in-memory network, with STARTTLS")]
    public async Task TwoConcurrentHopsBetweenTheSameHosts_AreEachLinkedToTheirOwnMessage(bool outboundTls, string wire)
    {
        await using var world = await YamlWorld.StartAsync(Yaml(outboundTls));

        // One message per connection, and both connections held until both are open: two sessions at once.
        VirtualServerSettings.Apply(world.Vs("mail.ru"), "maxMessagesPerConnection", "1");
        var both = OverlappingOutbound.Install(world.World, 2);
        var ids = new[]
        {
            await world.SendAsIvanAsync("to student", "student@rosnou.ru"),
            await world.SendAsIvanAsync("to petr", "petr@rosnou.ru"),
        };
        await both.Opened.Task.WaitAsync(Limit);
        await world.IdleAsync();

        var trace = world.World.Trace;
        var pairs = ids.Select(id => TraceHops.Of(trace, id, trace.ForTrace(id)))
            .Select(hops => (Client: hops.Single(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Client), Server: hops.Single(h => h.Host == "rosnou.ru" && h.Role == TraceHopRole.Server)))
            .ToArray();
        pairs.Select(p => p.Client.SessionId).Distinct().Should().HaveCount(2, $"each message left on its own connection ({wire})");
        pairs.Select(p => p.Server.SessionId).Distinct().Should().HaveCount(2, "rosnou.ru received each in its own session");
        foreach (var ((client, server), (own, other)) in pairs.Zip(new[] { ("student@rosnou.ru", "petr@rosnou.ru"), ("petr@rosnou.ru", "student@rosnou.ru") }))
        {
            foreach (var side in new[] { client, server })
            {
                Texts(side).Should().Contain($"RCPT TO:<{own}>").And.NotContain(t => t.Contains(other, StringComparison.Ordinal), $"{side.Host}'s hop holds only its own message's session");
                side.Reply.Should().StartWith("250 2.6.0");
            }
        }

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("to student");
    }

    private static string Yaml(bool outboundTls)
    {
        var yaml = DefaultTopology.ReadYaml().Replace(
            "      - { address: student@rosnou.ru, password: student123 }",
            "      - { address: student@rosnou.ru, password: student123 }\n      - { address: petr@rosnou.ru, password: petr123 }",
            StringComparison.Ordinal);
        return outboundTls ? yaml.Replace("outboundTls: false", "outboundTls: true", StringComparison.Ordinal) : yaml;
    }

    private static string[] Texts(TraceHop hop) => hop.Transcript.SelectMany(l => l.Text.Split('\n')).ToArray();
}
