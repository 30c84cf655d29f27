using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Common.Sasl;

namespace MailLab.Protocol.Pop3;

/// <summary>AUTH (RFC 5034) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195), run by the shared <see cref="SaslExchange"/>.</summary>
public sealed partial class Pop3ServerSession
{
    private SaslExchange? _sasl;

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

        var step = SaslExchange.Start(
            mechanism,
            parts.Length == 2 ? parts[1] : null,
            () => MsgIdChallenge.Create(_options.HostName, _options.TimeProvider, _options.NonceGenerator),
            out _sasl);
        Take(step);
    }

    private void ContinueSasl(string line) => Take(_sasl!.Continue(line));

    private void Take(SaslStep step)
    {
        switch (step)
        {
            case SaslStep.Challenge challenge:
                // RFC 5034 §4: a challenge is "+" SP base64 (an empty one for PLAIN without an initial response).
                _mode = Mode.SaslResponse;
                var line = "+ " + Convert.ToBase64String(Encoding.UTF8.GetBytes(challenge.Text));
                _output.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
                _observer?.OnServerResponse(line, null);
                break;
            case SaslStep.Done done:
                ResetSasl();
                var c = done.Credentials;
                Logon(new Pop3Credentials(c.Mechanism, c.UserName, c.Password, c.Challenge, c.Digest));
                break;
            case SaslStep.Failed failed:
                ResetSasl();

                // RFC 5034 §4: a cancelled exchange MUST be answered -ERR, as every failure here is.
                Reply(failed.Reason switch
                {
                    SaslFailure.Cancelled => Pop3Responses.AuthCancelled,
                    SaslFailure.BadBase64 => Pop3Responses.AuthBadBase64,
                    SaslFailure.BadPlain => Pop3Responses.AuthBadPlain,
                    SaslFailure.AuthorizationIdentityRefused => Pop3Responses.AuthorizationIdentityRefused,
                    SaslFailure.BadCramMd5 => Pop3Responses.AuthBadCramMd5,
                    _ => Pop3Responses.AuthNoInitialResponse,
                });
                break;
        }
    }

    private void ResetSasl()
    {
        _mode = Mode.Command;
        _sasl = null;
    }
}
