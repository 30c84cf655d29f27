namespace MailLab.Protocol.Smtp;

/// <summary>
/// The replies the session gives, with RFC 5321 codes and RFC 3463 / RFC 5248 enhanced codes, in
/// one place so transcripts, docs and tests agree.
/// </summary>
public static class SmtpReplies
{
    public static readonly SmtpReply Ok = new(250, "2.0.0", "OK");
    public static readonly SmtpReply SenderOk = new(250, "2.1.0", "Sender OK");
    public static readonly SmtpReply RecipientOk = new(250, "2.1.5", "Recipient OK");

    /// <summary>RFC 3463 §3.5 X.4.3 "directory server failure": a recipient lookup could not be made; the client tries again later.</summary>
    public static readonly SmtpReply DirectoryFailure = new(451, "4.4.3", "Directory server failure: try again later");
    public static readonly SmtpReply StartData = new(354, null, "Start mail input; end with <CRLF>.<CRLF>");
    public static readonly SmtpReply ResetOk = new(250, "2.0.0", "Reset state");
    public static readonly SmtpReply Vrfy = new(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static readonly SmtpReply ReadyToStartTls = new(220, "2.0.0", "Ready to start TLS");
    public static readonly SmtpReply AuthSucceeded = new(235, "2.7.0", "Authentication successful");

    public static readonly SmtpReply SendHeloFirst = new(503, "5.5.1", "Bad sequence of commands: send HELO/EHLO first");
    public static readonly SmtpReply SendEhloFirst = new(503, "5.5.1", "Bad sequence of commands: send EHLO first");
    public static readonly SmtpReply NestedMail = new(503, "5.5.1", "Bad sequence of commands: sender already specified");
    public static readonly SmtpReply NeedMail = new(503, "5.5.1", "Bad sequence of commands: need MAIL before RCPT");
    public static readonly SmtpReply NeedMailForData = new(503, "5.5.1", "Bad sequence of commands: need MAIL command");
    public static readonly SmtpReply NeedRecipients = new(503, "5.5.1", "Bad sequence of commands: need RCPT command");
    public static readonly SmtpReply DataAfterBdat = new(503, "5.5.1", "Bad sequence of commands: DATA cannot follow BDAT in one transaction");
    public static readonly SmtpReply AlreadyAuthenticated = new(503, "5.5.1", "Bad sequence of commands: already authenticated");
    public static readonly SmtpReply AuthInTransaction = new(503, "5.5.1", "Bad sequence of commands: AUTH is not allowed during a mail transaction");
    public static readonly SmtpReply TlsAlreadyActive = new(503, "5.5.1", "Bad sequence of commands: TLS is already active");
    public static readonly SmtpReply OnlyQuitAllowed = new(503, "5.5.1", "Bad sequence of commands: this server refused the connection; only QUIT is allowed");

    public static readonly SmtpReply EmptyCommand = new(500, "5.5.2", "Syntax error: empty command");
    public static readonly SmtpReply LineTooLong = new(500, "5.5.6", "Line too long (RFC 5321 4.5.3.1)");
    public static readonly SmtpReply TextLineTooLong = new(500, "5.5.6", "Message refused: a line is longer than 1000 octets (RFC 5321 4.5.3.1.6)");
    public static readonly SmtpReply NotImplemented = new(502, "5.5.1", "Command not implemented");
    public static readonly SmtpReply NoParametersAllowed = new(501, "5.5.4", "Syntax error: no parameters allowed");
    public static readonly SmtpReply HeloNeedsDomain = new(501, "5.5.4", "Syntax error: HELO/EHLO requires a domain or address");
    public static readonly SmtpReply VrfyNeedsArgument = new(501, "5.5.4", "Syntax error: VRFY requires a user or mailbox");
    public static readonly SmtpReply BadBdat = new(501, "5.5.4", "Syntax error: expected \"BDAT <size> [LAST]\"");
    public static readonly SmtpReply ParametersNeedEhlo = new(555, "5.5.4", "MAIL FROM/RCPT TO parameters need EHLO");
    public static readonly SmtpReply NonAsciiAddress = new(553, "5.6.7", "Non-ASCII addresses are not permitted without SMTPUTF8");

    public static readonly SmtpReply MessageTooBig = new(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static readonly SmtpReply SessionTooBig = new(552, "5.3.4", "Session size limit exceeded");
    public static readonly SmtpReply TooManyRecipients = new(452, "4.5.3", "Too many recipients");

    public static readonly SmtpReply TlsNotAvailable = new(454, "4.7.0", "TLS not available due to temporary reason");
    public static readonly SmtpReply MustStartTls = new(530, "5.7.0", "Must issue a STARTTLS command first");
    public static readonly SmtpReply AuthRequired = new(530, "5.7.0", "Authentication required");
    public static readonly SmtpReply EncryptionRequiredForAuth = new(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static readonly SmtpReply AuthNotAvailable = new(502, "5.5.1", "AUTH is not available on this server");
    public static readonly SmtpReply UnknownMechanism = new(504, "5.5.4", "Unrecognized authentication type");
    public static readonly SmtpReply AuthCancelled = new(501, "5.7.0", "Authentication cancelled");
    public static readonly SmtpReply AuthBadBase64 = new(501, "5.5.2", "Cannot decode response: invalid base64");
    public static readonly SmtpReply AuthFailed = new(535, "5.7.8", "Authentication credentials invalid");
    public static readonly SmtpReply RelayDenied = new(550, "5.7.1", "Unable to relay");

    public static readonly SmtpReply ServiceUnavailable = new(421, "4.3.2", "Service not available, closing transmission channel");
    public static readonly SmtpReply TooManyConnections = new(421, "4.3.2", "Too many connections, closing transmission channel");

    public static SmtpReply Timeout(string host) => new(421, "4.4.2", $"{host} Error: timeout exceeded, closing transmission channel");

    public static SmtpReply Closing(string host) => new(221, "2.0.0", $"{host} Service closing transmission channel");

    /// <summary>
    /// 500 for an unknown verb. The verb is echoed with anything but printable ASCII replaced by
    /// '?', so a client cannot put a CR, a control character or raw UTF-8 into a reply line
    /// (RFC 5321 §4.2: reply text is ASCII; §2.3.8: no bare CR).
    /// </summary>
    public static SmtpReply Unrecognized(string verb) => new(500, "5.5.1", $"Command unrecognized: \"{Printable(verb)}\"");

    public static SmtpReply BadSender(string why) => new(501, "5.1.7", why);

    public static SmtpReply BadRecipient(string why) => new(501, "5.1.3", why);

    public static SmtpReply BadParameterSyntax(string why) => new(501, "5.5.4", why);

    public static SmtpReply UnsupportedParameter(string name) => new(555, "5.5.4", $"Unsupported parameter: {name}");

    public static SmtpReply BadParameterValue(string name) => new(501, "5.5.4", $"Syntax error: invalid value for {name}");

    public static SmtpReply ChunkReceived(long size) => new(250, "2.0.0", $"{size} {(size == 1 ? "octet" : "octets")} received");

    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= '!' and <= '~' ? source[i] : '?';
            }
        });
}
