namespace MailLab.Mail.Smtp;

/// <summary>
/// The General and Messages tabs' limits, with IIS 6 defaults (docs/REFERENCE.md, "Messages tab"; cc785987, KB 303759).
/// A null limit means "unlimited", as when the box is unticked in IIS.
/// </summary>
public sealed class SmtpLimitsSettings
{
    /// <summary>General → "Limit number of connections to": unlimited by default, minimum 1.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>General → "Connection time-out": 10 minutes.</summary>
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages → "Limit message size to (KB)": 2,048 KB, minimum 1.</summary>
    public long? MaxMessageSizeKb { get; set; } = 2048;

    /// <summary>Messages → "Limit session size to (KB)": 10,240 KB; counts message bodies only.</summary>
    public long? MaxSessionSizeKb { get; set; } = 10240;

    /// <summary>Messages → "Limit number of messages per connection to": 20, for outgoing connections.</summary>
    public int? MaxMessagesPerConnection { get; set; } = 20;

    /// <summary>Messages → "Limit number of recipients per message to": 100 (RFC 5321 §4.5.3.1.8).</summary>
    public int? MaxRecipientsPerMessage { get; set; } = 100;

    /// <summary>Checks the rules IIS's property sheet enforces; returns what is wrong, or null.</summary>
    public string? Validate()
    {
        if (MaxConnections is < 1)
        {
            return "maxConnections must be at least 1";
        }

        if (ConnectionTimeout <= TimeSpan.Zero)
        {
            return "connectionTimeout must be positive";
        }

        if (MaxMessageSizeKb is < 1)
        {
            return "maxMessageSizeKb must be at least 1";
        }

        if (MaxSessionSizeKb is not null && MaxMessageSizeKb is not null && MaxSessionSizeKb < MaxMessageSizeKb)
        {
            return "maxSessionSizeKb must be at least maxMessageSizeKb";
        }

        if (MaxMessagesPerConnection is < 1)
        {
            return "maxMessagesPerConnection must be at least 1";
        }

        return MaxRecipientsPerMessage is < 1 ? "maxRecipientsPerMessage must be at least 1" : null;
    }
}
