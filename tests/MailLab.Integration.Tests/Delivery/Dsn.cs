using MailLab.Mail.Stores;
using MimeKit;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>Reads an RFC 3464 delivery status notification that MailLab stored.</summary>
internal sealed class Dsn
{
    private Dsn(MimeMessage message, MessageDeliveryStatus status)
    {
        Message = message;
        Status = status;
    }

    public MimeMessage Message { get; }

    public MessageDeliveryStatus Status { get; }

    /// <summary>The per-message fields (Reporting-MTA, Arrival-Date).</summary>
    public HeaderList PerMessage => Status.StatusGroups[0];

    /// <summary>The per-recipient groups, in order.</summary>
    public IReadOnlyList<HeaderList> Recipients => Status.StatusGroups.Skip(1).ToArray();

    /// <summary>The returned message (the third part of the report).</summary>
    public MimeMessage Returned => Message.Body.Should().BeOfType<MultipartReport>().Subject.OfType<MessagePart>().Single().Message ?? throw new InvalidOperationException("The report returns no message.");

    public static Dsn Read(StoredMessage stored)
    {
        stored.Sender.Should().BeEmpty("a DSN is sent with the null reverse-path (RFC 3464 §2)");
        using var stream = new MemoryStream(stored.Data, writable: false);
        var message = MimeMessage.Load(stream);
        var report = message.Body.Should().BeOfType<MultipartReport>().Subject;
        report.ReportType.Should().Be("delivery-status");
        return new Dsn(message, report.OfType<MessageDeliveryStatus>().Single());
    }

    public HeaderList For(string recipient) =>
        Recipients.Single(g => g["Final-Recipient"] == $"rfc822; {recipient}");
}
