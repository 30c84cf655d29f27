using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Common.Sasl;
using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>LOGIN (RFC 9051 §6.2.3) and AUTHENTICATE (§6.2.2) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195), SASL-IR (RFC 4959), run by the shared <see cref="SaslExchange"/>.</summary>
public sealed partial class ImapServerSession
{
    private IImapAccount? _account;
    private string? _saslTag;
    private SaslExchange? _sasl;

    private IEnumerable<string> OfferedSaslMechanisms() =>
        SaslExchange.Mechanisms.Where(m => _options.SaslMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase))
            .Where(m => CleartextAllowed || m == "CRAM-MD5");

    internal void Login(string tag, ImapReader r)
    {
        r.Space();
        var user = r.ReadAstring("a user name");
        r.Space();
        var password = r.ReadAstring("a password");
        r.End();
        if (!CleartextAllowed)
        {
            // RFC 9051 §6.2.3: LOGINDISABLED; RFC 5530 PRIVACYREQUIRED.
            WriteLine($"{tag} NO [PRIVACYREQUIRED] LOGIN is disabled until STARTTLS");
            return;
        }

        LogOn(tag, user, password, "LOGIN");
    }

    internal void Authenticate(string tag, ImapReader r)
    {
        r.Space();
        var mechanism = r.ReadAtom("a SASL mechanism").ToUpperInvariant();
        string? initial = null;
        if (r.TryConsume(' '))
        {
            initial = r.ReadAtom("an initial response");
            if (!_options.IsEnabled("SASL-IR"))
            {
                throw new ImapSyntaxException("initial responses are not accepted (no SASL-IR)");
            }
        }

        r.End();
        if (!SaslExchange.Mechanisms.Contains(mechanism) || !_options.SaslMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase))
        {
            WriteLine($"{tag} NO unsupported authentication mechanism");
            return;
        }

        if (!CleartextAllowed && mechanism != "CRAM-MD5")
        {
            WriteLine($"{tag} NO [PRIVACYREQUIRED] {mechanism} is disabled until STARTTLS");
            return;
        }

        _saslTag = tag;
        var step = SaslExchange.Start(
            mechanism,
            initial,
            () => MsgIdChallenge.Create(_options.HostName, _options.TimeProvider, _options.NonceGenerator),
            out _sasl);
        Take(step);
    }

    private void ContinueSasl(string line) => Take(_sasl!.Continue(line));

    private void Take(SaslStep step)
    {
        var tag = _saslTag!;
        switch (step)
        {
            case SaslStep.Challenge challenge:
                // RFC 9051 §7.5: a continuation request "+ " base64.
                _mode = InputMode.SaslResponse;
                var line = "+ " + Base64(challenge.Text);
                _output.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
                _observer?.OnServerLine(line);
                break;
            case SaslStep.Done { Credentials: { Mechanism: SaslMechanisms.CramMd5 } c }:
                ResetSasl();

                // The session checks CRAM-MD5's digest itself, with the password the backend knows.
                if (!_backend.TryGetPassword(c.UserName, out var password) || !CramMd5.Matches(password, c.Challenge!, c.Digest!))
                {
                    WriteLine($"{tag} NO [AUTHENTICATIONFAILED] invalid credentials");
                    break;
                }

                LogOn(tag, c.UserName, password, c.Mechanism);
                break;
            case SaslStep.Done { Credentials: var c }:
                ResetSasl();
                LogOn(tag, c.UserName, c.Password!, c.Mechanism);
                break;
            case SaslStep.Failed failed:
                ResetSasl();

                // RFC 9051 §6.2.2: a cancelled exchange ("*") and a response that cannot be decoded are BAD.
                WriteLine(failed.Reason switch
                {
                    SaslFailure.Cancelled => $"{tag} BAD authentication cancelled",
                    SaslFailure.BadBase64 => $"{tag} BAD invalid base64 in the SASL response",
                    SaslFailure.BadPlain => $"{tag} BAD invalid PLAIN response",
                    SaslFailure.AuthorizationIdentityRefused => $"{tag} NO [AUTHORIZATIONFAILED] authorization identity must be the user",
                    SaslFailure.BadCramMd5 => $"{tag} BAD invalid CRAM-MD5 response",
                    _ => $"{tag} BAD CRAM-MD5 does not take an initial response",
                });
                break;
        }
    }

    private void ResetSasl()
    {
        if (_mode == InputMode.SaslResponse)
        {
            _mode = InputMode.Command;
        }

        _sasl = null;
    }

    private void LogOn(string tag, string user, string password, string mechanism)
    {
        var result = _backend.Authenticate(user, password);
        if (!result.Succeeded)
        {
            var text = result.Failure switch
            {
                ImapLogonFailure.AccountDisabled => "[AUTHORIZATIONFAILED] " + (result.Text ?? "account is disabled"),
                ImapLogonFailure.Unavailable => "[UNAVAILABLE] " + (result.Text ?? "mailbox is unavailable, try again later"),
                _ => "[AUTHENTICATIONFAILED] " + (result.Text ?? "invalid credentials"),
            };
            WriteLine($"{tag} NO {text}");
            return;
        }

        _account = result.Account!;
        State = ImapSessionState.Authenticated;
        Context.AuthenticatedUser = _account.User;
        Context.LogonMechanism = mechanism;
        _observer?.OnLogon(_account.User, mechanism);

        // RFC 9051 §6.2.3: the OK may carry the new capabilities.
        WriteLine($"{tag} OK [CAPABILITY {CapabilityList()}] {mechanism} completed");
    }
}
