namespace MailLab.Protocol.Tests.Imap.Transcripts;

/// <summary>Selected state: FETCH, SEARCH, STORE, EXPUNGE, COPY/MOVE, IDLE, others' changes, QRESYNC.</summary>
internal static partial class ImapTranscripts
{
    public const string Fetch = """
        # FETCH items from MimeKit's parse: ENVELOPE (groups, encoded words kept), BODY/BODYSTRUCTURE, sections, partials, BINARY (RFC 9051 §6.4.5, RFC 3516).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        C: a3 FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)
        C: a4 FETCH 2 (BODYSTRUCTURE BODY)
        C: a5 FETCH 2 (BODY.PEEK[1] BINARY.SIZE[2] BODY.PEEK[HEADER.FIELDS (Subject From)] BODY.PEEK[2.MIME])
        C: a6 UID FETCH 1 (BODY.PEEK[TEXT]<6.9> BODY.PEEK[9])
        C: a7 FETCH 3 BINARY.PEEK[1]
        C: a8 FETCH 2 BODY[1]
        C: a9 FETCH 4 FLAGS
        C: b1 FETCH 1 FAST
        C: b2 FETCH 1 (BODY[
        C: b3 UID FETCH 9 FLAGS
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: * 1 FETCH (UID 1 FLAGS (\Seen) INTERNALDATE " 1-Jan-2024 10:00:00 +0300" RFC822.SIZE 178 ENVELOPE ("Mon, 1 Jan 2024 10:00:00 +0300" "Lunch" (("Bob Example" NIL "bob" "example.com")) (("Bob Example" NIL "bob" "example.com")) (("Bob Example" NIL "bob" "example.com")) ((NIL NIL "alice" "maillab.test")) NIL NIL NIL "<lunch@example.com>"))
        S: * 2 FETCH (UID 2 FLAGS () INTERNALDATE " 2-Jan-2024 10:00:00 +0300" RFC822.SIZE 522 ENVELOPE ("Tue, 2 Jan 2024 11:00:00 +0000" "Report" ((NIL NIL "carol" "example.com")) ((NIL NIL "carol" "example.com")) ((NIL NIL "carol" "example.com")) ((NIL NIL "alice" "maillab.test")("Dave D." NIL "dave" "example.com")) ((NIL NIL "team" NIL)(NIL NIL "erin" "example.com")(NIL NIL "frank" "example.com")(NIL NIL NIL NIL)) NIL NIL "<report@example.com>"))
        S: * 3 FETCH (UID 3 FLAGS (\Flagged $Forwarded) INTERNALDATE " 3-Jan-2024 10:00:00 +0300" RFC822.SIZE 318 ENVELOPE ("Wed, 3 Jan 2024 12:00:00 +0300" "=?utf-8?B?0J/RgNC40LLQtdGC?=" (("=?utf-8?b?0JjQstCw0L0=?=" NIL "ivan" "example.ru")) (("=?utf-8?b?0JjQstCw0L0=?=" NIL "ivan" "example.ru")) (("=?utf-8?b?0JjQstCw0L0=?=" NIL "ivan" "example.ru")) ((NIL NIL "alice" "maillab.test")) NIL NIL NIL "<privet@example.ru>"))
        S: a3 OK FETCH completed
        S: * 2 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 24 1 NIL NIL NIL NIL)("application" "octet-stream" ("name" "r.bin") NIL NIL "base64" 8 NIL ("attachment" ("filename" "r.bin")) NIL NIL) "mixed" ("boundary" "b1") NIL NIL NIL) BODY (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 24 1)("application" "octet-stream" ("name" "r.bin") NIL NIL "base64" 8) "mixed"))
        S: a4 OK FETCH completed
        S: * 2 FETCH (BODY[1] {24}
        S: See the attached report. BINARY.SIZE[2] 5 BODY[HEADER.FIELDS (SUBJECT FROM)] {44}
        S: From: carol@example.com
        S: Subject: Report
        S: 
        S:  BODY[2.MIME] {142}
        S: Content-Type: application/octet-stream; name="r.bin"
        S: Content-Disposition: attachment; filename="r.bin"
        S: Content-Transfer-Encoding: base64
        S: 
        S: )
        S: a5 OK FETCH completed
        S: * 1 FETCH (UID 1 BODY[TEXT]<6> {9}
        S: we have l BODY[9] NIL)
        S: a6 OK UID FETCH completed
        S: * 3 FETCH (BINARY[1] {22}
        S: Привет quarterly)
        S: a7 OK FETCH completed
        S: * 2 FETCH (BODY[1] {24}
        S: See the attached report. FLAGS (\Seen))
        S: a8 OK FETCH completed
        S: a9 BAD FETCH: invalid message sequence number (use UID commands for UIDs)
        S: * 1 FETCH (FLAGS (\Seen) INTERNALDATE " 1-Jan-2024 10:00:00 +0300" RFC822.SIZE 178)
        S: b1 OK FETCH completed
        S: b2 BAD FETCH: expected a section text
        S: b3 OK UID FETCH completed
        """;

