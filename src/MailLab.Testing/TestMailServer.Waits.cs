using System.Text;

namespace MailLab.Testing;

public sealed partial class TestMailServer
{
    /// <summary>The first stored copy (since the server started) that matches; throws <see cref="MailWaitTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAfterAsync(_start, match, timeout, cancellationToken);

    /// <summary>Throws <see cref="UnexpectedMailException"/> if a matching copy is stored (since the server started) within <paramref name="period"/>.</summary>
    public Task ExpectNoMessageAsync(Func<ReceivedMail, bool> match, TimeSpan period, CancellationToken cancellationToken = default) =>
        ExpectNoneAfterAsync(0, match, period, cancellationToken);

    /// <summary>The transcripts a timed-out wait lists: the latest connections, each cut to this many lines.</summary>
    private const int TimeoutTranscripts = 10;

    private const int TimeoutTranscriptLines = 40;

    internal async Task<ReceivedMail> WaitAfterAsync(MailCursor cursor, Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _options.WaitClock);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            return await _arrivals.WaitAsync(match, cursor.Position, both.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var transcripts = ConnectionTranscript.After(World, cursor.Session, TimeoutTranscripts);
            var since = Since(cursor);
            var message = $"No matching message arrived within {timeout.TotalSeconds:0.###} s. {Describe(cursor.Position, since)}"
                + (transcripts.Count == 0 ? "\nNo connection was opened" + since + "." : $"\nThe latest connections{since} ({transcripts.Count}):" + ConnectionTranscript.Describe(transcripts, TimeoutTranscriptLines));
            cursor.Log?.Invoke(message);
            throw new MailWaitTimeoutException(message, transcripts);
        }
    }

    /// <summary>
    /// On the virtual clock the period passes at once (the clock is advanced by it and the world's
    /// work settles, so retries due in it run); on real time the wait is real.
    /// </summary>
    internal async Task ExpectNoneAfterAsync(long cursor, Func<ReceivedMail, bool> match, TimeSpan period, CancellationToken cancellationToken)
    {
        ReceivedMail? found;
        if (Clock.IsVirtual)
        {
            await Clock.Advance(period).ConfigureAwait(false);
            found = _arrivals.After(cursor).FirstOrDefault(match);
        }
        else
        {
            using var timer = new CancellationTokenSource(period, _options.WaitClock);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            try
            {
                found = await _arrivals.WaitAsync(match, cursor, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                found = null;
            }
        }

        if (found is not null)
        {
            throw new UnexpectedMailException($"A message that should not have arrived did: {found}.\n{found.Journey.Describe()}");
        }
    }

    /// <summary>What did arrive after the cursor, and every message the trace lists with each recipient's status (mail refused or still queued never reaches a mailbox).</summary>
    internal string Describe(long cursor, string since)
    {
        var text = new StringBuilder();
        var stored = _arrivals.After(cursor);
        text.Append(stored.Count == 0 ? "Nothing was stored" : $"Stored ({stored.Count})").Append(since).Append(stored.Count == 0 ? "." : ":");
        foreach (var mail in stored.Take(20))
        {
            text.Append("\n  ").Append(mail);
        }

        var traced = World.Trace.Views.Messages();
        if (traced.Count > 0)
        {
            text.Append("\nThe trace's messages (latest 20):");
            foreach (var m in traced.TakeLast(20))
            {
                text.Append($"\n  {m.TraceId} from <{m.From}> \"{m.Subject}\": ")
                    .Append(string.Join(", ", m.Delivery.Recipients.Select(r => $"{r.Address} {r.StateName}{(r.Where is null ? string.Empty : " (" + r.Where + ")")}")));
            }
        }

        return text.ToString();
    }

    /// <summary>The server's own waits start at its start; a cursor from <see cref="Mark()"/> is named as one even when nothing had arrived before it.</summary>
    private string Since(MailCursor cursor) => ReferenceEquals(cursor, _start) ? " since the server started" : " after the cursor";
}
