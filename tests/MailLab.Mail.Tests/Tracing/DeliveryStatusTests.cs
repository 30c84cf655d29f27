using MailLab.Mail.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// A registered message's status follows the stage events appended to the trace log, per recipient,
/// in the order the stages of a relay between two hosts of the world are appended.
/// </summary>
public sealed class DeliveryStatusTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

    private static TraceSummary Register(TraceLog log, params string[] recipients)
    {
        var message = new Stores.StoredMessage(1, "mail.ru", "ivan@mail.ru", recipients, "Subject: s\r\n\r\nx\r\n"u8.ToArray(), DateTimeOffset.UnixEpoch);
        log.Register(new TraceSummary(message));
        return log.FindSummary(message.TraceId)!;
    }

    [Fact]
    public void RelayInTheWorld_TheNextHopsDeliveryComesFirst_SoThePreviousHopsRelayedLeavesItDelivered()
    {
        var log = new TraceLog(_clock);
        var summary = Register(log, "student@rosnou.ru", "far@example.org");
        string[] both = ["student@rosnou.ru", "far@example.org"];
        log.Append("mail.ru", TraceKind.Received, "Accepted", traceId: summary.TraceId, recipients: both);
        log.Append("mail.ru", TraceKind.Queued, "Queued", traceId: summary.TraceId, recipients: both);
        log.Append("rosnou.ru", TraceKind.Received, "Accepted", traceId: summary.TraceId, recipients: ["student@rosnou.ru"]);
        log.Append("rosnou.ru", TraceKind.DeliveredToMailbox, "Delivered", traceId: summary.TraceId, recipients: ["student@rosnou.ru"]);
        log.Append("mail.ru", TraceKind.Relayed, "Relayed to rosnou.ru", traceId: summary.TraceId, peer: "rosnou.ru", recipients: ["student@rosnou.ru"]);
        log.Append("mail.ru", TraceKind.Deferred, "Deferred", traceId: summary.TraceId, recipients: ["far@example.org"]);

        summary.Delivery.Recipients.Select(r => $"{r.Address} {r.StateName} {r.Host} {r.Where}")
            .Should().Equal("student@rosnou.ru delivered rosnou.ru mailbox", "far@example.org deferred mail.ru ");
        summary.Delivery.Status.Should().Be("deferred", "one recipient still waits for a retry");
        summary.Delivery.Summary.Should().Be("delivered 1/2, deferred 1");

        // The retry goes to a server outside the world: nobody in the world records taking it.
        log.Append("mail.ru", TraceKind.Relayed, "Relayed to 127.0.0.1:2525", traceId: summary.TraceId, peer: "127.0.0.1:2525", recipients: ["far@example.org"]);
        summary.Delivery.Status.Should().Be("delivered");
        summary.Delivery.Summary.Should().Be("delivered 1/2, relayed 1");
    }

    [Fact]
    public void AnAcceptanceOfACopyAlreadyDelivered_AfterTheSenderCrashed_DoesNotReopenIt()
    {
        var log = new TraceLog(_clock);
        var summary = Register(log, "student@rosnou.ru");
        log.Append("rosnou.ru", TraceKind.Received, "Accepted", traceId: summary.TraceId, recipients: ["student@rosnou.ru"]);
        log.Append("rosnou.ru", TraceKind.DeliveredToMailbox, "Delivered", traceId: summary.TraceId, recipients: ["student@rosnou.ru"]);
        log.Append("rosnou.ru", TraceKind.Received, "Accepted again", traceId: summary.TraceId, recipients: ["student@rosnou.ru"]);

        summary.Delivery.Status.Should().Be("delivered");
    }
}
