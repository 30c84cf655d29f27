namespace MailLab.Protocol.Common.Sasl;

/// <summary>What a <see cref="SaslExchange"/> asks of the protocol after each client line.</summary>
public abstract record SaslStep
{
    private SaslStep()
    {
    }

    /// <summary>Send this challenge (the protocol base64-encodes and frames it) and wait for the answer.</summary>
    public sealed record Challenge(string Text) : SaslStep;

    /// <summary>The exchange is over: verify these credentials.</summary>
    public sealed record Done(SaslCredentials Credentials) : SaslStep;

    /// <summary>The exchange is over without credentials, for this reason.</summary>
    public sealed record Failed(SaslFailure Reason) : SaslStep;
}
