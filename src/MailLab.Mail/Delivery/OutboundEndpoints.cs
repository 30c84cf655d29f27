using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The sending hosts' record of their open SMTP connections, by the local endpoint each one left
/// from (address and port, as the receiving side sees it as the remote endpoint): what a sending
/// MTA logs about an attempt (Postfix's "connect to …" line with its queue id). A receiving host
/// that accepts a message reads the id in the Received line the sender wrote (the sender's queue
/// id, RFC 5321 §4.4) and the endpoint the connection came from, and continues the sender's trace
/// only when the sender's record of that endpoint agrees: the sender never writes into the receiver.
/// </summary>
public sealed class OutboundEndpoints
{
    private readonly ConcurrentDictionary<IPEndPoint, OutboundSessionFeed> _open = new();

    /// <summary>
    /// Records that <paramref name="feed"/>'s messages leave from <paramref name="local"/> until the
    /// returned registration is disposed (the connection is closed).
    /// </summary>
    public IDisposable Open(IPEndPoint local, OutboundSessionFeed feed)
    {
        var key = Normalize(local);
        _open[key] = feed;
        return new Registration(this, key, feed);
    }

    /// <summary>
    /// The trace a message received from <paramref name="remote"/> continues (its sequence), or 0 for
    /// a new trace: no host of this world is sending from there, or the queue id in the content's
    /// first Received line (the sending hop's, RFC 5321 §4.4) is not that of the message the host is
    /// sending on that connection (a forged or foreign line is never followed). Content with no
    /// Received line of ours (a delivery status notification) is told by the endpoint alone.
    /// </summary>
    internal long TraceOf(EndPoint? remote, HeaderFacts? headers)
    {
        if (remote is not IPEndPoint endpoint || _open.IsEmpty || !_open.TryGetValue(Normalize(endpoint), out var feed) || feed.Sending is not { } sending)
        {
            return 0;
        }

        var receivedId = headers is { } read ? QueueId(read.FirstReceivedRawValue) : default;
        if (!receivedId.IsEmpty && sending.MessageId is { } sent && !Ascii.EqualsIgnoreCase(receivedId, sent))
        {
            return 0;
        }

        return StoredMessage.TryParseId(sending.TraceId, out var sequence) ? sequence : 0;
    }

    /// <summary>
    /// The queue id of ours in a Received line ("… with ESMTP id ML0000000A; …" as cleanup writes it,
    /// the "id" clause of RFC 5321 §4.4), read from its raw bytes; empty when it names none.
    /// </summary>
    private static ReadOnlySpan<byte> QueueId(ReadOnlySpan<byte> raw)
    {
        const int Length = 10; // "ML" and eight hex digits (StoredMessage.FormatId)
        var at = raw.IndexOf(" id ML"u8);
        if (at < 0 || raw.Length < at + 4 + Length)
        {
            return default;
        }

        var id = raw.Slice(at + 4, Length);
        return System.Buffers.Text.Utf8Parser.TryParse(id[2..], out uint _, out var consumed, 'X') && consumed == Length - 2 ? id : default;
    }

    /// <summary>An IPv4 address seen through a dual-stack socket is written as IPv4, so both sides of a connection name it alike.</summary>
    internal static IPEndPoint Normalize(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;

    private sealed class Registration(OutboundEndpoints owner, IPEndPoint key, OutboundSessionFeed feed) : IDisposable
    {
        public void Dispose() => owner._open.TryRemove(new KeyValuePair<IPEndPoint, OutboundSessionFeed>(key, feed));
    }
}
