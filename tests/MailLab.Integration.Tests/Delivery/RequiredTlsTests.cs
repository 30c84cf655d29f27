using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A route that requires TLS (Delivery tab → Outbound Security → TLS encryption, or a remote domain's
/// "requireTls") to a server that does not offer STARTTLS: a transient failure, as in IIS/Exchange 2003
/// (the queue goes into retry, KB 329061) and Postfix (4.7.4, deferred). The message is never sent in
/// clear, is retried on the Delivery tab's schedule, and bounces only at expiration.
/// </summary>
public sealed class RequiredTlsTests
{
    [Theory]
    [InlineData("virtual server's outbound TLS", "{ smartHost: '[127.0.0.1]:PORT', outboundTls: true }", null)]
    [InlineData("remote domain's requireTls", "{}", "- { name: scripted.example, type: remote, smartHost: '[127.0.0.1]:PORT', requireTls: true }")]
    public async Task PeerWithoutStartTls_IsRetriedOnTheSchedule_NeverSentInClear_AndBouncesOnlyAtExpiration(string route, string delivery, string? domain)
    {
        await using var remote = new ScriptedSmtpServer();
        var port = remote.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var domains = domain is null ? [] : new[] { domain.Replace("PORT", port, StringComparison.Ordinal) };
        await using var world = await YamlWorld.StartAsync(
            $"hosts:\n{Topologies.MailRu(delivery.Replace("PORT", port, StringComparison.Ordinal), extraDomains: domains)}", listenOnTcp: true);

        var id = await SubmitOverTcpAsync(world, "needs TLS", "user@scripted.example");
        await world.IdleAsync();

        var target = $"127.0.0.1:{port}";
        var texts = world.StageTexts(id);
        texts.Should().Contain($"mail.ru Connecting: {target}: 454 4.7.4 The remote SMTP service does not support TLS: {target} did not offer STARTTLS, which this route requires", route);
        texts.Should().Contain(t => t.StartsWith("mail.ru Deferred: Deferred (attempt 1): <user@scripted.example>: 454 4.7.4 ", StringComparison.Ordinal));
        texts.Should().NotContain(t => t.StartsWith("mail.ru Failed", StringComparison.Ordinal), "not a permanent failure");
        world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Count.Should().Be(0, "no NDR at once");
        world.Vs("mail.ru").Queue.Count.Should().Be(1);

        // Retries at 15, 45 and 105 minutes (15, 30, 60): each one connects and finds no STARTTLS again.
        await world.AdvanceAsync(TimeSpan.FromMinutes(105), TimeSpan.FromMinutes(15));
        remote.Connections.Should().Be(4);
        world.StageEvents(id).Count(e => e.Kind == TraceKind.Deferred).Should().Be(4);

        await world.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(105), TimeSpan.FromMinutes(15));
        remote.Offered.Should().BeEmpty("no MAIL or RCPT ever goes to a peer without TLS when the route requires it");
        remote.Accepted.Should().BeEmpty();
        var notices = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages;
        notices.Select(m => m.Subject).Should().Equal("Delivery Status Notification (Delay)", "Delivery Status Notification (Failure)");
        notices[1].Received.Should().Be(YamlWorld.Epoch + TimeSpan.FromDays(2), "the failure notice comes at expiration");
        var failure = Dsn.Read(notices[1]).Recipients.Should().ContainSingle().Subject;
        failure["Action"].Should().Be("failed");
        failure["Status"].Should().Be("4.4.7");
        failure["Diagnostic-Code"].Should().StartWith("smtp; 451 4.4.7 Delivery time expired; last error: 454 4.7.4 The remote SMTP service does not support TLS");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task PeerRefusingStartTls_With454_DefersWithItsReply_AndSendsNoMailInClear()
    {
        await using var remote = new ScriptedSmtpServer { StartTlsReply = "454 4.7.0 TLS not available due to temporary reason" };
        var port = remote.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var world = await YamlWorld.StartAsync($"hosts:\n{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{port}', outboundTls: true }}")}", listenOnTcp: true);

        var id = await SubmitOverTcpAsync(world, "needs TLS", "user@scripted.example");
        await world.IdleAsync();

        var target = $"127.0.0.1:{port}";
        var texts = world.StageTexts(id);
        texts.Should().Contain($"mail.ru Connecting: {target}: 454 4.7.0 TLS not available due to temporary reason");
        texts.Should().Contain("mail.ru Deferred: Deferred (attempt 1): <user@scripted.example>: 454 4.7.0 TLS not available due to temporary reason");
        remote.Commands.Select(c => c.Split(' ')[0]).Should().Equal("EHLO", "STARTTLS", "QUIT");
        remote.Offered.Should().BeEmpty();
        world.Vs("mail.ru").Queue.Count.Should().Be(1, "the message waits for its retry");

        // The hop's transcript shows the refusal, as the client sent and read it.
        var session = world.StageEvents(id).Single(e => e.Kind == TraceKind.Connecting && e.SessionId is not null).SessionId!.Value;
        var lines = world.World.Trace.ForSession(session).Select(e => e.Text).ToArray();
        lines.Should().ContainInOrder("STARTTLS", "454 4.7.0 TLS not available due to temporary reason", "QUIT");
    }

    /// <summary>Ivan submits with MailKit over TCP (STARTTLS, AUTH) to mail.ru's listener; returns the trace id.</summary>
    private static async Task<string> SubmitOverTcpAsync(YamlWorld world, string subject, string to)
    {
        // "250 2.6.0 <ML00000001@mail.ru> Queued mail for delivery"
        var response = await MailKitClients.SubmitAsIvanAsync(world.Server, world.TcpEndPoint("mail.ru"), to, subject);
        var start = response.IndexOf('<', StringComparison.Ordinal) + 1;
        return response[start..response.IndexOf('@', start)];
    }
}
