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
    private static FormattedDate? LastDate;

    [ThreadStatic]
    private static byte[]? ReceivedBuffer;

    /// <param name="Subject">The decoded Subject, when asked for (the first hop, for the list of traces).</param>
    /// <param name="From">The From header as written, when asked for.</param>
    public sealed record Result(byte[] Data, int ReceivedCount, IReadOnlyList<string> AddedHeaders, string? Subject = null, string? From = null);

    /// <param name="readSubject">Also return Subject and From (read from the same parse).</param>
    public static Result Apply(ReadOnlyMemory<byte> content, string receivedHeader, string messageIdDomain, string localId, DateTimeOffset now, bool readSubject = false) =>
        Apply(content, Read(content), System.Text.Encoding.UTF8.GetBytes(receivedHeader), messageIdDomain, localId, now, readSubject);

    /// <param name="headers">The content's header block, already read (<see cref="Read"/>).</param>
    /// <param name="receivedHeader">Our Received header's octets (<see cref="WriteReceivedHeader"/>).</param>
    internal static Result Apply(ReadOnlyMemory<byte> content, HeaderFacts? headers, ReadOnlySpan<byte> receivedHeader, string messageIdDomain, string localId, DateTimeOffset now, bool readSubject)
    {
        var received = headers?.Received ?? 0;
        var hasMessageId = headers?.HasMessageId ?? false;
        var hasDate = headers?.HasDate ?? false;
        IReadOnlyList<string> added = (hasMessageId, hasDate) switch
        {
            (true, true) => [],
            (false, true) => ["Message-ID"],
            (true, false) => ["Date"],
            _ => ["Message-ID", "Date"],
        };
        var messageId = hasMessageId ? null : $"Message-ID: <{localId}@{messageIdDomain}>\r\n";
        var date = hasDate ? null : $"Date: {FormatDate(now)}\r\n";
        var length = receivedHeader.Length + (messageId is null ? 0 : Encoding.UTF8.GetByteCount(messageId)) + (date?.Length ?? 0);

        // Every byte is written below, so the array need not be zeroed first.
        var data = GC.AllocateUninitializedArray<byte>(length + content.Length);
        receivedHeader.CopyTo(data);
        var at = receivedHeader.Length;
        at += messageId is null ? 0 : Encoding.UTF8.GetBytes(messageId, data.AsSpan(at));
        at += date is null ? 0 : Encoding.ASCII.GetBytes(date, data.AsSpan(at));
        content.Span.CopyTo(data.AsSpan(at));
        return readSubject
            ? new Result(data, received, added, headers?.Subject?.Value ?? string.Empty, headers?.From?.Value ?? string.Empty)
            : new Result(data, received, added);
    }

    /// <summary>
    /// An RFC 5322 date (MimeKit's form). Dates have whole seconds, so the text of the last second
    /// seen on this thread is reused: every message received in the same second needs the same text.
    /// </summary>
    public static string FormatDate(DateTimeOffset now)
    {
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        if (LastDate is { } last && last.Second == second && last.Offset == now.Offset)
        {
            return last.Text;
        }

        var text = DateUtils.FormatDate(now);
        LastDate = new FormattedDate(second, now.Offset, text);
        return text;
    }

    /// <summary>
    /// Our RFC 5321 §4.4 trace line (from the EHLO name and address, by us, with the protocol, RFC 3848),
    /// written as UTF-8 straight into a buffer of the thread's (no string on the way): valid until this
    /// thread's next call.
    /// </summary>
    internal static ReadOnlySpan<byte> WriteReceivedHeader(SmtpSessionContext context, string protocol, string byName, string localId, DateTimeOffset now)
    {
        var buffer = ReceivedBuffer ??= new byte[512];
        while (true)
        {
            // An IPAddress formats itself as UTF-8 (IUtf8SpanFormattable): no string for it either.
            var written = context.RemoteAddress is { } address
                ? System.Text.Unicode.Utf8.TryWrite(buffer, $"Received: from {context.ClientName} ([{address}]) by {byName} with {protocol} id {localId};\r\n\t{FormatDate(now)}\r\n", out var length)
                : System.Text.Unicode.Utf8.TryWrite(buffer, $"Received: from {context.ClientName} ([unknown]) by {byName} with {protocol} id {localId};\r\n\t{FormatDate(now)}\r\n", out length);
            if (written)
            {
                return buffer.AsSpan(0, length);
            }

            buffer = ReceivedBuffer = new byte[buffer.Length * 2];
        }
    }

    /// <summary>Counts Received headers and notes Message-ID and Date, reading only the header block.</summary>
    public static (int Received, bool HasMessageId, bool HasDate) Inspect(ReadOnlyMemory<byte> content) =>
        Read(content) is { } headers ? (headers.Received, headers.HasMessageId, headers.HasDate) : (0, false, false);

    /// <summary>The header block (see <see cref="HeaderFacts"/>); null when it cannot be parsed.</summary>
    internal static HeaderFacts? Read(ReadOnlyMemory<byte> content) => HeaderFacts.Read(content[..HeaderBlockLength(content.Span)]);

    private sealed record FormattedDate(long Second, TimeSpan Offset, string Text);

    // Only the header block is handed to MimeKit, so a large body is not copied for this.
    private static int HeaderBlockLength(ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf("\r\n\r\n"u8);
        return end < 0 ? content.Length : end + 4;
    }
}
