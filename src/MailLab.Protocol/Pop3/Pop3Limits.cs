namespace MailLab.Protocol.Pop3;

/// <summary>Length limits from RFC 2449 §4 and RFC 1939 §7.</summary>
public static class Pop3Limits
{
    /// <summary>RFC 2449 §4: a command line is at most 255 octets including CRLF (AUTH included, RFC 5034 §4).</summary>
    public const int CommandLine = 255;

    /// <summary>RFC 2449 §4: a response line is at most 512 octets including CRLF.</summary>
    public const int ResponseLine = 512;

    /// <summary>
    /// A client line inside a SASL exchange (RFC 5034 §4). It is not a command line, and base64 makes
    /// it long; it is bounded like SMTP's AUTH lines (RFC 4954 §4: 12,288 octets).
    /// </summary>
    public const int SaslResponseLine = 12288;

    /// <summary>RFC 1939 §7 (UIDL): a unique-id is 1 to 70 characters in the range 0x21 to 0x7E.</summary>
    public const int UniqueId = 70;
}