    public const string Search = """
        # SEARCH keys (RFC 9051 §6.4.4): flags, headers and text via MimeKit (decoded), dates, sizes, OR/NOT/nesting, UID sets, CHARSET, SAVE and $ (RFC 5182).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        C: a3 SEARCH SUBJECT привет
        C: a4 SEARCH CHARSET UTF-8 FROM ivan
        C: a5 SEARCH CHARSET KOI8-R ALL
        C: a6 SEARCH OR SEEN FLAGGED
        C: a7 SEARCH NOT (SEEN) SINCE 2-Jan-2024
        C: a8 SEARCH SENTBEFORE 2-Jan-2024 LARGER 10
        C: a9 UID SEARCH UID 2:* BODY report
        C: b1 SEARCH HEADER Message-ID <privet@example.ru>
        C: b2 SEARCH RETURN (SAVE) KEYWORD $Forwarded
        C: b3 FETCH $ UID
        C: b4 SEARCH BOGUS
        C: b5 SEARCH ((((((((((((((((((((((((((((((((((ALL))))))))))))))))))))))))))))))))))
        C: b6 SEARCH BEFORE 31-Feb-2024
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: * SEARCH 3
        S: a3 OK SEARCH completed
        S: * SEARCH 3
        S: a4 OK SEARCH completed
        S: a5 NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset KOI8-R
        S: * SEARCH 1 3
        S: a6 OK SEARCH completed
        S: * SEARCH 2 3
        S: a7 OK SEARCH completed
        S: * SEARCH 1
        S: a8 OK SEARCH completed
        S: * SEARCH 2
        S: a9 OK UID SEARCH completed
        S: * SEARCH 3
        S: b1 OK SEARCH completed
        S: b2 OK SEARCH completed
        S: * 3 FETCH (UID 3)
        S: b3 OK FETCH completed
        S: b4 BAD SEARCH: unknown search key BOGUS
        S: b5 BAD SEARCH: search keys nested too deeply
        S: b6 BAD SEARCH: invalid date 31-Feb-2024
        """;

    public const string StoreExpunge = """
        # STORE with .SILENT and UNCHANGEDSINCE (RFC 7162 §3.1.3, MODIFIED), a new keyword announced by FLAGS before its FETCH (RFC 9051 §7.3.5), EXPUNGE numbering (RFC 9051 §7.5.1), UID EXPUNGE (RFC 4315).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX (CONDSTORE)
        C: a3 STORE 1:2 +FLAGS (\Deleted)
        C: a4 STORE 3 FLAGS.SILENT (\Seen)
        C: a5 STORE 3 -FLAGS \Recent
        C: a6 UID STORE 1:3 (UNCHANGEDSINCE 5) +FLAGS ($Done)
        C: a7 UID EXPUNGE 2
        C: a8 EXPUNGE
        C: a9 FETCH 1 (FLAGS MODSEQ)
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: * OK [HIGHESTMODSEQ 4] highest modseq
        S: a2 OK [READ-WRITE] SELECT completed
        S: * 1 FETCH (FLAGS (\Seen \Deleted) MODSEQ (5))
        S: * 2 FETCH (FLAGS (\Deleted) MODSEQ (6))
        S: a3 OK STORE completed
        S: a4 OK STORE completed
        S: a5 BAD STORE: invalid system flag \Recent
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Done $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Done $Forwarded \*)] flags permitted
        S: * 1 FETCH (UID 1 FLAGS (\Seen \Deleted $Done) MODSEQ (8))
        S: a6 OK [MODIFIED 2:3] UID STORE completed
        S: * 2 EXPUNGE
        S: a7 OK [HIGHESTMODSEQ 9] UID EXPUNGE completed
        S: * 1 EXPUNGE
        S: a8 OK [HIGHESTMODSEQ 10] EXPUNGE completed
        S: * 1 FETCH (FLAGS (\Seen) MODSEQ (7))
        S: a9 OK FETCH completed
        """;

