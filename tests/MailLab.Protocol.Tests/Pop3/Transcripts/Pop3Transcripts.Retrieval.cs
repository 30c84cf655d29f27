namespace MailLab.Protocol.Tests.Pop3.Transcripts;

/// <summary>TRANSACTION: STAT, LIST, RETR, DELE, RSET, TOP, UIDL (RFC 1939 §5, §7) and the UPDATE after QUIT.</summary>
internal static partial class Pop3Transcripts
{
    public const string FullSession = """
        # RFC 1939 §10's example session, with byte-stuffing (§3) of the lines that start with ".".
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        S: +OK send PASS
        C: PASS secret
        S: +OK maildrop has 2 messages (211 octets)
        C: STAT
        S: +OK 2 211
        C: LIST
        S: +OK 2 messages (211 octets)
        S: 1 119
        S: 2 92
        S: .
        C: LIST 2
        S: +OK 2 92
        C: RETR 1
        S: +OK 119 octets
        S: From: bob@maillab.test
        S: To: alice@maillab.test
        S: Subject: Dots
        S:
        S: Hello Alice,
        S: ..signature follows
        S: ...two dots
        S: ..
        S: Bye
        S: .
        C: DELE 1
        S: +OK message 1 deleted
        C: RETR 1
        S: -ERR message 1 already deleted
        C: LIST
        S: +OK 1 message (92 octets)
        S: 2 92
        S: .
        C: STAT
        S: +OK 1 92
        M: alice commit=none held
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (1 message left)
        ACTION: Close
        M: alice commit=[1] released
        """;

    public const string RsetUndeletes = """
        # RSET removes every deletion mark (RFC 1939 §5); UPDATE then deletes nothing.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: DELE 1
        S: +OK message 1 deleted
        C: DELE 2
        S: +OK message 2 deleted
        C: STAT
        S: +OK 0 0
        C: LIST
        S: +OK 0 messages (0 octets)
        S: .
        C: RSET
        S: +OK maildrop has 2 messages (211 octets)
        C: STAT
        S: +OK 2 211
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (2 messages left)
        ACTION: Close
        M: alice commit=[] released
        """;

    public const string DeleThenRetr = """
        # A message marked as deleted may not be named by any command (RFC 1939 §5).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: DELE 2
        S: +OK message 2 deleted
        C: RETR 2
        S: -ERR message 2 already deleted
        C: DELE 2
        S: -ERR message 2 already deleted
        C: LIST 2
        S: -ERR message 2 already deleted
        C: TOP 2 0
        S: -ERR message 2 already deleted
        C: UIDL 2
        S: -ERR message 2 already deleted
        C: NOOP
        S: +OK
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (1 message left)
        ACTION: Close
        M: alice commit=[2] released
        """;

    public const string Top = """
        # TOP msg n (RFC 1939 §7): the header, the empty line, then n body lines, byte-stuffed.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: TOP 2 0
        S: +OK
        S: From: carol@maillab.test
        S: To: alice@maillab.test
        S: Subject: Lunch
        S:
        S: .
        C: TOP 2 2
        S: +OK
        S: From: carol@maillab.test
        S: To: alice@maillab.test
        S: Subject: Lunch
        S:
        S: Line 1
        S: Line 2
        S: .
        C: TOP 2 10
        S: +OK
        S: From: carol@maillab.test
        S: To: alice@maillab.test
        S: Subject: Lunch
        S:
        S: Line 1
        S: Line 2
        S: Line 3
        S: .
        C: TOP 1 3
        S: +OK
        S: From: bob@maillab.test
        S: To: alice@maillab.test
        S: Subject: Dots
        S:
        S: Hello Alice,
        S: ..signature follows
        S: ...two dots
        S: .
        C: TOP 2
        S: -ERR syntax error: expected "TOP msg n"
        C: TOP 2 x
        S: -ERR invalid number of lines
        C: TOP 3 1
        S: -ERR no such message, only 2 messages in maildrop
        """;

    public const string Uidl = """
        # UIDL (RFC 1939 §7): unique-ids that survive sessions; deleted messages are not listed.
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: UIDL
        S: +OK
        S: 1 20240102.0001.alice
        S: 2 20240102.0002.alice
        S: .
        C: UIDL 2
        S: +OK 2 20240102.0002.alice
        C: DELE 1
        S: +OK message 1 deleted
        C: UIDL
        S: +OK
        S: 2 20240102.0002.alice
        S: .
        C: UIDL 3
        S: -ERR no such message, only 2 messages in maildrop
        C: UIDL x
        S: -ERR invalid message number
        """;

    public const string MessageNumberSyntax = """
        # Message numbers are decimal, from 1 to the size of the maildrop (RFC 1939 §3).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER alice
        C: PASS secret
        S: +OK send PASS
        S: +OK maildrop has 2 messages (211 octets)
        C: RETR
        S: -ERR syntax error: expected "RETR msg"
        C: RETR one
        S: -ERR invalid message number
        C: RETR -1
        S: -ERR invalid message number
        C: RETR 0
        S: -ERR no such message, only 2 messages in maildrop
        C: RETR 99999999999
        S: -ERR no such message, only 2 messages in maildrop
        C: LIST 1 2
        S: -ERR syntax error: expected "LIST [msg]"
        C: DELE
        S: -ERR syntax error: expected "DELE msg"
        C: STAT now
        S: -ERR syntax error: STAT takes no arguments
        C: NOOP x
        S: -ERR syntax error: NOOP takes no arguments
        C: RSET x
        S: -ERR syntax error: RSET takes no arguments
        C: list 1
        S: +OK 1 119
        """;

    public const string EmptyMaildrop = """
        # An empty maildrop: listings are empty and QUIT says so (RFC 1939 §6 example).
        S: +OK pop.maillab.test POP3 server ready <1896.1704164645@pop.maillab.test>
        C: USER bob
        C: PASS hunter2
        S: +OK send PASS
        S: +OK maildrop has 0 messages (0 octets)
        C: STAT
        S: +OK 0 0
        C: LIST
        S: +OK 0 messages (0 octets)
        S: .
        C: RETR 1
        S: -ERR no such message, only 0 messages in maildrop
        C: QUIT
        S: +OK pop.maillab.test POP3 server signing off (maildrop empty)
        ACTION: Close
        M: bob commit=[] released
        """;
}
