namespace MailLab.Protocol.Tests.Imap.Transcripts;

/// <summary>Greeting, LOGIN, AUTHENTICATE, STARTTLS/LOGINDISABLED, the state table and how a session ends.</summary>
internal static partial class ImapTranscripts
{
    public const string Greeting = """
        # The greeting carries the pre-logon capabilities (RFC 9051 §7.1.1); CAPABILITY, NOOP and LOGOUT work in any state (§6.1).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 CAPABILITY
        C: a2 NOOP
        C: a3 LOGOUT
        S: * CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE
        S: a1 OK CAPABILITY completed
        S: a2 OK NOOP completed
        S: * BYE imap.maillab.test MailLab IMAP4rev2 server logging out
        S: a3 OK LOGOUT completed
        ACTION: Close
        """;

    public const string LoginFailures = """
        # LOGIN failures name their reason (RFC 5530): wrong password, a disabled account, a mailbox that cannot be opened; quoted strings and literals both work.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice wrong
        C: a2 LOGIN mallory secret
        C: a3 LOGIN carol pass
        C: a4 LOGIN dave pass
        C: a5 LOGIN alice
        C: a6 LOGIN "alice" "sec\"ret"
        C: a7 LOGIN "alice" "secret"
        C: a8 LOGIN alice secret
        S: a1 NO [AUTHENTICATIONFAILED] invalid credentials
        S: a2 NO [AUTHENTICATIONFAILED] invalid credentials
        S: a3 NO [AUTHORIZATIONFAILED] account is disabled
        S: a4 NO [UNAVAILABLE] mailbox is unavailable, try again later
        S: a5 BAD LOGIN: expected a space
        S: a6 NO [AUTHENTICATIONFAILED] invalid credentials
        S: a7 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: a8 BAD LOGIN is only valid before authentication
        """;

    public const string LoginDisabled = """
        # AllowPlaintextWithoutTls=false: LOGINDISABLED and no AUTH=PLAIN before TLS (RFC 9051 §6.2.3, §7.2.2); STARTTLS, then LOGIN works.
        O: AllowPlaintextWithoutTls=false
        O: TlsAvailable=true
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 STARTTLS LOGINDISABLED AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        C: a2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
        C: a3 STARTTLS
        C: a4 NOOP
        S: a1 NO [PRIVACYREQUIRED] LOGIN is disabled until STARTTLS
        S: a2 NO [PRIVACYREQUIRED] PLAIN is disabled until STARTTLS
        S: a3 OK Begin TLS negotiation now
        ACTION: StartTls
        EVENT: TlsEstablished
        ACTION: None
        C: a5 CAPABILITY
        C: a6 STARTTLS
        C: a7 LOGIN alice secret
        S: * CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE
        S: a5 OK CAPABILITY completed
        S: a6 BAD TLS is already active
        S: a7 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        """;

    public const string Authenticate = """
        # AUTHENTICATE PLAIN with SASL-IR (RFC 4959), PLAIN with an empty challenge, LOGIN, CRAM-MD5 (RFC 2195) and "*" to cancel (RFC 9051 §6.2.2).
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 AUTHENTICATE PLAIN
        C: *
        C: a2 AUTHENTICATE PLAIN AGFsaWNlAHdyb25n
        C: a3 AUTHENTICATE PLAIN !!!
        C: a4 AUTHENTICATE GSSAPI
        C: a5 AUTHENTICATE LOGIN
        C: YWxpY2U=
        C: c2VjcmV0
        C: a6 LOGOUT
        S: + 
        S: a1 BAD authentication cancelled
        S: a2 NO [AUTHENTICATIONFAILED] invalid credentials
        S: a3 BAD invalid base64 in the SASL response
        S: a4 NO unsupported authentication mechanism
        S: + VXNlcm5hbWU6
        S: + UGFzc3dvcmQ6
        S: a5 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: * BYE imap.maillab.test MailLab IMAP4rev2 server logging out
        S: a6 OK LOGOUT completed
        ACTION: Close
        """;

    public const string AuthenticateCramMd5 = """
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 AUTHENTICATE CRAM-MD5
        S: + PDE4OTYuMTcwNDE2NDY0NUBpbWFwLm1haWxsYWIudGVzdD4=
        C: {cram-md5 alice wrong}
        C: a2 AUTHENTICATE CRAM-MD5
        S: a1 NO [AUTHENTICATIONFAILED] invalid credentials
        S: + PDE4OTcuMTcwNDE2NDY0NUBpbWFwLm1haWxsYWIudGVzdD4=
        C: {cram-md5 alice secret}
        C: a3 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
        S: a2 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] CRAM-MD5 completed
        S: a3 BAD AUTHENTICATE is only valid before authentication
        """;

    public const string WrongState = """
        # The command table answers commands in the wrong state with BAD (RFC 9051 §6); unknown commands and missing tags too.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 SELECT INBOX
        C: a2 FETCH 1 FLAGS
        C: a3 FOO
        C: +x NOOP
        C:
        C: a4 LOGIN alice secret
        C: a5 LOGIN alice secret
        C: a6 FETCH 1 FLAGS
        C: a7 EXPUNGE
        C: a8 UID FOO 1
        C: a9 STARTTLS
        S: a1 BAD SELECT needs authentication first (LOGIN or AUTHENTICATE)
        S: a2 BAD FETCH needs authentication first (LOGIN or AUTHENTICATE)
        S: a3 BAD unknown command FOO
        S: * BAD missing or invalid tag
        S: * BAD empty command line
        S: a4 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        S: a5 BAD LOGIN is only valid before authentication
        S: a6 BAD FETCH needs a selected mailbox (SELECT or EXAMINE first)
        S: a7 BAD EXPUNGE needs a selected mailbox (SELECT or EXAMINE first)
        S: a8 BAD unknown command UID FOO
        S: a9 BAD STARTTLS is only valid before authentication
        """;

    public const string TimeoutAndShutdown = """
        # The autologout timer (RFC 9051 §5.4) and a server shutdown both end with BYE.
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        EVENT: TimedOut
        S: * BYE Autologout; idle for too long
        ACTION: Close
        """;

    public const string ShutDown = """
        S: * OK [CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 SASL-IR LITERAL+ ID ENABLE IDLE] imap.maillab.test MailLab IMAP4rev2 ready
        C: a1 LOGIN alice secret
        S: a1 OK [CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ID ENABLE IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONDSTORE QRESYNC STATUS=SIZE BINARY MULTIAPPEND UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE APPENDLIMIT=67108864] LOGIN completed
        EVENT: ShuttingDown
        S: * BYE Server shutting down
        ACTION: Close
        """;
}
