using System.Text;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// The trace's one reader API: a message's route, recipients' status, hops with C:/S: lines and
/// the links to its notices, all read from the log through <see cref="TraceViews"/>.
/// </summary>
public sealed class TraceViewsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AMessageRelayedAndBounced_ReadsBackAsItsRoute_ItsRecipientsStatus_ItsHopLines_AndItsNotice()
    {
        var log = new TraceLog(_clock);
        var message = Stored(1, "mail.ru", "ivan@mail.ru", ["student@rosnou.ru", "nobody@rosnou.ru"]);
        log.Register(new TraceSummary(message));
        const string trace = "ML00000001";

        var server = new SessionTraceObserver(log, "rosnou.ru", log.NewSessionId(), "192.0.2.11", outbound: false);
        server.OnConnectionOpened("Connection from 192.0.2.11");
        server.OnServerReply(new SmtpReply(220, null, "rosnou.ru ready"));
        server.OnClientLine("MAIL FROM:<ivan@mail.ru>");
        log.Append("mail.ru", TraceKind.Received, "Accepted ML00000001 from <ivan@mail.ru>", traceId: trace, messageId: trace, recipients: message.Recipients);
        log.Append("mail.ru", TraceKind.Queued, "Queued", traceId: trace, messageId: trace, recipients: message.Recipients);
        server.OnClientData(1024);
        log.Append("rosnou.ru", TraceKind.Received, "Accepted ML00000002 from <ivan@mail.ru>", server.SessionId, trace, "ML00000002", recipients: ["student@rosnou.ru"]);
        server.Accepted(trace);
        server.OnServerReply(new SmtpReply(250, "2.6.0", "Queued mail for delivery"));
        log.Append("rosnou.ru", TraceKind.DeliveredToMailbox, "Delivered to the mailbox student@rosnou.ru", traceId: trace, messageId: "ML00000002", recipients: ["student@rosnou.ru"]);
        log.Append("mail.ru", TraceKind.Failed, "<nobody@rosnou.ru>: 550 5.1.1 No such user", traceId: trace, messageId: trace, recipients: ["nobody@rosnou.ru"]);
        var notice = Stored(3, "mail.ru", string.Empty, ["ivan@mail.ru"]);
        log.Append("mail.ru", TraceKind.Received, "Accepted ML00000003 from <> for ivan@mail.ru", traceId: trace, messageId: "ML00000003");
        log.Register(new TraceSummary(notice, TraceMessageKind.NonDeliveryReport, trace));

        var views = log.Views;
        views.Messages().Select(m => m.TraceId).Should().Equal(trace, "ML00000003");
        views.MessagesAfter("ml00000001")!.Select(m => m.TraceId).Should().Equal("ML00000003");
        views.MessagesAfter("ML0000FFFF").Should().BeNull();

        var read = views.Trace(trace)!;
        read.Route().Should().Equal("mail.ru", "rosnou.ru");
        read.Recipients.Select(r => (r.Address, r.State)).Should().Equal(("student@rosnou.ru", RecipientState.Delivered), ("nobody@rosnou.ru", RecipientState.Bounced));
        read.EventAt(read.Recipients[1].Sequence)!.Text.Should().Be("<nobody@rosnou.ru>: 550 5.1.1 No such user");
        read.Notifications.Should().Equal("ML00000003");
        views.Trace("ML00000003")!.OriginalTraceId.Should().Be(trace);
        read.MessageIds.Should().Equal(trace, "ML00000002", "ML00000003");
        read.Stages.Should().OnlyContain(e => !TraceViews.IsProtocol(e.Kind));

        var hop = read.Hops.Should().ContainSingle().Subject;
        (hop.Host, hop.Role, hop.Reply).Should().Be(("rosnou.ru", TraceHopRole.Server, "250 2.6.0 Queued mail for delivery"));
        hop.Lines.Select(l => $"{l.Side}: {l.Text}").Should().Equal(
            "S: 220 rosnou.ru ready",
            "C: MAIL FROM:<ivan@mail.ru>",
            "C: (1024 octets of message content, not counting dot-stuffing or the final \".\")",
            "S: 250 2.6.0 Queued mail for delivery");
        views.Trace("ML0000FFFF").Should().BeNull();
    }

    private StoredMessage Stored(long sequence, string host, string sender, string[] recipients) =>
        new(sequence, host, sender, recipients, Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n"), _clock.GetUtcNow());
}
