namespace MailLab.Protocol.Tests.Imap.Transcripts;

/// <summary>Authenticated state: SELECT/EXAMINE for rev1 and rev2 clients, mailbox management, APPEND, quota.</summary>
internal static partial class ImapTranscripts
{
    public const string SelectRev1 = """
        # An IMAP4rev1 client: RECENT and [UNSEEN] in SELECT, untagged SEARCH, LSUB (RFC 3501 §6.3.1, §7.2.5).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 EXAMINE INBOX
        C: a3 SEARCH FLAGGED
        C: a4 LSUB "" *
        C: a5 STORE 1 +FLAGS (\Deleted)
        C: a6 SELECT inbox
        C: a7 CLOSE
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS ()] read-only mailbox
        S: a2 OK [READ-ONLY] EXAMINE completed
        S: * SEARCH 3
        S: a3 OK SEARCH completed
        S: * LSUB () "/" "INBOX"
        S: * LSUB () "/" "Archive/2024"
        S: * LSUB (\Sent) "/" "Sent"
        S: a4 OK LSUB completed
        S: a5 NO [READ-ONLY] mailbox is read-only
        S: * OK [CLOSED] previous mailbox is now closed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a6 OK [READ-WRITE] SELECT completed
        S: a7 OK CLOSE completed
        """;

    public const string SelectRev2 = """
        # After ENABLE IMAP4rev2: no RECENT or UNSEEN, a LIST in SELECT, ESEARCH (RFC 9051 §6.3.2, §6.4.4); SELECT of another mailbox closes the first ([CLOSED]).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 ENABLE IMAP4rev2 FOO
        C: a3 SELECT INBOX
        C: a4 SEARCH UNSEEN
        C: a5 SEARCH RETURN (MIN MAX COUNT) ALL
        C: a6 SELECT Sent
        C: a7 SELECT Nope
        C: a8 FETCH 1 FLAGS
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * ENABLED IMAP4rev2
        S: a2 OK ENABLE completed
        S: * 3 EXISTS
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: * LIST () "/" "INBOX"
        S: a3 OK [READ-WRITE] SELECT completed
        S: * ESEARCH (TAG "a4") ALL 2:3
        S: a4 OK SEARCH completed
        S: * ESEARCH (TAG "a5") MIN 1 MAX 3 COUNT 3
        S: a5 OK SEARCH completed
        S: * OK [CLOSED] previous mailbox is now closed
        S: * 0 EXISTS
        S: * OK [UIDVALIDITY 1000] UIDs valid
        S: * OK [UIDNEXT 1] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft \*)] flags permitted
        S: * LIST () "/" "Sent"
        S: a6 OK [READ-WRITE] SELECT completed
        S: * OK [CLOSED] previous mailbox is now closed
        S: a7 NO [NONEXISTENT] no such mailbox
        S: a8 BAD FETCH needs a selected mailbox (SELECT or EXAMINE first)
        """;

