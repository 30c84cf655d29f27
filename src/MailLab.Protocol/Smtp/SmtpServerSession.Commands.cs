namespace MailLab.Protocol.Smtp;

public sealed partial class SmtpServerSession
{
    private SmtpMailbox? _sender;
    private readonly List<SmtpMailbox> _recipients = [];
    private string _body = "7BIT";
    private bool _smtpUtf8;
    private bool _usedBdat;

    private void Helo(string argument, bool extended)
    {
        var name = argument.Trim();
        if (name.Length == 0 || name.Contains(' '))
        {
            Reply(SmtpReplies.HeloNeedsDomain);
            return;
        }

        // RFC 5321 §4.1.4: HELO/EHLO resets any transaction in progress.
        ResetTransaction();
        Context.ClientName = name;
        Context.IsExtended = extended;
        Reply(SessionReplyCache.Hello(_options, Context.RemoteAddress?.ToString(), Context.IsSecure, extended, this, static s => s.HelloReply()));
    }

    /// <summary>The HELO or EHLO reply (RFC 5321 §4.1.1.1); EHLO lists the extensions offered.</summary>
    private SmtpReply HelloReply()
    {
        var hello = $"{_options.HostName} Hello [{Context.RemoteAddress?.ToString() ?? "unknown"}]";
        if (!Context.IsExtended)
        {
            return new SmtpReply(250, null, hello);
        }

        var lines = new List<string> { hello };
        if (_options.MaxMessageSize > 0)
        {
            lines.Add($"SIZE {_options.MaxMessageSize}");
        }
        else
        {
            lines.Add("SIZE");
        }

        AddIfOffered(lines, SmtpExtensions.Pipelining, "PIPELINING");
        AddIfOffered(lines, SmtpExtensions.EightBitMime, "8BITMIME");
        lines.Add("ENHANCEDSTATUSCODES");
        if (_options.TlsAvailable && !Context.IsSecure)
        {
            lines.Add("STARTTLS");
        }

        if (AuthOffered)
        {
            lines.Add("AUTH " + string.Join(' ', _options.AuthMechanisms));
        }

        AddIfOffered(lines, SmtpExtensions.SmtpUtf8, "SMTPUTF8");
        AddIfOffered(lines, SmtpExtensions.Chunking, "CHUNKING");
        lines.Add("VRFY");
        lines.Add("HELP");
        return new SmtpReply(250, null, lines);
    }

    private bool Offers(SmtpExtensions extension) => (_options.Extensions & extension) != 0;

    private void AddIfOffered(List<string> lines, SmtpExtensions extension, string keyword)
    {
        if (Offers(extension))
        {
            lines.Add(keyword);
        }
    }

    // RFC 4954 §4 / RFC 3207 §4: mechanisms that may only be used over TLS are not advertised before it.
    private bool AuthOffered =>
        _options.AuthMechanisms.Count > 0 && (!(_options.RequireTlsForAuth || _options.RequireTls) || Context.IsSecure);

    private void Mail(string argument)
    {
        if (_options.RequireTls && !Context.IsSecure)
        {
            Reply(SmtpReplies.MustStartTls);
            return;
        }

        if (!_options.AllowAnonymous && Context.AuthenticatedUser is null)
        {
            // RFC 4954 §6: 530 5.7.0 when policy requires authentication.
            Reply(SmtpReplies.AuthRequired);
            return;
        }

        if (!SmtpPathParser.TryParse(argument, "FROM", allowNullPath: true, out var sender, out var parameters, out var error, out var badParameter))
        {
            Reply(badParameter ? SmtpReplies.BadParameterSyntax(error) : SmtpReplies.BadSender(error));
            return;
        }

        var body = "7BIT";
        var utf8 = false;
        foreach (var (name, value) in parameters)
        {
            if (!Context.IsExtended)
            {
                Reply(SmtpReplies.ParametersNeedEhlo);
                return;
            }

            switch (name)
            {
                case "SIZE":
                    if (!long.TryParse(value, System.Globalization.NumberStyles.None, null, out var size))
                    {
                        Reply(SmtpReplies.BadParameterValue("SIZE"));
                        return;
                    }

                    // RFC 1870 §6.1: refuse at once what could never be accepted.
                    if (_options.MaxMessageSize > 0 && size > _options.MaxMessageSize)
                    {
                        Reply(SmtpReplies.MessageTooBig);
                        return;
                    }

                    if (_options.MaxSessionSize > 0 && Context.SessionBytes + size > _options.MaxSessionSize)
                    {
                        Reply(SmtpReplies.SessionTooBig);
                        return;
                    }

                    break;
                case "BODY":
                    body = value?.ToUpperInvariant() ?? string.Empty;
                    if (body == "8BITMIME" && !Offers(SmtpExtensions.EightBitMime))
                    {
                        Reply(SmtpReplies.UnsupportedParameter("BODY=8BITMIME"));
                        return;
                    }

                    if (body is not ("7BIT" or "8BITMIME"))
                    {
                        Reply(body == "BINARYMIME" ? SmtpReplies.UnsupportedParameter("BODY=BINARYMIME") : SmtpReplies.BadParameterValue("BODY"));
                        return;
                    }

                    break;
                case "SMTPUTF8":
                    if (!Offers(SmtpExtensions.SmtpUtf8))
                    {
                        Reply(SmtpReplies.UnsupportedParameter("SMTPUTF8"));
                        return;
                    }

                    if (value is not null)
                    {
                        Reply(SmtpReplies.BadParameterValue("SMTPUTF8"));
                        return;
                    }

                    utf8 = true;
                    break;
                case "AUTH":
                    // RFC 4954 §5: the AUTH= identity is informational for a relay; accepted and not trusted.
                    break;
                default:
                    Reply(SmtpReplies.UnsupportedParameter(name));
                    return;
            }
        }

        if (sender.IsInternational && !utf8)
        {
            Reply(SmtpReplies.NonAsciiAddress);
            return;
        }

        var refusal = _handler.CheckSender(Context, sender);
        if (refusal is not null)
        {
            Reply(refusal);
            return;
        }

        _sender = sender;
        _body = body;
        _smtpUtf8 = utf8;
        Reply(SmtpReplies.SenderOk);
    }

