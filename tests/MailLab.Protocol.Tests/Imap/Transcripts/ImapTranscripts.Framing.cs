namespace MailLab.Protocol.Tests.Imap.Transcripts;

/// <summary>Command framing: literals (RFC 9051 §4.3, RFC 7888) and the line limit.</summary>
internal static partial class ImapTranscripts
{
    public const string Literals = """
        # Synchronising literals get "+" (RFC 9051 §7.5); LITERAL+ ones do not (RFC 7888); a literal too large is refused before it is sent.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN {5}
        C: alice {6}
        C: secret
        C: a2 SELECT {5+}
        C: INBOX
        C: a3 STATUS {9999999999}
        C: a4 NOOP
        S: + Ready for literal data
        S: + Ready for literal data
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: a3 BAD [TOOBIG] literal exceeds 67108864 octets
        S: a4 OK NOOP completed
        """;

    public const string LiteralMinus = """
        # LITERAL- (RFC 7888 §5): non-synchronising literals up to 4096 octets; a larger one cannot be refused before it arrives, so the connection ends.
        O: LiteralMinus=true
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL- ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN {5+}
        C: alice secret
        C: a2 NOOP {5000+}
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL- ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: a2 BAD [TOOBIG] non-synchronising literals are limited to 4096 octets (LITERAL-)
        S: * BYE literal too large
        ACTION: Close
        """;

    public const string LineTooLong = """
        # A command line past the limit is answered with its tag and discarded; the session goes on.
        O: MaxLineLength=40
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 NOOP 123456789012345678901234567890123456789012345
        C: a2 NOOP
        S: a1 BAD command line too long (limit 40 octets)
        S: a2 OK NOOP completed
        """;
}