    public const string Mailboxes = """
        # CREATE, DELETE, RENAME, SUBSCRIBE, LIST-EXTENDED (RFC 5258; CHILDINFO only for descendants the pattern does not list, §3.5), LSUB "%" with \Noselect parents (RFC 3501 §6.3.9), RETURN (SUBSCRIBED CHILDREN STATUS) (RFC 5819), SPECIAL-USE (RFC 6154), NAMESPACE.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 CREATE Projects/Alpha
        C: a3 CREATE Projects
        C: a4 CREATE INBOX
        C: a5 DELETE Projects
        C: a6 RENAME Projects Work
        C: a7 RENAME Nope Other
        C: a8 SUBSCRIBE Work/Alpha
        C: a9 LIST (SUBSCRIBED RECURSIVEMATCH) "" *
        C: a0 LIST (SUBSCRIBED RECURSIVEMATCH) "" %
        C: c1 LSUB "" %
        C: b1 LIST "" % RETURN (SUBSCRIBED STATUS (MESSAGES UNSEEN))
        C: b2 LIST (SPECIAL-USE) "" *
        C: b3 LIST "" ""
        C: b4 LIST "Archive/" %
        C: b5 DELETE Work/Alpha
        C: b6 UNSUBSCRIBE Work/Alpha
        C: b7 UNSUBSCRIBE Work/Alpha
        C: b8 DELETE INBOX
        C: b9 NAMESPACE
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: a2 OK CREATE completed
        S: a3 NO [ALREADYEXISTS] mailbox already exists
        S: a4 NO [ALREADYEXISTS] INBOX always exists
        S: a5 NO [CANNOT] mailbox has children
        S: a6 OK RENAME completed
        S: a7 NO [NONEXISTENT] no such mailbox
        S: a8 OK SUBSCRIBE completed
        S: * LIST (\HasNoChildren \Subscribed) "/" "INBOX"
        S: * LIST (\HasNoChildren \Subscribed) "/" "Archive/2024"
        S: * LIST (\HasNoChildren \Subscribed \Sent) "/" "Sent"
        S: * LIST (\HasNoChildren \Subscribed) "/" "Work/Alpha"
        S: a9 OK LIST completed
        S: * LIST (\HasNoChildren \Subscribed) "/" "INBOX"
        S: * LIST (\HasChildren) "/" "Archive" ("CHILDINFO" ("SUBSCRIBED"))
        S: * LIST (\HasNoChildren \Subscribed \Sent) "/" "Sent"
        S: * LIST (\HasChildren) "/" "Work" ("CHILDINFO" ("SUBSCRIBED"))
        S: a0 OK LIST completed
        S: * LSUB () "/" "INBOX"
        S: * LSUB (\Noselect) "/" "Archive"
        S: * LSUB (\Sent) "/" "Sent"
        S: * LSUB (\Noselect) "/" "Work"
        S: c1 OK LSUB completed
        S: * LIST (\HasNoChildren \Subscribed) "/" "INBOX"
        S: * STATUS "INBOX" (MESSAGES 3 UNSEEN 2)
        S: * LIST (\HasChildren) "/" "Archive"
        S: * STATUS "Archive" (MESSAGES 0 UNSEEN 0)
        S: * LIST (\HasNoChildren \Drafts) "/" "Drafts"
        S: * STATUS "Drafts" (MESSAGES 0 UNSEEN 0)
        S: * LIST (\HasNoChildren \Subscribed \Sent) "/" "Sent"
        S: * STATUS "Sent" (MESSAGES 0 UNSEEN 0)
        S: * LIST (\HasNoChildren \Trash) "/" "Trash"
        S: * STATUS "Trash" (MESSAGES 0 UNSEEN 0)
        S: * LIST (\HasChildren) "/" "Work"
        S: * STATUS "Work" (MESSAGES 0 UNSEEN 0)
        S: b1 OK LIST completed
        S: * LIST (\HasNoChildren \Drafts) "/" "Drafts"
        S: * LIST (\HasNoChildren \Sent) "/" "Sent"
        S: * LIST (\HasNoChildren \Trash) "/" "Trash"
        S: b2 OK LIST completed
        S: * LIST (\Noselect) "/" ""
        S: b3 OK LIST completed
        S: * LIST (\HasNoChildren) "/" "Archive/2024"
        S: b4 OK LIST completed
        S: b5 OK DELETE completed
        S: b6 OK UNSUBSCRIBE completed
        S: b7 NO [NONEXISTENT] not subscribed
        S: b8 NO [CANNOT] INBOX cannot be deleted
        S: * NAMESPACE (("" "/")) NIL NIL
        S: b9 OK NAMESPACE completed
        """;

    public const string Append = """
        # APPEND with flags and date, APPENDUID (RFC 4315), TRYCREATE, TOOBIG (RFC 7889), MULTIAPPEND (RFC 3502); appending to the selected mailbox reports EXISTS.
        O: AppendLimit=100
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 SELECT INBOX
        C: a3 APPEND INBOX (\Seen) " 5-Jan-2024 09:30:00 +0100" {20}
        C: Subject: hi
        C:
        C: hello
        C: a4 APPEND Nowhere {5+}
        C: hello
        C: a5 APPEND Drafts {101}
        C: a6 APPEND Drafts {3+}
        C: one {3+}
        C: two
        C: a7 APPEND Drafts "yesterday" {1+}
        C: x
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=100] LOGIN completed
        S: * 3 EXISTS
        S: * 0 RECENT
        S: * OK [UNSEEN 2] first unseen message
        S: * OK [UIDVALIDITY 999] UIDs valid
        S: * OK [UIDNEXT 4] predicted next UID
        S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded)
        S: * OK [PERMANENTFLAGS (\Answered \Flagged \Deleted \Seen \Draft $Forwarded \*)] flags permitted
        S: a2 OK [READ-WRITE] SELECT completed
        S: + Ready for literal data
        S: * 4 EXISTS
        S: * 1 RECENT
        S: a3 OK [APPENDUID 999 4] APPEND completed
        S: a4 NO [TRYCREATE] no such mailbox
        S: a5 NO [TOOBIG] message exceeds the size limit of 100 octets
        S: a6 OK [APPENDUID 1001 1:2] APPEND completed
        S: a7 BAD APPEND: invalid date-time "yesterday"
        """;

    public const string Quota = """
        # GETQUOTAROOT / GETQUOTA report STORAGE in KB (RFC 9208); SETQUOTA is refused.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 GETQUOTAROOT INBOX
        C: a3 GETQUOTA ""
        C: a4 GETQUOTA "other"
        C: a5 SETQUOTA "" (STORAGE 1)
        C: a6 ID ("name" "test")
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * QUOTAROOT "INBOX" ""
        S: * QUOTA "" (STORAGE 1 10240)
        S: a2 OK GETQUOTAROOT completed
        S: * QUOTA "" (STORAGE 1 10240)
        S: a3 OK GETQUOTA completed
        S: a4 NO [NONEXISTENT] no such quota root
        S: a5 NO [NOPERM] quotas are set by the administrator
        S: * ID ("name" "MailLab" "vendor" "MailLab")
        S: a6 OK ID completed
        """;
}
