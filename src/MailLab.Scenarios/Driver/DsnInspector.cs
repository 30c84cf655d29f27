using MailLab.Mail.Stores;
using MimeKit;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// Reads delivery status notifications (RFC 3464) back: a message whose body is a multipart/report
/// with a message/delivery-status part, one per-recipient group per Final-Recipient.
/// </summary>
public static class DsnInspector
{
    /// <summary>The (recipient, action) pairs a message reports on; empty when it is not a DSN.</summary>
    public static IReadOnlyList<(string Recipient, string Action)> Reports(StoredMessage message)
    {
        MimeMessage parsed;
        try
        {
            using var stream = new MemoryStream(message.Data, writable: false);
            parsed = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return [];
        }

        if (parsed.Body is not MultipartReport report)
        {
            return [];
        }

        var result = new List<(string, string)>();
        foreach (var status in report.OfType<MessageDeliveryStatus>())
        {
            foreach (var group in status.StatusGroups.Skip(1))
            {
                var recipient = group["Final-Recipient"];
                if (recipient is null)
                {
                    continue;
                }

                var semicolon = recipient.IndexOf(';');
                result.Add((recipient[(semicolon + 1)..].Trim(), group["Action"]?.Trim() ?? string.Empty));
            }
        }

        return result;
    }
}
