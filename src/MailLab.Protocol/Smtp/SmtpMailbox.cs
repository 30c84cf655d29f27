namespace MailLab.Protocol.Smtp;

/// <summary>
/// A mailbox from a MAIL or RCPT path (RFC 5321 §4.1.2). <see cref="Domain"/> is null for a bare
/// local part, which IIS completes with the virtual server's default domain.
/// </summary>
public sealed record SmtpMailbox(string LocalPart, string? Domain)
{
    /// <summary>The null reverse-path <c>&lt;&gt;</c> used by bounces (RFC 5321 §4.5.5).</summary>
    public static readonly SmtpMailbox Null = new(string.Empty, null);

    public bool IsNull => LocalPart.Length == 0 && Domain is null;

    /// <summary>True when the address needs SMTPUTF8 (RFC 6531).</summary>
    public bool IsInternational => !System.Text.Ascii.IsValid(LocalPart) || (Domain is not null && !System.Text.Ascii.IsValid(Domain));

    public string Address => Domain is null ? LocalPart : $"{LocalPart}@{Domain}";

    public SmtpMailbox WithDomain(string domain) => this with { Domain = domain };

    public override string ToString() => Address;
}
