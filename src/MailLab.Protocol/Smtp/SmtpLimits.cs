namespace MailLab.Protocol.Smtp;

/// <summary>Size limits from RFC 5321 §4.5.3.1 and the extensions that raise them.</summary>
public static class SmtpLimits
{
    /// <summary>RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF.</summary>
    public const int CommandLine = 512;

    /// <summary>
    /// MAIL and RCPT lines may grow by what each advertised extension allows: SIZE adds 26
    /// (RFC 1870 §3), BODY=8BITMIME 14 (RFC 6152), SMTPUTF8 10 (RFC 6531 §3.4) and AUTH= 500
    /// (RFC 4954 §5).
    /// </summary>
    public const int MailCommandLine = CommandLine + 26 + 14 + 10 + 500;

    /// <summary>RFC 4954 §4: an AUTH command or response line may be up to 12,288 octets.</summary>
    public const int AuthLine = 12288;

    /// <summary>RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including the reply code and CRLF.</summary>
    public const int ReplyLine = 512;

    /// <summary>RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF.</summary>
    public const int TextLine = 1000;

    /// <summary>RFC 5321 §4.5.3.1.1: a local part is at most 64 octets.</summary>
    public const int LocalPart = 64;

    /// <summary>RFC 5321 §4.5.3.1.2: a domain is at most 255 octets.</summary>
    public const int Domain = 255;

    /// <summary>RFC 5321 §4.5.3.1.3: a path (with its angle brackets) is at most 256 octets.</summary>
    public const int Path = 256;

    /// <summary>RFC 5321 §4.5.3.1.8: a server must accept at least 100 recipients.</summary>
    public const int MinimumRecipients = 100;
}
