using System.Text;
using MailLab.Protocol.Common;
using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>LOGIN (RFC 9051 §6.2.3) and AUTHENTICATE (§6.2.2) with PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195), SASL-IR (RFC 4959).</summary>
public sealed partial class ImapServerSession
{
    private static readonly string[] Mechanisms = ["PLAIN", "LOGIN", "CRAM-MD5"];

    private IImapAccount? _account;
    private string? _saslTag;
    private string? _saslMechanism;
    private string? _saslUser;
    private string? _saslChallenge;

    private IEnumerable<string> OfferedSaslMechanisms() =>
        Mechanisms.Where(m => _options.SaslMechanisms.Contains(m, StringComparer.OrdinalIgnoreCase))
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
        if (!Mechanisms.Contains(mechanism) || !_options.SaslMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase))
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
        _saslMechanism = mechanism;
        switch (mechanism)
        {
            case "CRAM-MD5" when initial is not null:
                EndSasl($"{tag} BAD CRAM-MD5 does not take an initial response");
                break;
            case "CRAM-MD5":
                _saslChallenge = Pop3.Pop3Challenge.Create(_options.HostName, _options.TimeProvider, _options.NonceGenerator);
                Challenge(_saslChallenge);
                break;
            case "LOGIN" when initial is null:
                Challenge("Username:");
                break;
            case "PLAIN" when initial is null:
                Challenge(string.Empty);
                break;
            default:
                // RFC 4959 §3: "=" is an empty initial response.
                ContinueSasl(initial == "=" ? string.Empty : initial!);
                break;
        }
    }

    /// <summary>RFC 9051 §7.5: a continuation request "+ " base64.</summary>
    private void Challenge(string text)
    {
        _mode = InputMode.SaslResponse;
        var line = "+ " + Base64(text);
        _output.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
        _observer?.OnServerLine(line);
    }

    private void ContinueSasl(string line)
    {
        var tag = _saslTag!;
        if (line == "*")
        {
            // RFC 9051 §6.2.2: "*" cancels, answered with BAD.
            EndSasl($"{tag} BAD authentication cancelled");
            return;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(line);
        }
        catch (FormatException)
        {
            EndSasl($"{tag} BAD invalid base64 in the SASL response");
            return;
        }

        var text = Encoding.UTF8.GetString(decoded);
        switch (_saslMechanism)
        {
            case "PLAIN":
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd.
                var parts = text.Split('\0');
                if (parts.Length != 3 || parts[1].Length == 0 || (parts[0].Length > 0 && !parts[0].Equals(parts[1], StringComparison.OrdinalIgnoreCase)))
                {
                    EndSasl(parts.Length == 3 && parts[1].Length > 0
                        ? $"{tag} NO [AUTHORIZATIONFAILED] authorization identity must be the user"
                        : $"{tag} BAD invalid PLAIN response");
                    return;
                }

                FinishSasl(tag, parts[1], parts[2], "PLAIN");
                return;
            case "LOGIN" when _saslUser is null:
                _saslUser = text;
                Challenge("Password:");
                return;
            case "LOGIN":
                FinishSasl(tag, _saslUser, text, "LOGIN");
                return;
            case "CRAM-MD5":
                var space = text.LastIndexOf(' ');
                if (space <= 0)
                {
                    EndSasl($"{tag} BAD invalid CRAM-MD5 response");
                    return;
                }

                var user = text[..space];
                var digest = text[(space + 1)..];
                if (!_backend.TryGetPassword(user, out var password) || !CramMd5.Matches(password, _saslChallenge!, digest))
                {
                    EndSasl($"{tag} NO [AUTHENTICATIONFAILED] invalid credentials");
                    return;
                }

                FinishSasl(tag, user, password, "CRAM-MD5");
                return;
        }
    }

    private void FinishSasl(string tag, string user, string password, string mechanism)
    {
        ResetSasl();
        LogOn(tag, user, password, mechanism);
    }

    private void EndSasl(string reply)
    {
        ResetSasl();
        WriteLine(reply);
    }

    private void ResetSasl()
    {
        if (_mode == InputMode.SaslResponse)
        {
            _mode = InputMode.Command;
        }

        _saslMechanism = null;
        _saslUser = null;
        _saslChallenge = null;
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
