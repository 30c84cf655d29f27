using System.Text;

namespace MailLab.Protocol.Pop3;

/// <summary>AUTH (RFC 5034) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195).</summary>
public sealed partial class Pop3ServerSession
{
    private string? _saslMechanism;
    private string? _saslUser;
    private string? _saslChallenge;

    /// <summary>The configured mechanisms this server implements that may be used now (PLAIN and LOGIN need TLS under SPA).</summary>
    private List<string> OfferedSaslMechanisms() =>
        Pop3LogonMechanisms.Sasl
            .Where(m => _options.SaslMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase))
            .Where(m => CleartextAllowed || !Pop3LogonMechanisms.IsCleartext(m))
            .ToList();

    private void Auth(string argument)
    {
        // RFC 5034 §4: the mechanism is required (the mechanisms are listed by CAPA's SASL line).
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            Reply(Pop3Responses.Syntax("AUTH mechanism [initial-response]"));
            return;
        }

        var mechanism = parts[0].ToUpperInvariant();
        if (!Pop3LogonMechanisms.Sasl.Contains(mechanism) || !_options.SaslMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase))
        {
            Reply(Pop3Responses.UnknownMechanism);
            return;
        }

        if (!CleartextAllowed && Pop3LogonMechanisms.IsCleartext(mechanism))
        {
            Reply(Pop3Responses.CleartextRefused);
            return;
        }

        _saslMechanism = mechanism;
        var initial = parts.Length == 2 ? parts[1] : null;
        switch (mechanism)
        {
            case Pop3LogonMechanisms.CramMd5 when initial is not null:
                // RFC 2195 is server-first: an initial response is a protocol error (RFC 5034 §4).
                EndSasl(Pop3Responses.AuthNoInitialResponse);
                break;
            case Pop3LogonMechanisms.CramMd5:
                _saslChallenge = Pop3Challenge.Create(_options);
                Challenge(_saslChallenge);
                break;
            case Pop3LogonMechanisms.Login when initial is null:
                Challenge("Username:");
                break;
            case Pop3LogonMechanisms.Plain when initial is null:
                // RFC 5034 §4: no initial response, so an empty challenge "+ " asks for it.
                Challenge(string.Empty);
                break;
            default:
                // RFC 5034 §4: "=" is an initial response of zero length.
                ContinueSasl(initial == "=" ? string.Empty : initial!);
                break;
        }
    }

    /// <summary>RFC 5034 §4: a challenge is "+" SP base64.</summary>
    private void Challenge(string text)
    {
        _mode = Mode.SaslResponse;
        var line = "+ " + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        _output.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
        _observer?.OnServerResponse(line, null);
    }

    private void ContinueSasl(string line)
    {
        if (line == "*")
        {
            // RFC 5034 §4: the client cancels with "*" and the server MUST answer -ERR.
            EndSasl(Pop3Responses.AuthCancelled);
            return;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(line);
        }
        catch (FormatException)
        {
            EndSasl(Pop3Responses.AuthBadBase64);
            return;
        }

        var text = Encoding.UTF8.GetString(decoded);
        switch (_saslMechanism)
        {
            case Pop3LogonMechanisms.Plain:
            {
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd
                var fields = text.Split('\0');
                if (fields.Length != 3 || fields[1].Length == 0)
                {
                    EndSasl(Pop3Responses.AuthBadPlain);
                }
                else if (fields[0].Length > 0 && fields[0] != fields[1])
                {
                    EndSasl(Pop3Responses.AuthorizationIdentityRefused);
                }
                else
                {
                    EndSasl(new Pop3Credentials(Pop3LogonMechanisms.Plain, fields[1], fields[2]));
                }

                break;
            }

            case Pop3LogonMechanisms.Login when _saslUser is null:
                _saslUser = text;
                Challenge("Password:");
                break;
            case Pop3LogonMechanisms.Login:
                EndSasl(new Pop3Credentials(Pop3LogonMechanisms.Login, _saslUser, text));
                break;
            case Pop3LogonMechanisms.CramMd5:
            {
                // RFC 2195 §2: "user SP hex-digest"; the user name may itself contain spaces.
                var space = text.LastIndexOf(' ');
                if (space <= 0)
                {
                    EndSasl(Pop3Responses.AuthBadCramMd5);
                }
                else
                {
                    EndSasl(new Pop3Credentials(Pop3LogonMechanisms.CramMd5, text[..space], null, _saslChallenge, text[(space + 1)..]));
                }

                break;
            }

            default:
                EndSasl(Pop3Responses.UnknownMechanism);
                break;
        }
    }

    private void EndSasl(Pop3Response response)
    {
        ResetSasl();
        Reply(response);
    }

    private void EndSasl(Pop3Credentials credentials)
    {
        ResetSasl();
        Logon(credentials);
    }

    private void ResetSasl()
    {
        _mode = Mode.Command;
        _saslMechanism = null;
        _saslUser = null;
        _saslChallenge = null;
    }
}
