using System.Text;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// The list of traces keeps each message's summary small (its id as the sequence it is formatted
/// from, the first copy's shared envelope, one recipient's status in the status itself) and finds
/// it by its trace id in any case, as before.
/// </summary>
public sealed class TraceSummaryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(3)));

    [Fact]
    public void ASummary_ReadsBackItsFirstCopysFacts()
    {
        var message = Stored(0x1C7BB, ["student@rosnou.ru"]);

        var summary = new TraceSummary(message, TraceMessageKind.NonDeliveryReport, "ML00000001");

        (summary.TraceId, summary.Host, summary.From, summary.Subject, summary.Kind, summary.OriginalTraceId)
            .Should().Be(("ML0001C7BB", "rosnou.ru", "a@example.org", "hi", TraceMessageKind.NonDeliveryReport, "ML00000001"));
        summary.Recipients.Should().Equal("student@rosnou.ru");
        summary.Received.Should().Be(_clock.GetUtcNow());
        summary.Received.Offset.Should().Be(TimeSpan.FromHours(3));
        summary.Delivery.Recipients.Should().Equal(new RecipientStatus("student@rosnou.ru", RecipientState.Received, null, null, 0));
    }

    [Fact]
    public void AListedMessage_IsFoundByItsTraceId_InAnyCase_AndByNoOtherText()
    {
        var log = new TraceLog(_clock);
        log.Register(new TraceSummary(Stored(0x1C7BB, ["student@rosnou.ru"])));

        foreach (var id in new[] { "ML0001C7BB", "ml0001c7bb", "Ml0001C7bB" })
        {
            log.FindSummary(id)!.TraceId.Should().Be("ML0001C7BB", id);
        }

        foreach (var id in new[] { "ML1C7BB", "ML00001C7BB", "ML0001C7BC", "0001C7BB", "MX0001C7BB", "ML0001C7BG", string.Empty })
        {
            log.FindSummary(id).Should().BeNull(id);
        }
    }

    [Fact]
    public void OneRecipientsStatus_MovesWithItsEvents_AsManyRecipientsDo()
    {
        var log = new TraceLog(_clock);
        log.Register(new TraceSummary(Stored(1, ["student@rosnou.ru"])));
        log.Register(new TraceSummary(Stored(2, ["student@rosnou.ru", "ivan@rosnou.ru"])));

        foreach (var trace in new[] { "ML00000001", "ML00000002" })
        {
            log.Append("rosnou.ru", TraceKind.Queued, "Queued", traceId: trace, recipients: ["STUDENT@rosnou.ru"]);
            log.Append("rosnou.ru", TraceKind.DeliveredToMailbox, "Delivered", traceId: trace, recipients: ["student@rosnou.ru", "nobody@rosnou.ru"]);
        }

        log.FindSummary("ML00000001")!.Delivery.Recipients.Should().Equal(new RecipientStatus("student@rosnou.ru", RecipientState.Delivered, "rosnou.ru", "mailbox", 2));
        log.FindSummary("ML00000002")!.Delivery.Recipients.Select(r => (r.Address, r.State)).Should().Equal(("student@rosnou.ru", RecipientState.Delivered), ("ivan@rosnou.ru", RecipientState.Received));
        log.FindSummary("ML00000001")!.Delivery.Status.Should().Be("delivered");
    }

    [Fact]
    public void ASummaryOfOneRecipient_TakesAt152Octets()
    {
        var messages = Enumerable.Range(1, 1_000).Select(i => Stored(i, ["student@rosnou.ru"])).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var summaries = messages.Select(m => new TraceSummary(m)).ToArray();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before - (summaries.Length * 8) - 1_024;

        allocated.Should().BeLessThanOrEqualTo(1_000 * 152, "a summary of 80 octets and a status of 72 (it was 104, 32 and a 64-octet array)");
        GC.KeepAlive(summaries);
    }

    private StoredMessage Stored(long sequence, string[] recipients)
    {
        var message = new StoredMessage(sequence, "rosnou.ru", "a@example.org", recipients, Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n"), _clock.GetUtcNow());
        _ = message.Subject; // read once here, not in the measured allocations
        return message;
    }
}
