namespace MailLab.Protocol.Tests.Pop3.Transcripts;

/// <summary>How sessions start and end: CAPA, PIPELINING, STLS, QUIT, time-out and a dropped connection.</summary>
internal static partial class Pop3Transcripts
{
    public const string Capa = """
        # CAPA (RFC 2449 §5) lists the same capabilities before and after logon.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
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
        C: CAPA now
        S: -ERR syntax error: CAPA takes no arguments
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: capa
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
        """;

    public const string Pipelining = """
        # PIPELINING (RFC 2449 §6.6): a whole conversation in one write; input after QUIT is left unread.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        C: STAT
        C: LIST
        C: RETR 2
        C: DELE 2
        C: UIDL
        C: QUIT
        C: NOOP
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        S: +OK 2 211
        S: +OK 2 messages (211 octets)
        S: 1 119
        S: 2 92
        S: .
        S: +OK 92 octets
        S: From: carol@maillab.test
        S: To: alice@maillab.test
        S: Subject: Lunch
        S:
        S: Line 1
        S: Line 2
        S: Line 3
        S: .
        S: +OK message 2 deleted
        S: +OK
        S: 1 20240102.0001.alice
        S: .
        S: +OK pop.maillab.test POP3 server signing off (1 message left)
        U: 6
        ACTION: Close
        M: alice commit=[2] released
        """;

    public const string QuitInAuthorization = """
        # QUIT before logon: no UPDATE, nothing to release (RFC 1939 §4).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: QUIT
        S: +OK send PASS
        S: +OK pop.maillab.test POP3 server signing off
        ACTION: Close
        M: none
        """;

    public const string TimedOut = """
        # The autologout timer (RFC 1939 §3) closes without a response and without UPDATE: nothing is deleted.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        C: DELE 1
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        S: +OK message 1 deleted
        EVENT: TimedOut
        ACTION: Close
        M: alice commit=none released
        """;

    public const string ConnectionDropped = """
        # The client goes away without QUIT (RFC 1939 §6): nothing is deleted, the lock is freed.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        C: DELE 1
        C: DELE 2
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        S: +OK message 1 deleted
        S: +OK message 2 deleted
        M: alice commit=none held
        EVENT: Disposed
        M: alice commit=none released
        """;

    public const string StartTls = """
        # STLS (RFC 2595 §4): input after it waits for TLS; after TLS the session is still in AUTHORIZATION.
        O: TlsAvailable=true
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: STLS now
        S: -ERR syntax error: STLS takes no arguments
        C: STLS
        C: USER alice
        S: +OK Begin TLS negotiation
        U: 12
        ACTION: StartTls
        EVENT: TlsEstablished
        C: STLS
        S: -ERR Command not permitted when TLS active
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

    public const string StartTlsForgetsUser = """
        # PASS must immediately follow USER (RFC 1939 §7), so a USER given before STLS does not carry over TLS.
        O: TlsAvailable=true
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        S: +OK send PASS
        C: STLS
        S: +OK Begin TLS negotiation
        ACTION: StartTls
        EVENT: TlsEstablished
        C: PASS secret
        S: -ERR send USER first
        """;

    public const string StartTlsUnavailable = """
        # Without a certificate STLS is neither listed nor accepted.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: STLS
        S: -ERR TLS not available
        """;
}
