using System.Text;

namespace MailLab.Protocol.Common.Sasl;

/// <summary>
/// One SASL exchange (RFC 4422) for PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195), without I/O and
/// without a protocol: SMTP's AUTH (RFC 4954), POP3's AUTH (RFC 5034) and IMAP's AUTHENTICATE (RFC 9051
/// §6.2.2) each frame the challenges and map the outcome to their own replies. The protocol checks
/// whether the mechanism may be used now (offered, TLS) before it starts an exchange.
/// </summary>
public sealed class SaslExchange
{
    private readonly string? _challenge;
    private string? _loginUser;

    private SaslExchange(string mechanism, string? challenge)
    {
        Mechanism = mechanism;
        _challenge = challenge;
    }

    /// <summary>The mechanisms an exchange can run, in the order servers list them.</summary>
    public static IReadOnlyList<string> Mechanisms { get; } = [SaslMechanisms.Plain, SaslMechanisms.Login, SaslMechanisms.CramMd5];

    /// <summary>The mechanism, upper case.</summary>
    public string Mechanism { get; }

    /// <summary>
    /// Starts an exchange for <paramref name="mechanism"/> (one of <see cref="Mechanisms"/>, any case).
    /// <paramref name="initialResponse"/> is the base64 initial response as the command carried it
    /// ("=" for an empty one: RFC 4954 §4, RFC 5034 §4, RFC 4959 §3), or null when there was none.
    /// <paramref name="createChallenge"/> makes CRAM-MD5's challenge (<see cref="MsgIdChallenge"/>).
    /// </summary>
    public static SaslStep Start(string mechanism, string? initialResponse, Func<string> createChallenge, out SaslExchange exchange)
    {
        var name = mechanism.ToUpperInvariant();
        if (!Mechanisms.Contains(name))
        {
            throw new ArgumentException($"{mechanism} is not a mechanism this exchange runs", nameof(mechanism));
        }

        if (name == SaslMechanisms.CramMd5)
        {
            exchange = new SaslExchange(name, initialResponse is null ? createChallenge() : null);

            // RFC 2195 is server-first: a client cannot answer a challenge it has not seen.
            return initialResponse is null ? new SaslStep.Challenge(exchange._challenge!) : new SaslStep.Failed(SaslFailure.InitialResponseNotAllowed);
        }

        exchange = new SaslExchange(name, null);
        return initialResponse switch
        {
            // PLAIN's challenge is empty: "send me the response" (RFC 4954 §4, RFC 5034 §4).
            null => new SaslStep.Challenge(name == SaslMechanisms.Login ? "Username:" : string.Empty),
            "=" => exchange.Answer(string.Empty),
            _ => exchange.Continue(initialResponse),
        };
    }

    /// <summary>The client's base64 answer to the last challenge; "*" cancels (RFC 4422 §3.5).</summary>
    public SaslStep Continue(string line)
    {
        if (line == "*")
        {
            return new SaslStep.Failed(SaslFailure.Cancelled);
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(line);
        }
        catch (FormatException)
        {
            return new SaslStep.Failed(SaslFailure.BadBase64);
        }

        return Answer(Encoding.UTF8.GetString(decoded));
    }

    private SaslStep Answer(string text)
    {
        switch (Mechanism)
        {
            case SaslMechanisms.Plain:
            {
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd. An authorization identity other than the
                // user is refused: no account here may act for another.
                var fields = text.Split('\0');
                if (fields.Length != 3 || fields[1].Length == 0)
                {
                    return new SaslStep.Failed(SaslFailure.BadPlain);
                }

                return fields[0].Length > 0 && !fields[0].Equals(fields[1], StringComparison.OrdinalIgnoreCase)
                    ? new SaslStep.Failed(SaslFailure.AuthorizationIdentityRefused)
                    : new SaslStep.Done(new SaslCredentials(Mechanism, fields[1], fields[2]));
            }

            case SaslMechanisms.Login when _loginUser is null:
                _loginUser = text;
                return new SaslStep.Challenge("Password:");
            case SaslMechanisms.Login:
                return new SaslStep.Done(new SaslCredentials(Mechanism, _loginUser, text));
            default:
            {
                // RFC 2195 §2: "user SP hex-digest"; the user name may itself contain spaces.
                var space = text.LastIndexOf(' ');
                return space <= 0
                    ? new SaslStep.Failed(SaslFailure.BadCramMd5)
                    : new SaslStep.Done(new SaslCredentials(Mechanism, text[..space], null, _challenge, text[(space + 1)..]));
            }
        }
    }
}
