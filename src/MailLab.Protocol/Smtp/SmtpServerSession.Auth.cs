using System.Security.Cryptography;
using System.Text;

namespace MailLab.Protocol.Smtp;

/// <summary>AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195).</summary>
public sealed partial class SmtpServerSession
{
    private string? _authMechanism;
    private string? _authUser;
    private string? _authChallenge;

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
        if (!_options.AuthMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase))
        {
            Reply(SmtpReplies.UnknownMechanism);
            return;
        }

        _authMechanism = mechanism;
        _authUser = null;
        var initial = parts.Length == 2 ? parts[1] : null;
        switch (mechanism)
        {
            case "PLAIN" when initial is null:
            case "LOGIN" when initial is null:
                Challenge(mechanism == "LOGIN" ? "Username:" : string.Empty);
                break;
            case "PLAIN" or "LOGIN":
                // RFC 4954 §4: "=" is an empty initial response.
                ContinueAuth(initial == "=" ? string.Empty : initial!, initial!.Length);
                break;
            case "CRAM-MD5":
                if (initial is not null)
                {
                    EndAuth(new SmtpReply(501, "5.5.4", "CRAM-MD5 takes no initial response"));
                    break;
                }

                var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
                _authChallenge = $"<{random}.{_options.TimeProvider.GetUtcNow().ToUnixTimeSeconds()}@{_options.HostName}>";
                Challenge(_authChallenge);
                break;
            default:
                EndAuth(SmtpReplies.UnknownMechanism);
                break;
        }
    }

    private void Challenge(string text)
    {
        _mode = Mode.AuthResponse;
        Reply(new SmtpReply(334, null, Convert.ToBase64String(Encoding.UTF8.GetBytes(text))));
    }

    private void ContinueAuth(string line, int octets)
    {
        if (octets > SmtpLimits.AuthLine)
        {
            EndAuth(SmtpReplies.LineTooLong);
            return;
        }

        if (line == "*")
        {
            EndAuth(SmtpReplies.AuthCancelled);
            return;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(line);
        }
        catch (FormatException)
        {
            EndAuth(SmtpReplies.AuthBadBase64);
            return;
        }

        var text = Encoding.UTF8.GetString(decoded);
        switch (_authMechanism)
        {
            case "PLAIN":
            {
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd
                var fields = text.Split('\0');
                if (fields.Length != 3 || fields[1].Length == 0)
                {
                    EndAuth(new SmtpReply(501, "5.5.2", "Cannot decode PLAIN response: expected authzid NUL authcid NUL password"));
                    return;
                }

                if (fields[0].Length > 0 && fields[0] != fields[1])
                {
                    EndAuth(SmtpReplies.AuthFailed);
                    return;
                }

                Verify(new SmtpCredentials("PLAIN", fields[1], fields[2]));
                return;
            }

            case "LOGIN" when _authUser is null:
                _authUser = text;
                Challenge("Password:");
                return;
            case "LOGIN":
                Verify(new SmtpCredentials("LOGIN", _authUser!, text));
                return;
            case "CRAM-MD5":
            {
                // RFC 2195 §2: "user SP hex-digest"
                var space = text.LastIndexOf(' ');
                if (space <= 0)
                {
                    EndAuth(new SmtpReply(501, "5.5.2", "Cannot decode CRAM-MD5 response: expected \"user digest\""));
                    return;
                }

                Verify(new SmtpCredentials("CRAM-MD5", text[..space], null, _authChallenge, text[(space + 1)..]));
                return;
            }

            default:
                EndAuth(SmtpReplies.UnknownMechanism);
                return;
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
        _authMechanism = null;
        _authUser = null;
        _authChallenge = null;
        Reply(reply);
    }

    private static string RedactAuth(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? $"{parts[0]} {parts[1]} ****" : line;
    }
}
