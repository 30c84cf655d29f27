using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Mail.Tests.Tracing;

/// <summary>
/// The trace log keeps protocol lines per connection, in a compact form that becomes text only
/// when read, and stage events apart; readers see one log in the order things happened.
/// </summary>
public sealed class TraceLogTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void LinesOfTwoConnectionsAndStages_ReadBackInTheOrderTheyHappened_WithTheirText()
    {
        var log = new TraceLog(_clock);
        log.Append("mail.ru", TraceKind.ConnectionOpened, "Connection to rosnou.ru", 1, "T1", peer: "rosnou.ru");
        _clock.Advance(TimeSpan.FromSeconds(1));
        new SessionTraceObserver(log, "rosnou.ru", 2, peer: null, outbound: false).OnServerReply(new SmtpReply(220, null, "rosnou.ru ready"));
        var client = new SessionTraceObserver(log, "mail.ru", 1, "rosnou.ru", outbound: true, () => "T1");
        client.OnClientLine("MAIL FROM:<a@mail.ru>");
        log.Append("rosnou.ru", TraceKind.Received, "Accepted 1", traceId: "T1", messageId: "M1");
        client.OnClientData(1024);
        client.OnServerReply(new SmtpReply(250, null, ["rosnou.ru Hello", "PIPELINING"]));

        var events = log.Snapshot();

        events.Select(e => (e.Host, e.Kind, e.Text, e.SessionId)).Should().Equal(
            ("mail.ru", TraceKind.ConnectionOpened, "Connection to rosnou.ru", 1L),
            ("rosnou.ru", TraceKind.ServerReply, "220 rosnou.ru ready", 2L),
            ("mail.ru", TraceKind.ClientLine, "MAIL FROM:<a@mail.ru>", 1L),
            ("rosnou.ru", TraceKind.Received, "Accepted 1", (long?)null),
            ("mail.ru", TraceKind.ClientData, "(1024 octets of message content, not counting dot-stuffing or the final \".\")", 1L),
            ("mail.ru", TraceKind.ServerReply, "250-rosnou.ru Hello\n250 PIPELINING", 1L));
        events.Select(e => e.Sequence).Should().BeInAscendingOrder();
        events[0].Time.Should().Be(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        events[1].Time.Should().Be(new DateTimeOffset(2026, 11, 28, 1, 0, 1, TimeSpan.Zero));
        events[0].Peer.Should().Be("rosnou.ru");
        log.ForSession(1).Should().HaveCount(4);
        log.ForTrace("T1").Select(e => e.Kind).Should().Equal(TraceKind.ConnectionOpened, TraceKind.ClientLine, TraceKind.Received, TraceKind.ClientData, TraceKind.ServerReply);
    }

    [Fact]
    public void PastItsCapacity_TheOldestConnectionsLinesGoFirst_Whole()
    {
        var log = new TraceLog(_clock, protocolCapacity: 10);
        for (var session = 1; session <= 3; session++)
        {
            for (var line = 0; line < 4; line++)
            {
                log.Append("h", TraceKind.ClientLine, $"NOOP {session}.{line}", session);
            }
        }

        log.ForSession(1).Should().BeEmpty("12 lines are over the capacity of 10: the oldest connection went");
        log.ForSession(2).Should().HaveCount(4);
        log.ForSession(3).Should().HaveCount(4);
        log.Snapshot().Should().HaveCount(8);

        log.Append("h", TraceKind.ClientLine, "NOOP 1.again", 1);
        log.ForSession(1).Select(e => e.Text).Should().Equal(["NOOP 1.again"], "a line after its connection's lines went starts them anew");
    }

    [Fact]
    public void Subscribers_SeeEveryLineAsItIsAppended_AsText()
    {
        var log = new TraceLog(_clock);
        var seen = new List<TraceEvent>();
        log.Appended += seen.Add;

        var session = new SessionTraceObserver(log, "h", 7, peer: null, outbound: false);
        session.OnServerReply(new SmtpReply(354, null, "Start mail input"));
        session.OnClientData(12);
        log.Append("h", TraceKind.Queued, "Queued");

        seen.Select(e => e.Text).Should().Equal("354 Start mail input", "(12 octets of message content, not counting dot-stuffing or the final \".\")", "Queued");
        seen.Select(e => e.Sequence).Should().Equal(log.Snapshot().Select(e => e.Sequence));
    }

    [Fact]
    public void StageEvents_PastTheirCapacity_TheOldestGo_AndTheRestReadBackExactly()
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        for (var i = 0; i < 25; i++)
        {
            log.Append("mail.ru", TraceKind.Queued, $"Queued ML{i:X8} for студент{i}@rosnou.ru " + new string('x', i * 3), traceId: $"ML{i:X8}", messageId: $"ML{i:X8}", peer: i % 2 == 0 ? "rosnou.ru" : null);
        }

        var events = log.Snapshot();

        events.Should().HaveCount(10);
        for (var k = 0; k < events.Count; k++)
        {
            var i = 15 + k;
            events[k].Text.Should().Be($"Queued ML{i:X8} for студент{i}@rosnou.ru " + new string('x', i * 3));
            events[k].TraceId.Should().Be($"ML{i:X8}");
            events[k].Peer.Should().Be(i % 2 == 0 ? "rosnou.ru" : null);
            events[k].SessionId.Should().BeNull();
        }

        log.ForTrace("ML00000014").Should().ContainSingle().Which.Text.Should().StartWith("Queued ML00000014 for студент20@");
        log.ForTrace("ML00000002").Should().BeEmpty("it was overwritten");
    }

    [Fact]
    public void StageTexts_OfAnyLength_AreKeptWhole_AndTakeNoOtherEventsRoom()
    {
        var log = new TraceLog(_clock, stageCapacity: 10);
        var texts = Enumerable.Range(0, 12).Select(i => $"{i:D2} " + new string((char)('a' + i), 600)).ToArray();
        foreach (var text in texts)
        {
            log.Append("h", TraceKind.Deferred, text, sessionId: 3);
        }

        log.Append("h", TraceKind.Deferred, "long " + new string('z', 5000), sessionId: 3);

        var kept = log.ForSession(3).Select(e => e.Text).ToArray();
        kept[^1].Should().Be("long " + new string('z', 5000), "a long text is kept whole");
        kept[..^1].Should().Equal(texts[^9..], "the ring keeps its 10 newest events, however long their texts, intact");
    }

    [Fact]
    public async Task StageEvents_AppendedFromManyThreadsWhileRead_AreNeverTornOrMixedUp()
    {
        var log = new TraceLog(_clock, stageCapacity: 1000);
        static string TextOf(string id) => $"Relayed {id} " + new string('y', id.Length * 7 % 90);
        var writing = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var id = $"W{writer}-{i}";
                log.Append($"host{writer}", TraceKind.Relayed, TextOf(id), traceId: id, peer: $"peer{writer}");
            }
        })).ToArray();

        var checkedEvents = 0;
        while (!writing.All(t => t.IsCompleted))
        {
            foreach (var e in log.Snapshot())
            {
                e.Text.Should().Be(TextOf(e.TraceId!));
                e.Host.Should().Be($"host{e.TraceId![1]}");
                e.Peer.Should().Be($"peer{e.TraceId[1]}");
                checkedEvents++;
            }
        }

        await Task.WhenAll(writing);
        var kept = log.Snapshot();
        kept.Should().HaveCount(1000);
        kept.Select(e => e.Sequence).Should().BeInAscendingOrder();
        kept.Select(e => e.Text).Should().Equal(kept.Select(e => TextOf(e.TraceId!)));
        checkedEvents.Should().BeGreaterThan(0);
    }

    [Fact]
    public void StageEvents_OfTwoWritersARingApart_LeaveOneWholeEventInTheirSlot()
    {
        // A ring of one slot: two writers released together write events a ring apart into the same
        // slot (and the same stretch of text). Whatever the interleaving, the slot must then hold one of
        // the two events whole, not fields or text of both under a valid stamp.
        var log = new TraceLog(_clock, stageCapacity: 1);
        static string TextOf(int writer, int round) => $"Relayed {writer}:{round} " + new string((char)('a' + writer), 60 + (round % 40));
        const int Rounds = 20_000;
        using var start = new Barrier(2);
        using var done = new Barrier(3);
        using var read = new Barrier(3); // the next round starts once the slot was looked at
        var writers = Enumerable.Range(0, 2).Select(writer => new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                start.SignalAndWait();
                log.Append($"host{writer}", TraceKind.Relayed, TextOf(writer, round), sessionId: writer, traceId: $"{writer}:{round}", messageId: $"{writer}:{round}", peer: $"peer{writer}");
                done.SignalAndWait();
                read.SignalAndWait();
            }
        })).ToArray();
        foreach (var thread in writers)
        {
            thread.Start();
        }

        var torn = 0;
        var lost = 0;
        for (var round = 0; round < Rounds; round++)
        {
            done.SignalAndWait();
            var kept = log.Snapshot();
            read.SignalAndWait();
            if (kept.Count != 1)
            {
                lost++;
                continue;
            }

            var e = kept[0];
            var writer = e.TraceId![0] - '0';
            if (e.MessageId != e.TraceId || e.Host != $"host{writer}" || e.Peer != $"peer{writer}" || e.SessionId != writer
                || e.Text != TextOf(writer, int.Parse(e.TraceId[2..], System.Globalization.CultureInfo.InvariantCulture)))
            {
                torn++;
            }
        }

        foreach (var thread in writers)
        {
            thread.Join();
        }

        torn.Should().Be(0, $"a slot written by two writers at once is never read as a valid event ({Rounds} rounds)");
        lost.Should().Be(0, $"the newer of the two events is kept, with its text ({Rounds} rounds)");
    }

    [Fact]
    public void AConnectionKeptOpenForThousandsOfLines_KeepsEveryLine_InOrder()
    {
        // Past 256 lines a transcript's arrays are allocated rather than rented (SessionTranscript):
        // the lines read back the same across that change and every doubling after it.
        var log = new TraceLog(_clock);
        for (var i = 0; i < 3_000; i++)
        {
            log.Append("rosnou.ru", i % 2 == 0 ? TraceKind.ClientLine : TraceKind.ServerReply, $"line {i}", sessionId: 7);
        }

        log.Append("rosnou.ru", TraceKind.ClientLine, "QUIT", sessionId: 8);

        log.ForSession(7).Select(e => e.Text).Should().Equal(Enumerable.Range(0, 3_000).Select(i => $"line {i}"));
        log.ForSession(8).Should().ContainSingle().Which.Text.Should().Be("QUIT");
    }

    [Fact]
    public void AConnectionKeptOpen_TakesRoomForItsLines_NotTwiceAsMany()
    {
        // Past 256 lines a transcript takes chunks of 256 lines (56 octets each), not arrays that double.
        var log = new TraceLog(_clock);
        var lines = Enumerable.Range(0, 3_000).Select(i => $"line {i}").ToArray();
        for (var i = 0; i < 256; i++)
        {
            log.Append("rosnou.ru", TraceKind.ClientLine, lines[i], sessionId: 7);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 256; i < lines.Length; i++)
        {
            log.Append("rosnou.ru", TraceKind.ClientLine, lines[i], sessionId: 7);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(11 * 256 * 56 + 2_048, "2,744 lines more fill 11 chunks of 256 (arrays that double would take 512 + 1,024 + 2,048 + 4,096 lines)");
        log.ForSession(7).Select(e => e.Text).Should().Equal(lines);
    }

    [Fact]
    public async Task ProtocolLines_WrittenFromManyThreadsWhileReadAndLetGo_StayWithTheirConnection()
    {
        var log = new TraceLog(_clock, protocolCapacity: 300);
        var writing = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var session = 0; session < 3_000; session++)
            {
                var id = (writer * 100_000) + session;
                for (var line = 0; line < 12; line++)
                {
                    log.Append($"h{writer}", TraceKind.ClientLine, $"NOOP {id}.{line}", id, peer: $"p{id}");
                }
            }
        })).ToArray();

        var read = 0;
        while (!writing.All(t => t.IsCompleted))
        {
            foreach (var e in log.Snapshot())
            {
                e.Text.Should().StartWith($"NOOP {e.SessionId}.");
                e.Peer.Should().Be($"p{e.SessionId}");
                e.Host.Should().Be($"h{e.SessionId / 100_000}");
                read++;
            }
        }

        await Task.WhenAll(writing);
        var kept = log.Snapshot();
        kept.Count.Should().BeInRange(12, 300);
        kept.Select(e => e.Sequence).Should().BeInAscendingOrder();
        // A connection's lines go together: each kept connection's lines are its last ones, in order.
        // One being written when the trim let it go starts anew (TraceLog.AppendLine), so the lines
        // written before that are gone and the rest are kept: a suffix, never a gap or another's line.
        foreach (var connection in kept.GroupBy(e => e.SessionId))
        {
            var lines = connection.Select(e => int.Parse(e.Text[(e.Text.IndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            lines.Should().Equal(Enumerable.Range(12 - lines.Length, lines.Length), $"connection {connection.Key} keeps its last lines in order");
        }

        read.Should().BeGreaterThan(0);
    }

    [Fact]
    public void AnInterpolatedText_WrittenAsUtf8_ReadsBackAsStringInterpolationWouldHaveWrittenIt()
    {
        var log = new TraceLog(_clock);
        var seen = new List<string>();
        log.Appended += e => seen.Add(e.Text);
        var when = new DateTimeOffset(2026, 11, 28, 2, 30, 15, TimeSpan.Zero);
        var reply = new SmtpReply(451, "4.4.1", "No answer from host");
        var endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("192.0.2.11"), 50123);
        string? nothing = null;
        var hours = 48.0;
        var octets = 1_234_567L;
        var name = "студент@rosnou.ru";

        log.Append("h", TraceKind.Deferred, $"At {when:u} ({hours:0} h, {octets} octets, {TraceKind.Relayed}) {reply} from {endpoint} for <{name}>{nothing}.");
        log.Append("h", TraceKind.Deferred, $"{new string('ж', 700)}{octets}");

        var expected = new[]
        {
            $"At {when:u} ({hours:0} h, {octets} octets, {TraceKind.Relayed}) {reply} from {endpoint} for <{name}>{nothing}.",
            $"{new string('ж', 700)}{octets}",
        };
        log.Snapshot().Select(e => e.Text).Should().Equal(expected, "1,400 octets of Cyrillic are kept whole");
        seen.Should().Equal(expected);
    }
}
