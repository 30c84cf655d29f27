namespace MailLab.Testing;

/// <summary>
/// A point in the server's arrival order (<see cref="TestMailServer.Mark"/>): its waits see only
/// mail stored after it, so parallel tests sharing one server need no reset between them. A wait
/// that times out lists the connections opened after it with their transcripts, and writes that to
/// the cursor's log (a test framework's output) when it has one.
/// </summary>
public sealed class MailCursor
{
    private readonly TestMailServer _server;

    internal MailCursor(TestMailServer server, long position, long session, Action<string>? log)
    {
        _server = server;
        Position = position;
        Session = session;
        Log = log;
    }

    public long Position { get; }

    /// <summary>The trace's latest connection at the mark: later ones are this cursor's.</summary>
    public long Session { get; }

    internal Action<string>? Log { get; }

    public Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _server.WaitAfterAsync(this, match, timeout, cancellationToken);

    public Task ExpectNoMessageAsync(Func<ReceivedMail, bool> match, TimeSpan period, CancellationToken cancellationToken = default) =>
        _server.ExpectNoneAfterAsync(Position, match, period, cancellationToken);

    /// <summary>The connections opened after the mark, oldest first (at most the latest <paramref name="limit"/>).</summary>
    public IReadOnlyList<ConnectionTranscript> Transcripts(int limit = 50) => ConnectionTranscript.After(_server.World, Session, limit);
}
