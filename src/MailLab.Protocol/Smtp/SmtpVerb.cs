namespace MailLab.Protocol.Smtp;

/// <summary>The commands <see cref="SmtpCommandTable"/> knows; the session switches on these.</summary>
internal enum SmtpVerb
{
    /// <summary>A verb the table does not hold: 500 5.5.1.</summary>
    Unrecognized,

    /// <summary>An empty line: 500 5.5.2.</summary>
    Empty,
    Helo,
    Ehlo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Help,
    StartTls,
    Auth,

    /// <summary>EXPN, TURN, ETRN, ATRN: recognised and not offered (502).</summary>
    NotImplemented,
}
