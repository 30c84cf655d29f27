using MailLab.Protocol.Smtp.Client;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Feeds one <see cref="OutboundConnection"/>'s messages to the <see cref="SmtpClientSession"/> that
/// carries them, whatever the wire (in process, or a stream): the first, then each one the
/// connection takes after the previous one's final reply, and answers each with the session's result.
/// </summary>
public sealed class OutboundSessionFeed
{
    private readonly OutboundConnection _connection;
    private readonly long _sessionId;
    private readonly List<OutboundRequest> _requests;
    private int _answered;

    public OutboundSessionFeed(OutboundConnection connection, OutboundRequest first, long sessionId)
    {
        _connection = connection;
        _sessionId = sessionId;
        _requests = [first];
    }

    /// <summary>The session carrying the messages; set before it reads its first reply.</summary>
    public SmtpClientSession? Client { get; set; }

    /// <summary>The message the session is sending now (what it sends next belongs to it).</summary>
    public OutboundRequest Current => _requests[Client!.CurrentTransaction];

    /// <summary>The message the session is sending now, or null when it has none (before its first reply is read, or after its last).</summary>
    public OutboundRequest? Sending => Client is { } client && client.CurrentTransaction < _requests.Count ? _requests[client.CurrentTransaction] : null;

    /// <summary>The trace of the message the session is sending now.</summary>
    public string CurrentTraceId => Current.TraceId;

    public static SmtpClientTransaction Transaction(OutboundRequest request) => new(request.Sender, request.Recipients, request.Data);

    /// <summary>
    /// Asked by the session after a message's final reply: answers it, then takes the next one
    /// waiting (null: none, and the session sends QUIT).
    /// </summary>
    public SmtpClientTransaction? Next()
    {
        Answer();
        if (!_connection.TryTakeNext(out var request))
        {
            return null;
        }

        _requests.Add(request);
        return Transaction(request);
    }

    /// <summary>After the session ended: the message in flight (and any other taken) gets its outcome.</summary>
    public void AnswerTheRest()
    {
        while (_answered < _requests.Count)
        {
            Answer();
        }
    }

    private void Answer()
    {
        var result = Client!.ResultOf(_answered);
        _connection.Complete(_requests[_answered++], new OutboundResult(result.ConnectionError, result.RecipientReplies, _sessionId));
    }
}
