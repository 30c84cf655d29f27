namespace MailLab.Testing;

/// <summary>Where an injected reply (<see cref="TestFaults"/>) replaces the server's own.</summary>
public enum SmtpStage
{
    /// <summary>The greeting: the connection is refused with the reply and closed.</summary>
    Connect,

    /// <summary>The reply to MAIL FROM.</summary>
    Mail,

    /// <summary>The reply to each RCPT TO.</summary>
    Rcpt,

    /// <summary>The reply to the end of the message content: the message is not stored.</summary>
    Data,
}
