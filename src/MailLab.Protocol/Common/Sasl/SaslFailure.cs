namespace MailLab.Protocol.Common.Sasl;

/// <summary>Why a SASL exchange ended without credentials; each protocol has its reply for each.</summary>
public enum SaslFailure
{
    /// <summary>The client answered "*" (RFC 4422 §3.5).</summary>
    Cancelled,

    /// <summary>The answer was not base64.</summary>
    BadBase64,

    /// <summary>A PLAIN response without two NULs or with an empty user (RFC 4616 §2).</summary>
    BadPlain,

    /// <summary>PLAIN named an authorization identity other than the user.</summary>
    AuthorizationIdentityRefused,

    /// <summary>A CRAM-MD5 response that is not "user SP digest" (RFC 2195 §2).</summary>
    BadCramMd5,

    /// <summary>An initial response to CRAM-MD5, which is server-first.</summary>
    InitialResponseNotAllowed,
}
