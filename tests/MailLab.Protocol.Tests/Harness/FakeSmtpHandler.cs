using System.Text;
using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>A message the fake handler accepted, with its own copy of the content bytes.</summary>
internal sealed record DeliveredMessage(
    SmtpMailbox Sender,
    IReadOnlyList<SmtpMailbox> Recipients,
    byte[] Content,
    string Body,
    bool SmtpUtf8,
    string Protocol)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// A configurable <see cref="ISmtpServerHandler"/>: local domains are accepted, other domains only
/// for an authenticated user, listed senders and recipients are refused, and every delivered
/// message is recorded.
/// </summary>
internal sealed class FakeSmtpHandler : ISmtpServerHandler
{
    public static readonly SmtpReply SenderRefused = new(550, "5.7.1", "Sender refused");
    public static readonly SmtpReply MailboxUnavailable = new(550, "5.1.1", "Mailbox unavailable");
    public static readonly SmtpReply Queued = new(250, "2.6.0", "Queued mail for delivery");

    public Dictionary<string, string> Users { get; } = new(StringComparer.OrdinalIgnoreCase) { ["alice"] = "secret" };

    public HashSet<string> LocalDomains { get; } = new(StringComparer.OrdinalIgnoreCase) { "maillab.test" };

    public string DefaultDomain { get; set; } = "maillab.test";

    public HashSet<string> RefusedSenders { get; } = new(StringComparer.OrdinalIgnoreCase) { "spammer@bad.test" };

    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase) { "nobody@maillab.test" };

    public bool RelayForAuthenticatedUsers { get; set; } = true;

    public SmtpReply DeliveryReply { get; set; } = Queued;

    public List<SmtpCredentials> AuthAttempts { get; } = [];

    public List<DeliveredMessage> Delivered { get; } = [];

    /// <summary>Recipients whose decision comes later (a directory lookup): RCPT waits for the task given.</summary>
    public Dictionary<string, Task<SmtpRecipientDecision>> Later { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Authenticate(SmtpCredentials credentials)
    {
        AuthAttempts.Add(credentials);
        var user = Users.Keys.FirstOrDefault(u => string.Equals(u, credentials.UserName, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return null;
        }

        var password = Users[user];
        var ok = credentials.Mechanism switch
        {
            "PLAIN" or "LOGIN" => credentials.Password == password,
            "CRAM-MD5" => credentials.Challenge is not null && credentials.Digest == CramMd5Digest(password, credentials.Challenge),
            _ => false,
        };
        return ok ? user : null;
    }

    public SmtpReply? CheckSender(SmtpSessionContext context, SmtpMailbox sender) =>
        RefusedSenders.Contains(sender.Address) ? SenderRefused : null;

    public SmtpRecipientDecision CheckRecipient(SmtpSessionContext context, SmtpMailbox recipient)
    {
        var mailbox = recipient.Domain is null ? recipient.WithDomain(DefaultDomain) : recipient;
        if (Later.TryGetValue(mailbox.Address, out var later))
        {
            return SmtpRecipientDecision.Wait(later);
        }

        if (RefusedRecipients.Contains(mailbox.Address))
        {
            return SmtpRecipientDecision.Refuse(MailboxUnavailable);
        }

        if (LocalDomains.Contains(mailbox.Domain!) || (RelayForAuthenticatedUsers && context.AuthenticatedUser is not null))
        {
            return SmtpRecipientDecision.Accept(mailbox);
        }

        return SmtpRecipientDecision.Refuse(SmtpReplies.RelayDenied);
    }

    public SmtpReply Deliver(SmtpSessionContext context, SmtpMessage message)
    {
        if (DeliveryReply.IsPositive)
        {
            Delivered.Add(new DeliveredMessage(
                message.Sender,
                message.Recipients.ToArray(),
                message.Content.ToArray(),
                message.Body,
                message.SmtpUtf8,
                message.Protocol));
        }

        return DeliveryReply;
    }

    /// <summary>RFC 2195: the lowercase hex HMAC-MD5 of the challenge keyed with the password.</summary>
    public static string CramMd5Digest(string password, string challenge) => Common.CramMd5.Digest(password, challenge);
}
