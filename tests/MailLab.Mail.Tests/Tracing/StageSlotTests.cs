using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// A stage event's slot keeps the ids MailLab formats as numbers, what events have alike (host, peer,
/// recipients) once, and the message's id in its text as a mark: every field reads back exactly
/// as it was appended, whatever form its ids and session have.
/// </summary>
public sealed class StageSlotTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

    // Ids as MailLab formats them, and texts that only look like them: lower case, a leading zero too
    // many, too short, not hex, past a long, empty, another script.
    public static TheoryData<string?> Ids() =>
    [
        null, "ML00000000", "ML0001C7BB", "ML7FFFFFFFFFFFFFFF", "ML123456789", "ml0001c7bb", "ML0001c7bb", "ML00001C7BB0",
        "ML1", "ML0001C7BG", "ML8000000000000000", "MLFFFFFFFFFFFFFFFF", string.Empty, "T1", "Идентификатор",
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void AnEventsIds_ReadBackExactly_AndFindItsTrace(string? id)
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        log.Append("mail.ru", TraceKind.Queued, $"Queued {id} for a@rosnou.ru", traceId: id, messageId: id);
        log.Append("mail.ru", TraceKind.Queued, $"Queued ML00000001 for a@rosnou.ru", traceId: "ML00000001", messageId: id);
        log.Append("mail.ru", TraceKind.Queued, $"Queued {id}", traceId: id, messageId: "ML00000002");

        log.Snapshot().Select(e => (e.TraceId, e.MessageId, e.Text)).Should().Equal(
            (id, id, $"Queued {id} for a@rosnou.ru"),
            ("ML00000001", id, "Queued ML00000001 for a@rosnou.ru"),
            (id, "ML00000002", $"Queued {id}"));
        if (id is not null)
        {
            log.ForTrace(id).Select(e => e.Text).Should().Equal($"Queued {id} for a@rosnou.ru", $"Queued {id}");
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(int.MinValue)]
    [InlineData(int.MinValue + 1L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void AnEventsSession_ReadsBackExactly_AndFindsItsConnection(long session)
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        log.Append("mail.ru", TraceKind.Queued, "no session");
        log.Append("mail.ru", TraceKind.Queued, "with one", sessionId: session);

        log.Snapshot().Select(e => e.SessionId).Should().Equal(null, session);
        log.ForSession(session).Select(e => e.Text).Should().Equal("with one");
    }

    [Fact]
    public void HostPeerAndRecipients_ReadBackAsAppended_ForEveryMixOfThem()
    {
        var log = new TraceLog(_clock, stageCapacity: 100);
        string[] hosts = ["mail.ru", "rosnou.ru"];
        string?[] peers = [null, "127.0.0.1", "192.0.2.7"];
        IReadOnlyList<string>?[] recipients = [null, ["a@rosnou.ru"], ["a@rosnou.ru", "b@rosnou.ru"], []];
        var appended = new List<(string, string?, IReadOnlyList<string>?)>();
        for (var i = 0; i < 72; i++)
        {
            var (host, peer, to) = (hosts[i % 2], peers[i / 2 % 3], recipients[i / 6 % 4]);
            log.Append(new string(host), TraceKind.Relayed, $"{i}", peer: peer is null ? null : new string(peer), recipients: to);
            appended.Add((host, peer, to));
        }

        var kept = log.Snapshot();
        kept.Select(e => (e.Host, e.Peer)).Should().Equal(appended.Select(a => (a.Item1, a.Item2)));
        kept.Select(e => e.Recipients is null ? null : string.Join(",", e.Recipients)).Should().Equal(appended.Select(a => a.Item3 is null ? null : string.Join(",", a.Item3)));
    }

    [Fact]
    public void OneStagesTextsForManyMessages_ShareTheirOctets_WithEachMessagesIdInItsPlace()
    {
        // As the receive stage writes them: each text names its message, the rest is alike.
        var log = new TraceLog(_clock, stageCapacity: 1_000);
        static string IdOf(int i) => StoredMessage.FormatId(0x1C000 + i);
        static string TextOf(string id) => $"Accepted {id} from <a@example.org> for student@rosnou.ru (1298 octets)";
        for (var i = 0; i < 1_000; i++)
        {
            log.Append("rosnou.ru", TraceKind.Received, $"warm {i}", 7, IdOf(i), IdOf(i)); // every slot of the ring in use
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1_000; i < 11_000; i++)
        {
            var id = IdOf(i);
            log.Append("rosnou.ru", TraceKind.Received, $"Accepted {id} from <a@example.org> for student@rosnou.ru (1298 octets)", 7, id, id);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(700_000, "10,000 texts of 74 octets would take 740,000 octets of blocks; one copy is shared (the ids' strings, 48 octets each, are the callers')");
        var kept = log.Snapshot();
        kept.Select(e => e.Text).Should().Equal(Enumerable.Range(10_000, 1_000).Select(i => TextOf(IdOf(i))));
        kept.Select(e => e.MessageId).Should().Equal(Enumerable.Range(10_000, 1_000).Select(IdOf));
    }

    [Fact]
    public void AText_ThatNamesTheMessageTwice_OrAnotherMessage_ReadsBackExactly()
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        log.Append("h", TraceKind.Relayed, "ML00000001 and ML00000001 again", messageId: "ML00000001");
        log.Append("h", TraceKind.Relayed, "ML00000001 and ML00000001 again", messageId: "ML00000002");
        log.Append("h", TraceKind.Relayed, "ends with ML00000003", messageId: "ML00000003");
        log.Append("h", TraceKind.Relayed, "ML00000004", messageId: "ML00000004");

        log.Snapshot().Select(e => e.Text).Should().Equal("ML00000001 and ML00000001 again", "ML00000001 and ML00000001 again", "ends with ML00000003", "ML00000004");
    }

    [Fact]
    public void ATraceId_IsMatchedAsWritten()
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        log.Append("h", TraceKind.Queued, "upper", traceId: "ML0001C7BB");
        log.Append("h", TraceKind.Queued, "lower", traceId: "ml0001c7bb");

        log.ForTrace("ML0001C7BB").Select(e => e.Text).Should().Equal("upper");
        log.ForTrace("ml0001c7bb").Select(e => e.Text).Should().Equal("lower");
        log.ForTrace("ML1C7BB").Should().BeEmpty();
    }

    [Fact]
    public void AStageSlot_Takes72Octets_AStampAndFieldsOf64()
    {
        System.Runtime.CompilerServices.Unsafe.SizeOf<StageRing.Slot>().Should().Be(72, "a stamp of 8 octets and fields of 64");
        System.Runtime.CompilerServices.Unsafe.SizeOf<StageRing.Fields>().Should().Be(64);
    }
}
