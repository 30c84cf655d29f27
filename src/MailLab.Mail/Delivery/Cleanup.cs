using System.Text;
using MailLab.Protocol.Smtp;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Mail.Delivery;

/// <summary>
/// The cleanup stage (Postfix's name): reads the header block with MimeKit, counts Received
/// headers for the hop limit, and writes the stored form: our Received header (RFC 5321 §4.4),
/// then Message-ID and Date when the message lacks them (RFC 5322 §3.6), then the content.
/// </summary>
public static class Cleanup
{
    [ThreadStatic]
    private static MimeParser? HeaderParser;

    public sealed record Result(byte[] Data, int ReceivedCount, IReadOnlyList<string> AddedHeaders);

    public static Result Apply(ReadOnlyMemory<byte> content, string receivedHeader, string messageIdDomain, string localId, DateTimeOffset now)
    {
        var (received, hasMessageId, hasDate) = Inspect(content);
        var added = new List<string>();
        var prefix = new StringBuilder(receivedHeader);
        if (!hasMessageId)
        {
            prefix.Append("Message-ID: <").Append(localId).Append('@').Append(messageIdDomain).Append(">\r\n");
            added.Add("Message-ID");
        }

        if (!hasDate)
        {
            prefix.Append("Date: ").Append(DateUtils.FormatDate(now)).Append("\r\n");
            added.Add("Date");
        }

        var text = prefix.ToString();
        var length = Encoding.UTF8.GetByteCount(text);
        // Every byte is written below, so the array need not be zeroed first.
        var data = GC.AllocateUninitializedArray<byte>(length + content.Length);
        Encoding.UTF8.GetBytes(text, data);
        content.Span.CopyTo(data.AsSpan(length));
        return new Result(data, received, added);
    }

    /// <summary>RFC 5321 §4.4 trace line: from the EHLO name and address, by us, with the protocol (RFC 3848).</summary>
    public static string ReceivedHeader(SmtpSessionContext context, string protocol, string byName, string localId, DateTimeOffset now) =>
        $"Received: from {context.ClientName} ([{context.RemoteAddress?.ToString() ?? "unknown"}]) by {byName} with {protocol} id {localId};\r\n\t{DateUtils.FormatDate(now)}\r\n";

    /// <summary>Counts Received headers and notes Message-ID and Date, reading only the header block.</summary>
    public static (int Received, bool HasMessageId, bool HasDate) Inspect(ReadOnlyMemory<byte> content)
    {
        var headerLength = HeaderBlockLength(content.Span);
        using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content[..headerLength], out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content[..headerLength].ToArray(), writable: false);
        try
        {
            // One parser per thread, given each message's header block in turn: a new MimeParser
            // allocates its read-ahead buffer (4 KB+), which was most of the bytes a hop allocated.
            var parser = HeaderParser ??= new MimeParser(Stream.Null, MimeFormat.Entity);
            parser.SetStream(stream, MimeFormat.Entity);
            var headers = parser.ParseHeaders();
            return (headers.Count(h => h.Id == HeaderId.Received), headers.Contains(HeaderId.MessageId), headers.Contains(HeaderId.Date));
        }
        catch (FormatException)
        {
            return (0, false, false);
        }
    }

    // Only the header block is handed to MimeKit, so a large body is not copied for this.
    private static int HeaderBlockLength(ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf("\r\n\r\n"u8);
        return end < 0 ? content.Length : end + 4;
    }
}
