using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Smtp;

/// <summary>
/// One inbound connection to a virtual server: its session, its idle time-out, and its place in
/// the connection count, given back on <see cref="Dispose"/>.
/// </summary>
public sealed class InboundSmtpConnection : IDisposable
{
    private int _disposed;
    private byte[]? _held;
    private string _closing = "Connection closed";

    internal InboundSmtpConnection(SmtpVirtualServer server, SmtpServerSession session, TimeSpan idleTimeout, long sessionId)
    {
        Server = server;
        Session = session;
        IdleTimeout = idleTimeout;
        SessionId = sessionId;
    }

    /// <summary>The id that ties this connection's lines together in the trace.</summary>
    public long SessionId { get; }

    public SmtpVirtualServer Server { get; }

    public SmtpServerSession Session { get; }

    /// <summary>IIS "connection time-out": how long the client may stay silent.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>
    /// Gives the session the client's bytes. False: an injected "drop" fault cuts the connection now,
    /// in the middle of the message content: after DATA's 354 (or the BDAT command) and part of the
    /// content, never all of it, so nothing is stored. The caller writes what the session has said
    /// (the 354, when it came in the same input), then closes without another word.
    /// </summary>
    public bool Receive(ReadOnlySpan<byte> input)
    {
        var faults = Server.Host.World.Faults;
        var host = Server.Host.Name;
        if (!faults.HasDrop(host))
        {
            Hold(input[Session.Receive(input)..]);
            return true;
        }

        var rest = input[Session.ReceiveUntilContent(input)..];
        if (Session.PendingAction == SmtpSessionAction.Wait)
        {
            Hold(rest);
            return true;
        }

        if (!Session.IsReceivingContent || rest.IsEmpty || !faults.TakeDrop(host))
        {
            // No content yet (or none in this input): the cut waits for the content to arrive.
            Hold(rest[Session.Receive(rest)..]);
            return true;
        }

        Session.Receive(rest[..Session.PartOfContent(rest)]);
        _closing = $"Connection cut by an injected fault, {Session.ContentReceived} octets into the message content";
        return false;
    }

    /// <summary>A recipient lookup the session waits for (LDAP routing), or null: the transport awaits it, then calls <see cref="ResumeAfterLookup"/>.</summary>
    public Task? PendingLookup => Session.PendingAction == SmtpSessionAction.Wait ? Session.PendingLookup : null;

    /// <summary>Answers the RCPT that waited, then gives the session the input it had not read (pipelined commands); false as <see cref="Receive"/>.</summary>
    public bool ResumeAfterLookup()
    {
        Session.LookupCompleted();
        var held = _held;
        _held = null;
        return held is null || Receive(held);
    }

    /// <summary>Keeps the input a waiting session did not read, to give it again once the lookup is in.</summary>
    private void Hold(ReadOnlySpan<byte> unread)
    {
        if (Session.PendingAction == SmtpSessionAction.Wait && !unread.IsEmpty)
        {
            _held = unread.ToArray();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Server.Release();
            Session.Dispose();
            var trace = Server.Host.World.Trace;
            if (trace.RecordTranscripts)
            {
                trace.Append(Server.Host.Name, Tracing.TraceKind.ConnectionClosed, _closing, SessionId);
            }
        }
    }
}
