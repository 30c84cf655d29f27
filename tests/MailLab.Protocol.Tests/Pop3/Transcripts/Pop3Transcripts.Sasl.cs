namespace MailLab.Protocol.Tests.Pop3.Transcripts;

/// <summary>AUTH (RFC 5034): PLAIN, LOGIN, CRAM-MD5, cancellation and malformed exchanges.</summary>
internal static partial class Pop3Transcripts
{
    public const string AuthPlain = """
        # AUTH PLAIN (RFC 4616): with an initial response, or after an empty challenge "+ " (RFC 5034 §4).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: AUTH PLAIN AGFsaWNlAHdyb25n
        S: -ERR [AUTH] invalid user name or password
        C: AUTH PLAIN YWRtaW4AYWxpY2UAc2VjcmV0
        S: -ERR [AUTH] not authorized to log on as another user
        C: AUTH PLAIN =
        S: -ERR cannot decode PLAIN response: expected authzid NUL authcid NUL password
        C: AUTH PLAIN
        S: +{SP}
        C: AGFsaWNlAHNlY3JldA==
        S: +OK maildrop has 2 messages (211 octets)
        M: alice commit=none held
        """;

    public const string AuthLogin = """
        # AUTH LOGIN: the server asks "Username:" then "Password:", base64-encoded.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: d3Jvbmc=
        S: -ERR [AUTH] invalid user name or password
        C: auth login YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: c2VjcmV0
        S: +OK maildrop has 2 messages (211 octets)
        M: alice commit=none held
        """;

    public const string AuthCramMd5 = """
        # AUTH CRAM-MD5 (RFC 2195): the response is base64("user " + hex HMAC-MD5(secret, challenge)).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: AUTH CRAM-MD5
        S: + PDE4OTcuMTcwNDE2NDY0NUBwb3AubWFpbGxhYi50ZXN0Pg==
        C: {cram-md5 alice wrong}
        S: -ERR [AUTH] invalid user name or password
        C: AUTH CRAM-MD5 YWxpY2U=
        S: -ERR CRAM-MD5 takes no initial response
        C: AUTH CRAM-MD5
        S: + PDE4OTguMTcwNDE2NDY0NUBwb3AubWFpbGxhYi50ZXN0Pg==
        C: {cram-md5 alice secret}
        S: +OK maildrop has 2 messages (211 octets)
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (2 messages left)
        ACTION: Close
        M: alice commit=[] released
        """;

    public const string AuthCancelAndErrors = """
        # "*" cancels an exchange (RFC 5034 §4); bad base64, unknown mechanisms and a missing one fail.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: *
        S: -ERR authentication cancelled
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: *
        S: -ERR authentication cancelled
        C: AUTH PLAIN
        S: +{SP}
        C: not base64!
        S: -ERR cannot decode response: invalid base64
        C: AUTH CRAM-MD5
        S: + PDE4OTcuMTcwNDE2NDY0NUBwb3AubWFpbGxhYi50ZXN0Pg==
        C: bm9zcGFjZQ==
        S: -ERR cannot decode CRAM-MD5 response: expected "user digest"
        C: AUTH GSSAPI
        S: -ERR unrecognized authentication mechanism
        C: AUTH
        S: -ERR syntax error: expected "AUTH mechanism [initial-response]"
        C: AUTH PLAIN a b
        S: -ERR syntax error: expected "AUTH mechanism [initial-response]"
        C: STAT
        S: -ERR not logged in: STAT is only valid in the TRANSACTION state
        M: none
        """;

    public const string AuthNotOffered = """
        # With no SASL mechanisms configured, CAPA has no SASL line and AUTH knows no mechanism.
        O: SaslMechanisms=
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: CAPA
        S: +OK Capability list follows
        S: TOP
        S: USER
        S: RESP-CODES
        S: AUTH-RESP-CODE
        S: PIPELINING
        S: EXPIRE NEVER
        S: UIDL
        S: IMPLEMENTATION MailLab
        S: .
        C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
        S: -ERR unrecognized authentication mechanism
        """;
}
