using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Messages per connection (docs/REFERENCE.md, "Messages tab"): a message for a next hop that already has an
/// open connection waits for it and leaves on it, after the message before it. Each message keeps
/// its own trace on both sides; the connection has one greeting and one EHLO.
/// </summary>
public sealed class ConnectionSharingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false, "the in-process wire")]
    [InlineData(true, "MailKit over the in-memory network, with STARTTLS")]
    public async Task MessagesWaitingForAnOpenConnection_ShareItsSession_EachWithItsOwnTrace(bool outboundTls, string wire)
    {
        var yaml = DefaultTopology.ReadYaml();
        await using var world = await YamlWorld.StartAsync(outboundTls ? yaml.Replace("outboundTls: false", "outboundTls: true", StringComparison.Ordinal) : yaml);
        var held = HeldOutbound.Install(world.World);

        var ids = await SendWhileHeldAsync(world, held, ("first", "student@rosnou.ru"), ("second", "student@rosnou.ru"));
        held.Release.SetResult();
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("first", "second");
        var relayed = ids.Select(id => world.StageEvents(id).Single(e => e.Kind == TraceKind.Relayed)).ToArray();
        relayed.Select(e => e.SessionId).Distinct().Should().ContainSingle($"both left on one connection ({wire})");
        var received = ids.Select(id => world.StageEvents(id).Single(e => e.Host == "rosnou.ru" && e.Kind == TraceKind.Received)).ToArray();
        received.Select(e => e.SessionId).Distinct().Should().ContainSingle("rosnou.ru received both in one session, each in its own message's trace")
            .Which.Should().NotBe(relayed[0].SessionId, "each side numbers its own sessions");
        world.Stages(ids[1]).Should().ContainInOrder("mail.ru Received", "mail.ru Connecting", "rosnou.ru Received", "mail.ru Relayed");

        var commands = world.World.Trace.ForSession(relayed[0].SessionId!.Value).Where(e => e.Kind == TraceKind.ClientLine).Select(e => e.Text.Split(' ')[0]).ToArray();
        commands.Should().Equal(outboundTls
            ? ["EHLO", "STARTTLS", "EHLO", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "QUIT"]
            : ["EHLO", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "QUIT"]);
    }

    [Theory]
    [InlineData(false, "the in-process wire")]
    [InlineData(true, "MailKit over the in-memory network, with STARTTLS")]
    public async Task MessagesSharingAConnection_EachHopShowsItsOwnTransaction_AndTheConnectionsGreetingEhloAndQuit(bool outboundTls, string wire)
    {
        var yaml = DefaultTopology.ReadYaml().Replace(
            "      - { address: student@rosnou.ru, password: student123 }",
            "      - { address: student@rosnou.ru, password: student123 }\n      - { address: petr@rosnou.ru, password: petr123 }",
            StringComparison.Ordinal);
        await using var world = await YamlWorld.StartAsync(outboundTls ? yaml.Replace("outboundTls: false", "outboundTls: true", StringComparison.Ordinal) : yaml);
        var held = HeldOutbound.Install(world.World);

        // The first message's recipient is refused at RCPT, the second's is accepted, on one connection.
        var ids = await SendWhileHeldAsync(world, held, ("to petr", "petr@rosnou.ru"), ("to student", "student@rosnou.ru"));
        var (refused, delivered) = (ids[0], ids[1]);
        world.World.Faults.AddReply("rosnou.ru", Mail.Faults.FaultStage.Rcpt, new Protocol.Smtp.SmtpReply(550, "5.1.1", "No such user"));
        held.Release.SetResult();
        await world.IdleAsync();
        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("to student");

        var trace = world.World.Trace;
        var hopsOfRefused = TraceHops.Of(trace, refused, trace.ForTrace(refused));
        var hopsOfDelivered = TraceHops.Of(trace, delivered, trace.ForTrace(delivered));
        var client = hopsOfDelivered.Single(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Client);
        var server = hopsOfDelivered.Single(h => h.Host == "rosnou.ru" && h.Role == TraceHopRole.Server);
        hopsOfRefused.Should().Contain(h => h.SessionId == client.SessionId && h.Role == TraceHopRole.Client, $"the refused message's transaction is on the shared connection ({wire})");
        hopsOfRefused.Should().Contain(h => h.SessionId == server.SessionId && h.Role == TraceHopRole.Server, "rosnou.ru refused it in the same session");

        foreach (var side in new[] { client, server })
        {
            var own = Texts(side);
            own.Should().Contain("RCPT TO:<student@rosnou.ru>").And.Contain(t => t.StartsWith("250 2.6.0", StringComparison.Ordinal));
            own.Should().NotContain(t => t.Contains("petr@rosnou.ru", StringComparison.Ordinal), $"{side.Host}'s hop of {delivered} holds only its own transaction");
            own.Should().NotContain(t => t.StartsWith("550", StringComparison.Ordinal));
            own.Should().NotContain("RSET", "the RSET closed the other message's transaction");
            own.Count(t => t.StartsWith("MAIL FROM:", StringComparison.Ordinal)).Should().Be(1);
            own.Count(t => t.StartsWith("220 rosnou.ru", StringComparison.Ordinal)).Should().Be(1, "the connection's greeting is shared");
            own.Count(t => t.StartsWith("EHLO ", StringComparison.Ordinal)).Should().Be(outboundTls ? 2 : 1, "so is EHLO (again after STARTTLS)");
            own.Should().Contain("QUIT");
            side.Reply.Should().StartWith("250 2.6.0");

            var other = Texts(hopsOfRefused.Single(h => h.SessionId == side.SessionId));
            other.Should().Contain("RCPT TO:<petr@rosnou.ru>").And.Contain(t => t.StartsWith("550 5.1.1", StringComparison.Ordinal)).And.Contain("RSET");
            other.Should().NotContain(t => t.Contains("student@rosnou.ru", StringComparison.Ordinal)).And.NotContain("DATA");
            other.Count(t => t.StartsWith("220 rosnou.ru", StringComparison.Ordinal)).Should().Be(1);
            other.Should().Contain(t => t.StartsWith("EHLO ", StringComparison.Ordinal)).And.Contain("QUIT");
        }

        // The lines themselves say whose they are: each transaction's carry its message's trace and number.
        var lines = trace.ForSession(client.SessionId).Where(e => TraceLog.IsProtocol(e.Kind)).ToArray();
        lines.Where(e => e.Transaction == 0).Should().OnlyContain(e => e.TraceId == null);
        lines.Where(e => e.Text.Contains("petr@", StringComparison.Ordinal)).Should().OnlyContain(e => e.TraceId == refused && e.Transaction == 1);
        lines.Where(e => e.Text.Contains("student@", StringComparison.Ordinal)).Should().OnlyContain(e => e.TraceId == delivered && e.Transaction == 2);
    }

    [Fact]
    public async Task ClientSubmittingTwoMessagesOnOneConnection_EachMessagesFirstHopShowsItsOwnTransaction()
    {
        await using var world = await YamlWorld.StartAsync(DefaultTopology.ReadYaml());

        // Ivan's client (MailKit) submits two messages in one session: mail.ru learns each one's id only on accepting it.
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = 20_000 };
        await client.ConnectAsync(world.Server.InMemory.Connect(world.Vs("mail.ru"), System.Net.IPAddress.Loopback), "mail.ru", 25, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        var ids = new List<string>();
        foreach (var (subject, to) in new[] { ("one", "student@rosnou.ru"), ("two", "ivan@mail.ru") })
        {
            var message = new MimeKit.MimeMessage();
            message.From.Add(MimeKit.MailboxAddress.Parse("ivan@mail.ru"));
            message.To.Add(MimeKit.MailboxAddress.Parse(to));
            message.Subject = subject;
            message.Body = new MimeKit.TextPart("plain") { Text = "Hello" };
            var response = await client.SendAsync(message);
            var start = response.IndexOf('<', StringComparison.Ordinal) + 1;
            ids.Add(response[start..response.IndexOf('@', start)]);
        }

        await client.DisconnectAsync(true);
        await world.IdleAsync();

        var trace = world.World.Trace;
        var hops = ids.Select(id => TraceHops.Of(trace, id, trace.ForTrace(id)).First(h => h.Host == "mail.ru" && h.Role == TraceHopRole.Server)).ToArray();
        hops.Select(h => h.SessionId).Distinct().Should().ContainSingle("both were submitted in one session");
        Texts(hops[0]).Should().Contain("RCPT TO:<student@rosnou.ru>").And.NotContain("RCPT TO:<ivan@mail.ru>");
        Texts(hops[1]).Should().Contain("RCPT TO:<ivan@mail.ru>").And.NotContain("RCPT TO:<student@rosnou.ru>");
        foreach (var (hop, id) in hops.Zip(ids))
        {
            Texts(hop).Count(t => t.StartsWith("MAIL FROM:", StringComparison.Ordinal)).Should().Be(1);
            Texts(hop).Should().Contain(t => t.StartsWith("EHLO ", StringComparison.Ordinal)).And.Contain(t => t.StartsWith("AUTH ", StringComparison.Ordinal)).And.Contain("QUIT");
            hop.Reply.Should().Contain(id, "the reply to its content is its own 250");
        }
    }

    [Fact]
    public async Task InProcessWire_ADroppedConnection_FailsTheMessageInFlight_AndANewConnectionCarriesTheOthers()
    {
        await using var world = await YamlWorld.StartAsync(DefaultTopology.ReadYaml());
        var held = HeldOutbound.Install(world.World);

        var ids = await SendWhileHeldAsync(world, held, ("first", "student@rosnou.ru"), ("second", "student@rosnou.ru"));
        var (first, second) = (ids[0], ids[1]);
        world.World.Faults.AddDropDuringData("rosnou.ru");
        held.Release.SetResult();
        await world.IdleAsync();

        world.Host("rosnou.ru").Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("second");
        world.StageTexts(first).Should().Contain("mail.ru Deferred: Deferred (attempt 1): <student@rosnou.ru>: 451 4.4.2 Connection dropped by the server");
        world.Vs("mail.ru").Queue.Entries.Should().ContainSingle().Which.Message.TraceId.Should().Be(first, "the dropped message waits for its retry");
        var carried = world.StageEvents(second).Single(e => e.Kind == TraceKind.Relayed).SessionId!.Value;
        world.World.Trace.ForSession(carried).Where(e => e.Kind == TraceKind.ClientLine).Select(e => e.Text)
            .Should().ContainSingle(t => t.StartsWith("MAIL FROM:", StringComparison.Ordinal), "a new connection carried the second message alone");
    }

    [Fact]
    public async Task MailKitOverTcp_CarriesThreeMessagesOnOneConnection_ARefusedRecipientDoesNotEndIt()
    {
        await using var external = await YamlWorld.StartAsync(Topologies.ExternalExample, listenOnTcp: true);
        await using var world = await YamlWorld.StartAsync(SmartHostWorld(external));
        var held = HeldOutbound.Install(world.World);

        var ids = await SendWhileHeldAsync(world, held, ("one", "user@external.example"), ("two", "someone@elsewhere.example"), ("three", "user@external.example"));
        var (first, second, third) = (ids[0], ids[1], ids[2]);
        held.Release.SetResult();
        await world.IdleAsync();

        external.Host("external.example").Mailboxes.Find("user@external.example")!.Messages.Select(m => m.Subject).Should().Equal("one", "three");
        world.StageTexts(second).Should().Contain("mail.ru Failed: <someone@elsewhere.example>: 550 5.7.1 Unable to relay");
        var sessions = new[] { first, third }.Select(id => world.StageEvents(id).Single(e => e.Kind == TraceKind.Relayed).SessionId).ToArray();
        sessions.Distinct().Should().ContainSingle("the messages went over one MailKit connection");

        var lines = world.World.Trace.ForSession(sessions[0]!.Value).ToArray();
        lines.Count(e => e.Kind == TraceKind.ConnectionOpened).Should().Be(1);
        lines.Count(e => e.Kind == TraceKind.ServerReply && e.Text.StartsWith("220 ", StringComparison.Ordinal)).Should().Be(1, "one greeting");
        var commands = lines.Where(e => e.Kind == TraceKind.ClientLine).Select(e => e.Text.Split(' ')[0]).ToArray();
        commands.Count(c => c == "EHLO").Should().Be(1);
        commands.Count(c => c == "MAIL").Should().Be(3);
        commands.Should().Contain("RSET", "MailKit resets after the refused recipient and carries on");
        lines.Should().Contain(e => e.Kind == TraceKind.ClientLine && e.Text == "RCPT TO:<someone@elsewhere.example>");
        commands.Last().Should().Be("QUIT");
        external.World.Trace.Snapshot().Where(e => e.Kind == TraceKind.Received).Select(e => e.SessionId).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task MailKitOverTcp_ADroppedConnection_FailsTheMessageInFlight_AndANewConnectionCarriesTheOthers()
    {
        await using var external = await YamlWorld.StartAsync(Topologies.ExternalExample, listenOnTcp: true);
        await using var world = await YamlWorld.StartAsync(SmartHostWorld(external));
        var held = HeldOutbound.Install(world.World);

        var first = (await SendWhileHeldAsync(world, held, ("one", "user@external.example"), ("two", "user@external.example")))[0];
        external.World.Faults.AddDropDuringData("external.example");
        held.Release.SetResult();
        await world.IdleAsync();

        external.Host("external.example").Mailboxes.Find("user@external.example")!.Messages.Select(m => m.Subject).Should().Equal("two");
        var port = external.TcpEndPoint("external.example").Port;
        world.StageTexts(first).Should().Contain(t => t.StartsWith($"mail.ru Connecting: 127.0.0.1:{port}: 451 4.4.2", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Entries.Should().ContainSingle().Which.Message.TraceId.Should().Be(first);
    }

    private static string[] Texts(TraceHop hop) => hop.Transcript.SelectMany(l => l.Text.Split('\n')).ToArray();

    /// <summary>mail.ru sending all remote mail to <paramref name="external"/> over TCP.</summary>
    private static string SmartHostWorld(YamlWorld external) => $$"""
        hosts:
        {{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{external.TcpEndPoint("external.example").Port}' }}")}}
        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
        """;

    /// <summary>
    /// Ivan sends the messages one after another: the first opens the connection, which is held, and
    /// the others wait in mail.ru's pool for it. Returns their trace ids.
    /// </summary>
    private static async Task<string[]> SendWhileHeldAsync(YamlWorld world, HeldOutbound held, params (string Subject, string To)[] messages)
    {
        var ids = new List<string> { await world.SendAsIvanAsync(messages[0].Subject, messages[0].To) };
        await held.Opened.Task.WaitAsync(Limit);
        foreach (var (subject, to) in messages.Skip(1))
        {
            ids.Add(await world.SendAsIvanAsync(subject, to));
        }

        await HeldOutbound.WaitingAsync(world.Vs("mail.ru").OutboundConnections, messages.Length - 1);
        return [.. ids];
    }
}
