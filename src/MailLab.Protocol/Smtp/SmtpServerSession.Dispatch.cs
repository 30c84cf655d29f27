namespace MailLab.Protocol.Smtp;

/// <summary>Command dispatch through <see cref="SmtpCommandTable"/>.</summary>
public sealed partial class SmtpServerSession
{
    /// <summary>The state the next command is looked up in (<see cref="SmtpCommandTable"/>).</summary>
    internal SmtpSessionConditions Conditions
    {
        get
        {
            var now = _sender is null ? SmtpSessionConditions.NoMail : SmtpSessionConditions.InMail;
            if (_rejected)
            {
                now |= SmtpSessionConditions.Refused;
            }

            if (Context.ClientName is null)
            {
                now |= SmtpSessionConditions.NotGreeted;
            }

            if (!Context.IsExtended)
            {
                now |= SmtpSessionConditions.NotExtended;
            }

            if (_recipients.Count == 0)
            {
                now |= SmtpSessionConditions.NoRecipients;
            }

            if (_usedBdat)
            {
                now |= SmtpSessionConditions.Chunking;
            }

            if (Context.AuthenticatedUser is not null)
            {
                now |= SmtpSessionConditions.Authenticated;
            }

            if (Context.IsSecure)
            {
                now |= SmtpSessionConditions.Secure;
            }

            return now;
        }
    }

    private void ExecuteCommand(string line, int octets)
    {
        var space = line.IndexOf(' ');
        var verb = space < 0 ? line.AsSpan() : line.AsSpan(0, space);
        var argument = space < 0 ? string.Empty : line[(space + 1)..];
        var command = SmtpCommandTable.Find(verb);
        _observer?.OnClientLine(command.Verb == SmtpVerb.Auth ? RedactAuth(line) : line);

        if (octets > command.LineLimit)
        {
            Reply(SmtpReplies.LineTooLong);
            return;
        }

        var refusal = SmtpCommandTable.Refusal(command, Conditions, hasArgument: argument.Length > 0);
        if (refusal is not null)
        {
            Reply(refusal);
            return;
        }

        switch (command.Verb)
        {
            case SmtpVerb.Empty:
                Reply(SmtpReplies.EmptyCommand);
                break;
            case SmtpVerb.Helo:
                Helo(argument, extended: false);
                break;
            case SmtpVerb.Ehlo when !Offers(SmtpExtensions.Ehlo):
            case SmtpVerb.Bdat when !Offers(SmtpExtensions.Chunking):
                // A server without the extension does not know the verb (RFC 5321 §4.1.1.1: EHLO then gets 500 and the client sends HELO).
                Reply(SmtpReplies.Unrecognized(verb.ToString().ToUpperInvariant()));
                break;
            case SmtpVerb.Ehlo:
                Helo(argument, extended: true);
                break;
            case SmtpVerb.Mail:
                Mail(argument);
                break;
            case SmtpVerb.Rcpt:
                Rcpt(argument);
                break;
            case SmtpVerb.Data:
                Data();
                break;
            case SmtpVerb.Bdat:
                Bdat(argument);
                break;
            case SmtpVerb.Rset:
                ResetTransaction();
                Reply(SmtpReplies.ResetOk);
                break;
            case SmtpVerb.Noop:
                // RFC 5321 §4.1.1.9: a parameter is allowed and ignored.
                Reply(SmtpReplies.Ok);
                break;
            case SmtpVerb.Quit:
                Reply(SmtpReplies.Closing(_options.HostName));
                PendingAction = SmtpSessionAction.Close;
                break;
            case SmtpVerb.Vrfy:
                // RFC 5321 §3.5.3 and §7.3: 252 neither confirms nor denies the mailbox.
                Reply(argument.Trim().Length == 0 ? SmtpReplies.VrfyNeedsArgument : SmtpReplies.Vrfy);
                break;
            case SmtpVerb.Help:
                Reply(new SmtpReply(214, "2.0.0", ["Commands supported:", "HELO EHLO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH"]));
                break;
            case SmtpVerb.StartTls:
                StartTls();
                break;
            case SmtpVerb.Auth:
                Auth(argument);
                break;
            case SmtpVerb.NotImplemented:
                Reply(SmtpReplies.NotImplemented);
                break;
            default:
                Reply(SmtpReplies.Unrecognized(Truncated(verb.ToString().ToUpperInvariant())));
                break;
        }
    }

    /// <summary>An unknown verb as a 500 reply quotes it: upper case, at most 32 characters.</summary>
    private static string Truncated(string verb) => verb.Length > 32 ? verb[..32] : verb;
}
