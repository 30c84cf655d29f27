using MailLab.Mail.Stores;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Builds delivery status notifications (RFC 3464) with MimeKit: a multipart/report with a human
/// part, a message/delivery-status part and the returned message, sent from the postmaster with a
/// null reverse-path and Auto-Submitted (RFC 3834) so it is never answered by another bounce.
/// </summary>
public static class DsnBuilder
{
    private static readonly FormatOptions WireFormat = CreateWireFormat();

    public static byte[] Build(string reportingMta, StoredMessage original, IReadOnlyList<DeliveryFailure> failures, bool delay, DateTimeOffset now, DateTimeOffset? retryUntil)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery Subsystem", $"postmaster@{reportingMta}"));
        message.To.Add(MailboxAddress.Parse(original.Sender));
        message.Subject = delay ? "Delivery Status Notification (Delay)" : "Delivery Status Notification (Failure)";
        message.Date = now;
        message.MessageId = $"{original.Id}.{(delay ? "delay" : "ndr")}.{now.ToUnixTimeSeconds()}@{reportingMta}";
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = HumanText(reportingMta, original, failures, delay, retryUntil) });

        var groups = new List<HeaderList>
        {
            new()
            {
                { "Reporting-MTA", $"dns; {reportingMta}" },
                { "Arrival-Date", DateUtils.FormatDate(original.Received) },
            },
        };
        foreach (var failure in failures)
        {
            var group = new HeaderList
            {
                { "Final-Recipient", $"rfc822; {failure.Recipient}" },
                { "Action", delay ? "delayed" : "failed" },
                { "Status", failure.Status },
            };
            if (failure.RemoteMta is not null)
            {
                group.Add("Remote-MTA", $"dns; {failure.RemoteMta}");
            }

            group.Add("Diagnostic-Code", $"smtp; {failure.Reply}");
            group.Add("Last-Attempt-Date", DateUtils.FormatDate(now));
            if (delay && retryUntil is { } until)
            {
                group.Add("Will-Retry-Until", DateUtils.FormatDate(until));
            }

            groups.Add(group);
        }

        report.Add(DeliveryStatus(groups));
        using (var originalStream = new MemoryStream(original.Data, writable: false))
        {
            report.Add(new MessagePart("rfc822") { Message = MimeMessage.Load(originalStream) });
        }

        message.Body = report;
        using var output = new MemoryStream();
        message.WriteTo(WireFormat, output);
        return output.ToArray();
    }

    /// <summary>
    /// The message/delivery-status part. RFC 3464 §2.1 separates the groups with one blank line and
    /// ends the body after the last field; MimeKit's own writer also puts a blank line after the
    /// last group, which its parser (and any reader that splits on blank lines) reads back as an
    /// extra, empty per-recipient group. So the groups are written here and that last line dropped.
    /// </summary>
    private static MessageDeliveryStatus DeliveryStatus(IReadOnlyList<HeaderList> groups)
    {
        var body = new MemoryStream();
        foreach (var group in groups)
        {
            group.WriteTo(WireFormat, body); // the fields, then a blank line
        }

        body.SetLength(body.Length - 2); // the blank line after the last group
        body.Position = 0;
        return new MessageDeliveryStatus { Content = new MimeContent(body) };
    }

    private static string HumanText(string reportingMta, StoredMessage original, IReadOnlyList<DeliveryFailure> failures, bool delay, DateTimeOffset? retryUntil)
    {
        var lines = new List<string>
        {
            $"This is the mail system at {reportingMta}.",
            string.Empty,
            delay
                ? $"Your message {original.Id} could not be delivered yet. The server will keep trying{(retryUntil is { } u ? " until " + DateUtils.FormatDate(u) : string.Empty)}."
                : $"Your message {original.Id} could not be delivered to one or more recipients. It has been returned below.",
            string.Empty,
        };
        lines.AddRange(failures.Select(f => $"<{f.Recipient}>: {f.Reply}"));
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
