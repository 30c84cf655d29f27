namespace MailLab.Protocol.Tests.Pop3.Transcripts;

/// <summary>AUTHORIZATION: USER/PASS, APOP (RFC 1939 §7), response codes (RFC 2449 §8, RFC 3206) and SPA.</summary>
internal static partial class Pop3Transcripts
{
    public const string Apop = """
        # APOP name digest: digest = MD5("<1896.1704164645@pop.maillab.test>" + "secret") (RFC 1939 §7).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: APOP alice 0123456789abcdef0123456789abcdef
        S: -ERR [AUTH] invalid user name or password
        C: APOP alice
        S: -ERR syntax error: expected "APOP name digest"
        C: APOP alice 43aea528b28e4069d87e1fa2ab96bcf
        S: -ERR syntax error: expected "APOP name digest"
        C: APOP alice 43AEA528B28E4069D87E1FA2AB96BCF4
        S: +OK maildrop has 2 messages (211 octets)
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (2 messages left)
        ACTION: Close
        M: alice commit=[] released
        """;

    public const string WrongPassword = """
        # A failed PASS leaves the session in AUTHORIZATION; the client starts again with USER (RFC 1939 §7).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: PASS secret
        S: -ERR send USER first
        C: USER alice
        S: +OK send PASS
        C: PASS wrong
        S: -ERR [AUTH] invalid user name or password
        C: PASS secret
        S: -ERR send USER first
        C: USER mallory
        S: +OK send PASS
        C: PASS secret
        S: -ERR [AUTH] invalid user name or password
        C: USER alice
        S: +OK send PASS
        C: CAPA
        S: +OK Capability list follows
        S: TOP
        S: USER
        S: SASL PLAIN LOGIN CRAM-MD5
        S: RESP-CODES
        S: AUTH-RESP-CODE
        S: PIPELINING
        S: EXPIRE NEVER
        S: UIDL
        S: IMPLEMENTATION MailLab
        S: .
        C: PASS secret
        S: -ERR send USER first
        C: USER
        S: -ERR syntax error: expected "USER name"
        C: user ALICE
        S: +OK send PASS
        C: pass secret
        S: +OK maildrop has 2 messages (211 octets)
        M: alice commit=none held
        """;

    public const string InUse = """
        # Another session holds alice's maildrop lock (RFC 1939 §4): -ERR [IN-USE] (RFC 2449 §8.1.2).
        H: in-use alice
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: -ERR [IN-USE] maildrop is locked by another session
        C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
        S: -ERR [IN-USE] maildrop is locked by another session
        C: USER bob
        C: PASS hunter2
        S: +OK send PASS
        S: +OK maildrop has 0 messages (0 octets)
        M: bob commit=none held
        """;

    public const string LockedMailboxAndLoginDelay = """
        # An administrator's lock is [AUTH] (RFC 3206 §4); a too-early logon is [LOGIN-DELAY] (RFC 2449 §8.1.1).
        H: admin-lock alice
        H: login-delay bob
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: -ERR [AUTH] mailbox is locked by the administrator
        C: USER bob
        C: PASS hunter2
        S: +OK send PASS
        S: -ERR [LOGIN-DELAY] minimum time between logons has not elapsed
        C: USER bob
        C: PASS wrong
        S: +OK send PASS
        S: -ERR [AUTH] invalid user name or password
        M: none
        """;

    public const string SecurePasswordAuthentication = """
        # "Require Secure Password Authentication": no cleartext password without TLS; APOP and CRAM-MD5 work.
        O: AllowCleartextLogin=false
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: CAPA
        S: +OK Capability list follows
        S: TOP
        S: SASL CRAM-MD5
        S: RESP-CODES
        S: AUTH-RESP-CODE
        S: PIPELINING
        S: EXPIRE NEVER
        S: UIDL
        S: IMPLEMENTATION MailLab
        S: .
        C: USER alice
        S: -ERR [AUTH] cleartext logins are not permitted without TLS (Secure Password Authentication is required)
        C: PASS secret
        S: -ERR [AUTH] cleartext logins are not permitted without TLS (Secure Password Authentication is required)
        C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
        S: -ERR [AUTH] cleartext logins are not permitted without TLS (Secure Password Authentication is required)
        C: AUTH LOGIN
        S: -ERR [AUTH] cleartext logins are not permitted without TLS (Secure Password Authentication is required)
        C: AUTH CRAM-MD5
        S: + PDE4OTcuMTcwNDE2NDY0NUBwb3AubWFpbGxhYi50ZXN0Pg==
        C: *
        S: -ERR authentication cancelled
        C: APOP alice 43aea528b28e4069d87e1fa2ab96bcf4
        S: +OK maildrop has 2 messages (211 octets)
        M: alice commit=none held
        """;

    public const string SecurePasswordAuthenticationOverTls = """
        # Under SPA, TLS makes cleartext logins acceptable again (RFC 2595 §4: STLS only in AUTHORIZATION).
        O: AllowCleartextLogin=false
        O: TlsAvailable=true
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: CAPA
        S: +OK Capability list follows
        S: TOP
        S: SASL CRAM-MD5
        S: RESP-CODES
        S: AUTH-RESP-CODE
        S: PIPELINING
        S: EXPIRE NEVER
        S: UIDL
        S: STLS
        S: IMPLEMENTATION MailLab
        S: .
        C: STLS
        S: +OK Begin TLS negotiation
        ACTION: StartTls
        EVENT: TlsEstablished
        C: CAPA
        S: +OK Capability list follows
        S: TOP
        S: USER
        S: SASL PLAIN LOGIN CRAM-MD5
        S: RESP-CODES
        S: AUTH-RESP-CODE
        S: PIPELINING
        S: EXPIRE NEVER
        S: UIDL
        S: IMPLEMENTATION MailLab
        S: .
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        """;

    public const string WrongState = """
        # Each command belongs to a state (RFC 1939 §3); in the other state it gets -ERR saying which.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: STAT
        S: -ERR not logged in: STAT is only valid in the TRANSACTION state
        C: LIST
        S: -ERR not logged in: LIST is only valid in the TRANSACTION state
        C: RETR 1
        S: -ERR not logged in: RETR is only valid in the TRANSACTION state
        C: DELE 1
        S: -ERR not logged in: DELE is only valid in the TRANSACTION state
        C: NOOP
        S: -ERR not logged in: NOOP is only valid in the TRANSACTION state
        C: RSET
        S: -ERR not logged in: RSET is only valid in the TRANSACTION state
        C: TOP 1 0
        S: -ERR not logged in: TOP is only valid in the TRANSACTION state
        C: UIDL
        S: -ERR not logged in: UIDL is only valid in the TRANSACTION state
        C: XTND XMIT
        S: -ERR unknown command
        C:
        S: -ERR empty command
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: USER bob
        S: -ERR already logged in: USER is only valid in the AUTHORIZATION state
        C: PASS hunter2
        S: -ERR already logged in: PASS is only valid in the AUTHORIZATION state
        C: APOP bob 0123456789abcdef0123456789abcdef
        S: -ERR already logged in: APOP is only valid in the AUTHORIZATION state
        C: AUTH PLAIN
        S: -ERR already logged in: AUTH is only valid in the AUTHORIZATION state
        C: STLS
        S: -ERR already logged in: STLS is only valid in the AUTHORIZATION state
        C: HELO client.example
        S: -ERR unknown command
        C: NOOP
        S: +OK
        M: alice commit=none held
        """;
}