    public const string CopyMove = """
        # COPY and MOVE with COPYUID (RFC 4315, RFC 6851): MOVE sends the untagged COPYUID and the expunges before the tagged OK.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        C: a3 COPY 1:2 Archive
        C: a4 UID MOVE 3 Trash
        C: a5 COPY 1 Nowhere
        C: a6 MOVE 1 Sent
        C: a7 STATUS Archive (MESSAGES UIDNEXT)
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: a3 OK [COPYUID 1003 1:2 1:2] COPY completed
        S: * OK [COPYUID 1002 3 1] moved
        S: * 3 EXPUNGE
        S: a4 OK UID MOVE completed
        S: a5 NO [TRYCREATE] no such mailbox
        S: * OK [COPYUID 1000 1 1] moved
        S: * 1 EXPUNGE
        S: a6 OK MOVE completed
        S: * STATUS "Archive" (MESSAGES 2 UIDNEXT 3)
        S: a7 OK STATUS completed
        """;

    public const string Idle = """
        # IDLE (RFC 2177): deliveries, others' flag changes and expunges arrive while idling; DONE ends it.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        C: a3 IDLE
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: + idling
        H: deliver INBOX Plain
        EVENT: Wake
        S: * 4 EXISTS
        S: * 1 RECENT
        H: flag INBOX 2 \Answered
        H: expunge INBOX 1
        EVENT: Wake
        S: * 2 FETCH (UID 2 FLAGS (\Answered))
        S: * 1 EXPUNGE
        C: DONE
        C: a4 IDLE
        C: STOP
        S: a3 OK IDLE completed
        S: + idling
        S: a4 BAD expected DONE to end IDLE
        """;

    public const string DeferredExpunge = """
        # Another session's expunge is not told during FETCH, STORE or SEARCH (RFC 9051 §7.5.1): the numbers stay; NOOP then tells it.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        H: expunge INBOX 1
        H: deliver INBOX Plain
        C: a3 FETCH 1:* UID
        C: a4 SEARCH ALL
        C: a5 NOOP
        C: a6 FETCH 1:* UID
        S: * 1 FETCH (UID 1)
        S: * 2 FETCH (UID 2)
        S: * 3 FETCH (UID 3)
        S: * 4 EXISTS
        S: * 1 RECENT
        S: a3 OK FETCH completed
        S: * SEARCH 2 3 4
        S: a4 OK SEARCH completed
        S: * 1 EXPUNGE
        S: a5 OK NOOP completed
        S: * 1 FETCH (UID 2)
        S: * 2 FETCH (UID 3)
        S: * 3 FETCH (UID 4)
        S: a6 OK FETCH completed
        """;

    public const string Qresync = """
        # ENABLE QRESYNC, then SELECT with QRESYNC parameters: VANISHED (EARLIER) and changed messages (RFC 7162 §3.2.5); EXPUNGE becomes VANISHED.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 ENABLE QRESYNC
        C: a3 SELECT INBOX (QRESYNC (999 3 1:5))
        C: a4 STORE 1 +FLAGS (\Deleted)
        C: a5 EXPUNGE
        C: a6 UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * ENABLED QRESYNC CONDSTORE
        S: a2 OK ENABLE completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: * OK [HIGHESTMODSEQ 4] highest modseq
        S: * 3 FETCH (UID 3 FLAGS (\Flagged $Forwarded) MODSEQ (4))
        S: a3 OK [READ-WRITE] SELECT completed
        S: * 1 FETCH (FLAGS (\Seen \Deleted) MODSEQ (5))
        S: a4 OK STORE completed
        S: * VANISHED 1
        S: a5 OK [HIGHESTMODSEQ 6] EXPUNGE completed
        S: * VANISHED (EARLIER) 1
        S: * 1 FETCH (UID 2 FLAGS () MODSEQ (3))
        S: * 2 FETCH (UID 3 FLAGS (\Flagged $Forwarded) MODSEQ (4))
        S: a6 OK UID FETCH completed
        """;
}
