using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>Why one recipient could not be delivered, for a delivery status notification.</summary>
public sealed record DeliveryFailure(string Recipient, SmtpReply Reply, string? RemoteMta = null)
{
    /// <summary>The RFC 3463 status: the reply's enhanced code, or its class with zeros.</summary>
    public string Status => Reply.EnhancedCode ?? $"{Reply.Code / 100}.0.0";
}
