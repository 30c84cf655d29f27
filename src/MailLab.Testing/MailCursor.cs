namespace MailLab.Testing;

/// <summary>
/// A point in the server's arrival order (<see cref="TestMailServer.Mark"/>): its waits see only
/// mail stored after it, so parallel tests sharing one server need no reset between them.
/// </summary>
public sealed class MailCursor
{
    private readonly TestMailServer _server;

    internal MailCursor(TestMailServer server, long position)
    {
        _server = server;
        Position = position;
    }

    public long Position { get; }

    public Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _server.WaitAfterAsync(Position, match, timeout, cancellationToken);

    public Task ExpectNoMessageAsync(Func<ReceivedMail, bool> match, TimeSpan period, CancellationToken cancellationToken = default) =>
        _server.ExpectNoneAfterAsync(Position, match, period, cancellationToken);
}
