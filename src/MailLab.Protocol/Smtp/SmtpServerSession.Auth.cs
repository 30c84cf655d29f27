using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Common.Sasl;

namespace MailLab.Protocol.Smtp;

/// <summary>AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195), run by the shared <see cref="SaslExchange"/>.</summary>
public sealed partial class SmtpServerSession
{
    private SaslExchange? _sasl;

    private void Auth(string argument)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_options.AuthMechanisms.Count == 0)
        {
            Reply(SmtpReplies.AuthNotAvailable);
            return;
        }

        if (_options.RequireTls && !Context.IsSecure)
        {
            // RFC 3207 §4: a server that requires TLS answers 530 to commands other than NOOP,
            // EHLO, STARTTLS and QUIT; above all it must not take credentials in the clear.
            Reply(SmtpReplies.MustStartTls);
            return;
        }

        if (_options.RequireTlsForAuth && !Context.IsSecure)
        {
            Reply(SmtpReplies.EncryptionRequiredForAuth);
            return;
        }

        if (parts.Length is < 1 or > 2)
        {
            Reply(new SmtpReply(501, "5.5.4", "Syntax error: expected \"AUTH <mechanism> [initial-response]\""));
            return;
        }

        var mechanism = parts[0].ToUpperInvariant();
        if (!_options.AuthMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase) || !SaslExchange.Mechanisms.Contains(mechanism))
        {
            Reply(SmtpReplies.UnknownMechanism);
            return;
        }

        var initial = parts.Length == 2 ? parts[1] : null;
        if (initial is not null && initial.Length > SmtpLimits.AuthLine)
        {
            Reply(SmtpReplies.LineTooLong);
            return;
        }

        var step = SaslExchange.Start(
            mechanism,
            initial,
            // The nonce in upper-case hex, as IIS's challenges have always shown it here.
            () => MsgIdChallenge.Create(_options.HostName, _options.TimeProvider, () => MsgIdChallenge.RandomNonce().ToUpperInvariant()),
            out _sasl);
        Take(step);
    }

    private void ContinueAuth(string line, int octets)
    {
        if (octets > SmtpLimits.AuthLine)
        {
            EndAuth(SmtpReplies.LineTooLong);
            return;
        }

        Take(_sasl!.Continue(line));
    }

    private void Take(SaslStep step)
    {
        switch (step)
        {
            case SaslStep.Challenge challenge:
                // RFC 4954 §4: "334" SP base64 (an empty one for PLAIN without an initial response).
                _mode = Mode.AuthResponse;
                Reply(new SmtpReply(334, null, Convert.ToBase64String(Encoding.UTF8.GetBytes(challenge.Text))));
                break;
            case SaslStep.Done done:
                var c = done.Credentials;
                Verify(new SmtpCredentials(c.Mechanism, c.UserName, c.Password, c.Challenge, c.Digest));
                break;
            case SaslStep.Failed failed:
                EndAuth(failed.Reason switch
                {
                    SaslFailure.Cancelled => SmtpReplies.AuthCancelled,
                    SaslFailure.BadBase64 => SmtpReplies.AuthBadBase64,
                    SaslFailure.BadPlain => new SmtpReply(501, "5.5.2", "Cannot decode PLAIN response: expected authzid NUL authcid NUL password"),

                    // RFC 4954 §6: 535 for credentials this server does not accept, as for a wrong password.
                    SaslFailure.AuthorizationIdentityRefused => SmtpReplies.AuthFailed,
                    SaslFailure.BadCramMd5 => new SmtpReply(501, "5.5.2", "Cannot decode CRAM-MD5 response: expected \"user digest\""),
                    _ => new SmtpReply(501, "5.5.4", "CRAM-MD5 takes no initial response"),
                });
                break;
        }
    }

    private void Verify(SmtpCredentials credentials)
    {
        var user = _handler.Authenticate(credentials);
        if (user is null)
        {
            EndAuth(SmtpReplies.AuthFailed);
            return;
        }

        Context.AuthenticatedUser = user;
        EndAuth(SmtpReplies.AuthSucceeded);
    }

    private void EndAuth(SmtpReply reply)
    {
        _mode = Mode.Command;
        _sasl = null;
        Reply(reply);
    }

    private static string RedactAuth(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? $"{parts[0]} {parts[1]} ****" : line;
    }
}
