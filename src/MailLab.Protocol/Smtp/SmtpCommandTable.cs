using System.Collections.Frozen;
using System.Text;
using static MailLab.Protocol.Smtp.SmtpSessionConditions;

namespace MailLab.Protocol.Smtp;

/// <summary>
/// Which command each state of a server session accepts, and the reply for every state that does
/// not, as one table (in the manner of cosullivan/SmtpServer's SmtpStateTable and of
/// <see cref="Pop3.Pop3CommandTable"/>). The session looks each command line's verb up here, asks
/// <see cref="Refusal"/> before running it and switches on <see cref="SmtpCommand.Verb"/>: every
/// "503 5.5.1 Bad sequence of commands" reply comes from this table (RFC 5321 §4.1.4, §3.3).
/// Replies that depend on the virtual server's settings rather than on the order of commands
/// (530 before STARTTLS or AUTH, 538, 454, 502 for AUTH) stay with the commands.
/// </summary>
internal static class SmtpCommandTable
{
    /// <summary>RFC 3030 §2: checked after the chunk size is parsed, answered after the chunk.</summary>
    public static readonly SmtpCommand Bdat = new("BDAT", SmtpVerb.Bdat, checksSequenceAfterSyntax: true)
    {
        { NotGreeted, SmtpReplies.SendHeloFirst },
        { NoMail, SmtpReplies.NeedMailForData },
        { NoRecipients, SmtpReplies.NeedRecipients },
    };

    /// <summary>A verb the table does not hold; after a 554 greeting it too gets the only-QUIT reply.</summary>
    public static readonly SmtpCommand Unrecognized = new("*", SmtpVerb.Unrecognized);

    private static readonly SmtpCommand[] AllCommands =
    [
        new(string.Empty, SmtpVerb.Empty),

        // RFC 5321 §4.1.1.1, §4.1.4: allowed at any time, and they end a transaction in progress.
        new("HELO", SmtpVerb.Helo),
        new("EHLO", SmtpVerb.Ehlo),

        // RFC 5321 §4.1.4: MAIL after HELO/EHLO and not inside a transaction.
        new("MAIL", SmtpVerb.Mail, SmtpLimits.MailCommandLine)
        {
            { NotGreeted, SmtpReplies.SendHeloFirst },
            { InMail, SmtpReplies.NestedMail },
        },

        // RFC 5321 §4.1.4: RCPT only after MAIL.
        new("RCPT", SmtpVerb.Rcpt, SmtpLimits.MailCommandLine)
        {
            { NotGreeted, SmtpReplies.SendHeloFirst },
            { NoMail, SmtpReplies.NeedMail },
        },

        // RFC 5321 §4.1.4: DATA after at least one accepted RCPT; RFC 3030 §3: not after BDAT in one transaction.
        new("DATA", SmtpVerb.Data, takesNoArgument: true)
        {
            { NotGreeted, SmtpReplies.SendHeloFirst },
            { NoMail, SmtpReplies.NeedMailForData },
            { NoRecipients, SmtpReplies.NeedRecipients },
            { Chunking, SmtpReplies.DataAfterBdat },
        },

        // RFC 5321 §4.1.1.5, §4.1.1.9, §4.1.1.10, §3.5.3: allowed in every state.
        new("RSET", SmtpVerb.Rset, takesNoArgument: true),
        new("NOOP", SmtpVerb.Noop),
        new("QUIT", SmtpVerb.Quit, allowedWhenRefused: true),
        new("VRFY", SmtpVerb.Vrfy),
        new("HELP", SmtpVerb.Help),

        // RFC 3207 §4.2: once TLS is up, STARTTLS is not offered again.
        new("STARTTLS", SmtpVerb.StartTls, takesNoArgument: true)
        {
            { Secure, SmtpReplies.TlsAlreadyActive },
        },

        // RFC 4954 §4: AUTH is an EHLO extension, once per session and never inside a transaction.
        new("AUTH", SmtpVerb.Auth, SmtpLimits.AuthLine)
        {
            { NotExtended, SmtpReplies.SendEhloFirst },
            { Authenticated, SmtpReplies.AlreadyAuthenticated },
            { InMail, SmtpReplies.AuthInTransaction },
        },

        // RFC 5321 §3.5.2 lets EXPN be disabled; ETRN (RFC 1985), TURN and ATRN (RFC 2645) are not offered.
        new("EXPN", SmtpVerb.NotImplemented),
        new("TURN", SmtpVerb.NotImplemented),
        new("ETRN", SmtpVerb.NotImplemented),
        new("ATRN", SmtpVerb.NotImplemented),
        Bdat,
    ];

    private static readonly FrozenDictionary<string, SmtpCommand> ByName = AllCommands.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SmtpCommand>.AlternateLookup<ReadOnlySpan<char>> BySpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestName = AllCommands.Max(c => c.Name.Length);

    /// <summary>Every command the table holds (the empty line included), in the order written.</summary>
    public static IReadOnlyList<SmtpCommand> Commands => AllCommands;

    /// <summary>The row for <paramref name="verb"/> (upper case), or <see cref="Unrecognized"/>.</summary>
    public static SmtpCommand Find(string verb) => ByName.TryGetValue(verb, out var command) ? command : Unrecognized;

    /// <summary>
    /// The row for <paramref name="verb"/> as written (any case), as <see cref="Find(string)"/> finds it for
    /// its <see cref="string.ToUpperInvariant"/>, without making either string for an ASCII verb. A verb
    /// with other characters takes the strings' way: ToUpperInvariant maps some of them to ASCII letters
    /// (U+0131 to I, U+017F to S).
    /// </summary>
    public static SmtpCommand Find(ReadOnlySpan<char> verb)
    {
        if (verb.Length > LongestName || !Ascii.IsValid(verb))
        {
            return verb.Length > LongestName ? Unrecognized : Find(verb.ToString().ToUpperInvariant());
        }

        Span<char> upper = stackalloc char[verb.Length];
        Ascii.ToUpper(verb, upper, out _);
        return BySpan.TryGetValue(upper, out var command) ? command : Unrecognized;
    }

    /// <summary>
    /// The reply that refuses <paramref name="command"/> before it runs, in this order: the only-QUIT
    /// reply after a 554 greeting, 501 for an argument to a command that takes none, then the first
    /// sequencing rule that holds (not for a command that checks its sequence after its syntax).
    /// Null when the command runs.
    /// </summary>
    public static SmtpReply? Refusal(SmtpCommand command, SmtpSessionConditions now, bool hasArgument)
    {
        if ((now & Refused) != 0 && !command.AllowedWhenRefused)
        {
            return SmtpReplies.OnlyQuitAllowed;
        }

        if (command.TakesNoArgument && hasArgument)
        {
            return SmtpReplies.NoParametersAllowed;
        }

        return command.ChecksSequenceAfterSyntax ? null : command.SequenceRefusal(now);
    }
}
