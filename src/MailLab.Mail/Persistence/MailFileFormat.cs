using System.Globalization;
using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The .eml files MailLab writes (Drop, Queue, BadMail .BAD, P3_user.mbx): the message as received,
/// preceded by envelope lines the way IIS writes Drop files — <c>x-sender:</c> and one
/// <c>x-receiver:</c> per recipient — plus MailLab's own lines: the message id, the id that follows
/// it across hops, when it was received and when the file was filed. <c>x-maillab-filed</c> is
/// always the last envelope line. Reading strips them, so POP3 serves the original bytes. A file
/// without them (one a user wrote) is read as a bare message.
/// </summary>
internal static class MailFileFormat
{
    private const string Sender = "x-sender: ";
    private const string Receiver = "x-receiver: ";
    private const string Id = "x-maillab-id: ";
    private const string Trace = "x-maillab-trace: ";
    private const string Received = "x-maillab-received: ";
    private const string Filed = "x-maillab-filed: ";

    public static byte[] Envelope(StoredMessage message, IEnumerable<string> recipients, DateTimeOffset filed)
    {
        var text = new StringBuilder();
        text.Append(Sender).Append(message.Sender.Length == 0 ? "<>" : message.Sender).Append("\r\n");
        foreach (var recipient in recipients)
        {
            text.Append(Receiver).Append(recipient).Append("\r\n");
        }

        text.Append(Id).Append(message.Id).Append("\r\n");
        text.Append(Trace).Append(message.TraceId).Append("\r\n");
        text.Append(Received).Append(Time(message.Received)).Append("\r\n");
        text.Append(Filed).Append(Time(filed)).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads a file written by <see cref="Envelope"/> (or a bare message, whose id comes from <paramref name="fallbackId"/>).</summary>
    public static (StoredMessage Message, DateTimeOffset Filed) Read(byte[] file, string hostName, string fallbackId, DateTimeOffset fallbackTime)
    {
        var sender = string.Empty;
        var recipients = new List<string>();
        long sequence = 0;
        long traceSequence = 0;
        DateTimeOffset? received = null;
        DateTimeOffset? filed = null;
        var offset = 0;
        while (filed is null && StartsWith(file, offset, "x-") && NextLine(file, offset) is { } end)
        {
            var line = Encoding.UTF8.GetString(file, offset, end - offset).TrimEnd('\r', '\n');
            if (Value(line, Sender) is { } s)
            {
                sender = s == "<>" ? string.Empty : s;
            }
            else if (Value(line, Receiver) is { } r)
            {
                recipients.Add(r);
            }
            else if (Value(line, Id) is { } id)
            {
                StoredMessage.TryParseId(id, out sequence);
            }
            else if (Value(line, Trace) is { } trace)
            {
                StoredMessage.TryParseId(trace, out traceSequence);
            }
            else if (Value(line, Received) is { } at)
            {
                received = ParseTime(at);
            }
            else if (Value(line, Filed) is { } when)
            {
                filed = ParseTime(when) ?? fallbackTime;
            }
            else
            {
                break; // not an envelope line: the message starts here
            }

            offset = end;
        }

        if (filed is null)
        {
            offset = 0; // no complete envelope: a bare message
            sender = string.Empty;
            recipients.Clear();
        }

        if (sequence == 0)
        {
            StoredMessage.TryParseId(fallbackId, out sequence);
        }

        var message = new StoredMessage(sequence, hostName, sender, recipients, file[offset..], received ?? fallbackTime, traceSequence);
        return (message, filed ?? fallbackTime);
    }

    private static string? Value(string line, string name) =>
        line.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? line[name.Length..].Trim() : null;

    private static bool StartsWith(byte[] file, int offset, string text) =>
        file.Length - offset >= text.Length && Encoding.ASCII.GetString(file, offset, text.Length).Equals(text, StringComparison.OrdinalIgnoreCase);

    private static int? NextLine(byte[] file, int offset)
    {
        var at = Array.IndexOf(file, (byte)'\n', offset);
        return at < 0 ? null : at + 1;
    }

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
