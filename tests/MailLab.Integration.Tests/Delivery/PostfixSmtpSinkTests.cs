using MailLab.Mail.Tracing;
using MailLab.Scenarios.Driver;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A hop to a real Postfix: mail.ru's smart host is Postfix's smtp-sink on loopback, reached over
/// TCP by the same sans-I/O client that carries the world's hops. scripts/test.sh installs postfix
/// when smtp-sink is missing; without it these tests fail and say so.
/// </summary>
public sealed class PostfixSmtpSinkTests
{
    [Fact]
    public async Task MessageToPostfixSmtpSink_IsRelayedOverTcp_AndSmtpSinkReceivesItsEnvelopeAndContent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await YamlWorld.StartAsync($"hosts:\n{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{sink.Port}' }}")}");

        var id = await world.SendAsIvanAsync("to postfix", "user@external.example", "other@external.example");
        await world.IdleAsync();

        var target = $"127.0.0.1:{sink.Port}";
        var texts = world.StageTexts(id);
        texts.Should().Contain(t => t.StartsWith($"mail.ru Relayed: Relayed to {target} for <user@external.example>: 250 2.0.0 Ok", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith($"mail.ru Relayed: Relayed to {target} for <other@external.example>: 250 2.0.0 Ok", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Count.Should().Be(0);

        // smtp-sink dumps each transaction: its envelope as X- headers, then the content.
        var dump = sink.Dumps().Should().ContainSingle("one transaction for both recipients").Subject;
        dump.Should().Contain("X-Mail-Args: <ivan@mail.ru>").And.Contain("X-Rcpt-Args: <user@external.example>").And.Contain("X-Rcpt-Args: <other@external.example>");
        dump.Should().Contain("Subject: to postfix").And.Contain("by mail.ru with ESMTPA id " + id);

        // The client side of the hop in the trace: Postfix's own EHLO reply and the pipelined envelope.
        var session = world.StageEvents(id).First(e => e.Kind == TraceKind.Relayed && e.SessionId is not null).SessionId!.Value;
        var lines = world.World.Trace.ForSession(session).Select(e => e.Text).ToArray();
        lines.Should().Contain(l => l.StartsWith("250-smtp-sink", StringComparison.Ordinal) && l.Contains("250-XFORWARD", StringComparison.Ordinal), "smtp-sink's EHLO reply");
        lines.Should().ContainInOrder($"Connection to {target}", "MAIL FROM:<ivan@mail.ru>", "RCPT TO:<user@external.example>", "RCPT TO:<other@external.example>", "DATA", "QUIT", "Connection closed");
    }

    [Fact]
    public async Task SmtpSinkRefusingEveryRecipient_With450_TheMessageIsDeferred()
    {
        // smtp-sink -r RCPT answers every RCPT with 450 4.3.0: the message stays queued.
        await using var sink = await SmtpSink.StartAsync(0, "-r", "RCPT");
        await using var world = await YamlWorld.StartAsync($"hosts:\n{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{sink.Port}' }}")}");

        var id = await world.SendAsIvanAsync("refused", "user@external.example");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain(t => t.StartsWith("mail.ru Deferred: Deferred (attempt 1): <user@external.example>: 450 4.3.0 Error: command failed", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Count.Should().Be(1);
        sink.Dumps().Should().BeEmpty();
    }

    [Fact]
    public async Task ASecondSinkOnTheSamePort_WaitsForTheFirstToGo_InsteadOfFindingThePortTaken()
    {
        // Lab 06's sink listens on a fixed port, and the Specs and the Integration tests play lab 06 in two processes at once.
        var first = await SmtpSink.StartAsync();
        var port = first.Port;
        await first.DisposeAsync();
        first = await SmtpSink.StartAsync(port);

        var second = SmtpSink.StartAsync(port); // started while the first still listens there
        await first.DisposeAsync();
        await using var sink = await second;

        sink.Port.Should().Be(port);
    }
}