    private void Rcpt(string argument)
    {
        if (!SmtpPathParser.TryParse(argument, "TO", allowNullPath: false, out var recipient, out var parameters, out var error, out var badParameter))
        {
            Reply(badParameter ? SmtpReplies.BadParameterSyntax(error) : SmtpReplies.BadRecipient(error));
            return;
        }

        if (parameters.Count > 0)
        {
            // NOTIFY and ORCPT belong to DSN (RFC 3461), which is not advertised.
            Reply(SmtpReplies.UnsupportedParameter(parameters[0].Key));
            return;
        }

        if (recipient.IsInternational && !_smtpUtf8)
        {
            Reply(SmtpReplies.NonAsciiAddress);
            return;
        }

        if (_recipients.Count >= _options.MaxRecipients)
        {
            Reply(SmtpReplies.TooManyRecipients);
            return;
        }

        var decision = _handler.CheckRecipient(Context, recipient);
        if (decision.Later is { } later)
        {
            if (!later.IsCompleted)
            {
                // Nothing more is read until the transport has the answer (SmtpSessionAction.Wait).
                _lookup = later;
                PendingAction = SmtpSessionAction.Wait;
                return;
            }

            decision = Outcome(later);
        }

        Decide(decision);
    }

    /// <summary>The decision <see cref="PendingLookup"/> waited for is in: RCPT is answered and input is read again.</summary>
    public void LookupCompleted()
    {
        var later = _lookup ?? throw new InvalidOperationException("No recipient lookup is pending.");
        _lookup = null;
        PendingAction = SmtpSessionAction.None;
        Decide(Outcome(later));
    }

    private static SmtpRecipientDecision Outcome(Task<SmtpRecipientDecision> later) =>
        later.IsCompletedSuccessfully ? later.Result : SmtpRecipientDecision.Refuse(SmtpReplies.DirectoryFailure);

    private void Decide(SmtpRecipientDecision decision)
    {
        if (decision.Accepted is null)
        {
            Reply(decision.Refusal ?? SmtpReplies.RelayDenied);
            return;
        }

        _recipients.Add(decision.Accepted);
        Reply(SmtpReplies.RecipientOk);
    }

    /// <summary>DATA once <see cref="SmtpCommandTable"/> found it in sequence (RFC 5321 §4.1.1.4).</summary>
    private void Data()
    {
        _content.Clear();
        _data.Reset();
        _mode = Mode.Data;
        Reply(SmtpReplies.StartData);
    }

    /// <summary>STARTTLS once <see cref="SmtpCommandTable"/> found it in sequence (RFC 3207 §4).</summary>
    private void StartTls()
    {
        if (!_options.TlsAvailable)
        {
            Reply(SmtpReplies.TlsNotAvailable);
        }
        else
        {
            Reply(SmtpReplies.ReadyToStartTls);
            PendingAction = SmtpSessionAction.StartTls;
        }
    }

    private void ResetTransaction()
    {
        _sender = null;
        _recipients.Clear();
        _body = "7BIT";
        _smtpUtf8 = false;
        _usedBdat = false;
        _bdatFailure = null;
        _content.Clear();
    }

    /// <summary>Hands a complete message to the handler after the size checks; clears the transaction.</summary>
    private void FinishMessage(long length, long longestLine)
    {
        SmtpReply reply;
        if (_options.MaxMessageSize > 0 && length > _options.MaxMessageSize)
        {
            reply = SmtpReplies.MessageTooBig;
        }
        else if (_options.MaxSessionSize > 0 && Context.SessionBytes + length > _options.MaxSessionSize)
        {
            reply = SmtpReplies.SessionTooBig;
        }
        else if (_options.EnforceTextLineLimit && longestLine > SmtpLimits.TextLine - 2)
        {
            reply = SmtpReplies.TextLineTooLong;
        }
        else
        {
            var message = new SmtpMessage
            {
                Sender = _sender!,
                Recipients = _recipients.ToArray(),
                Content = _content.WrittenMemory,
                Body = _body,
                SmtpUtf8 = _smtpUtf8,
                Protocol = ProtocolName(),
            };
            reply = _handler.Deliver(Context, message);
            if (reply.IsPositive)
            {
                Context.MessagesAccepted++;
                Context.SessionBytes += length;
            }
        }

        // RFC 5321 §4.1.1.4: the transaction ends with the reply to the content, whatever it was.
        ResetTransaction();
        _mode = Mode.Command;
        Reply(reply);
    }

    // RFC 3848 / RFC 6531 §3.7.3 "with" protocol names for the Received header.
    private string ProtocolName()
    {
        var name = _smtpUtf8 ? "UTF8SMTP" : Context.IsExtended ? "ESMTP" : "SMTP";
        if (!Context.IsExtended)
        {
            return name;
        }

        var suffix = (Context.IsSecure ? "S" : string.Empty) + (Context.AuthenticatedUser is not null ? "A" : string.Empty);
        return name + suffix;
    }
}
