namespace MailLab.Mail.Smtp;

/// <summary>
/// The General and Messages tabs' limits, with IIS 6 defaults (docs/REFERENCE.md, "Messages tab"; cc785987, KB 303759).
/// A null limit means "unlimited", as when the box is unticked in IIS. Immutable: a change is a new
/// value (<c>limits with { … }</c>) in a new <see cref="Settings.VirtualServerSnapshot"/>.
/// </summary>
public sealed record SmtpLimitsSettings
{
    /// <summary>General → "Limit number of connections to": unlimited by default, minimum 1.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>General → "Connection time-out": 10 minutes.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages → "Limit message size to (KB)": 2,048 KB, minimum 1.</summary>
    public long? MaxMessageSizeKb { get; init; } = 2048;

    /// <summary>Messages → "Limit session size to (KB)": 10,240 KB; counts message bodies only.</summary>
    public long? MaxSessionSizeKb { get; init; } = 10240;

    /// <summary>Messages → "Limit number of messages per connection to": 20, for outgoing connections.</summary>
    public int? MaxMessagesPerConnection { get; init; } = 20;

    /// <summary>Messages → "Limit number of recipients per message to": 100 (RFC 5321 §4.5.3.1.8).</summary>
    public int? MaxRecipientsPerMessage { get; init; } = 100;
}
