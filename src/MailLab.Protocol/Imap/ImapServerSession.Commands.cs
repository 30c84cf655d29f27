using System.Text;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>Any-state commands (RFC 9051 §6.1), STARTTLS (§6.2.1), ENABLE (§6.3.1, RFC 5161), NAMESPACE (§6.3.10), ID (RFC 2971).</summary>
public sealed partial class ImapServerSession
{
    /// <summary>Extensions that are switched on by ENABLE (RFC 5161).</summary>
    private readonly HashSet<string> _enabled = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>IMAP4rev2 was enabled: rev2 responses (ESEARCH for SEARCH, no RECENT, UTF-8 names, LIST instead of LSUB).</summary>
    private bool Rev2 => _enabled.Contains("IMAP4rev2");

    /// <summary>Mailbox names and quoted strings in UTF-8 (rev2 or UTF8=ACCEPT) rather than modified UTF-7.</summary>
    private bool Utf8Names => Rev2 || _enabled.Contains("UTF8=ACCEPT");

    /// <summary>CONDSTORE is on (RFC 7162 §3.1: by ENABLE or by a CONDSTORE-enabling command).</summary>
    private bool CondStore => _enabled.Contains("CONDSTORE") || _enabled.Contains("QRESYNC");

    private bool QResync => _enabled.Contains("QRESYNC");

    /// <summary>
    /// A CONDSTORE-enabling command (FETCH MODSEQ, SEARCH MODSEQ, STORE UNCHANGEDSINCE, STATUS
    /// HIGHESTMODSEQ) turns CONDSTORE on; RFC 7162 §3.1: with a mailbox selected, the server then
    /// sends <c>* OK [HIGHESTMODSEQ n]</c> before the command's tagged response.
    /// </summary>
    private void EnableCondStoreByCommand()
    {
        if (!CondStore && _enabled.Add("CONDSTORE") && _folder is { } folder)
        {
            WriteLine($"* OK [HIGHESTMODSEQ {folder.HighestModSeq}] highest modseq");
        }
    }

    private bool CleartextAllowed => _options.AllowPlaintextWithoutTls || Context.IsTls;

    private bool CapabilityOn(string capability) => capability switch
    {
        "STARTTLS" => _options.TlsAvailable && !Context.IsTls && _options.IsEnabled("STARTTLS"),
        "QUOTA" => _options.IsEnabled("QUOTA"),
        "SORT=DISPLAY" or "ESORT" => _options.IsEnabled("SORT") && _options.IsEnabled(capability),
        "THREAD" => _options.IsEnabled("THREAD=ORDEREDSUBJECT") || _options.IsEnabled("THREAD=REFERENCES"),
        _ => _options.IsEnabled(capability),
    };

    /// <summary>
    /// The capabilities for the current state (RFC 9051 §7.2.2): before logon only what a client
    /// needs to log on; after it the extensions. Everything listed is implemented.
    /// </summary>
    private string CapabilityList()
    {
        var caps = new List<string> { "IMAP4rev2", "IMAP4rev1" };
        void Add(string name)
        {
            if (_options.IsEnabled(name))
            {
                caps.Add(name);
            }
        }

        if (CapabilityOn("STARTTLS"))
        {
            caps.Add("STARTTLS");
        }

        if (State == ImapSessionState.NotAuthenticated)
        {
            if (!CleartextAllowed)
            {
                caps.Add("LOGINDISABLED");
            }

            foreach (var mechanism in OfferedSaslMechanisms())
            {
                caps.Add("AUTH=" + mechanism);
            }

            Add("SASL-IR");
        }

        caps.Add(_options.LiteralMinus ? "LITERAL-" : "LITERAL+");
        Add("ID");
        Add("ENABLE");
        Add("IDLE");
        if (State != ImapSessionState.NotAuthenticated)
        {
            Add("NAMESPACE");
            Add("UNSELECT");
            Add("UIDPLUS");
            Add("MOVE");
            Add("CHILDREN");
            Add("SPECIAL-USE");
            Add("LIST-EXTENDED");
            Add("LIST-STATUS");
            Add("ESEARCH");
            Add("SEARCHRES");
            Add("SORT");
            if (CapabilityOn("SORT"))
            {
                Add("SORT=DISPLAY");
                Add("ESORT");
            }

            Add("THREAD=ORDEREDSUBJECT");
            Add("THREAD=REFERENCES");

            Add("CONDSTORE");
            Add("QRESYNC");
            Add("STATUS=SIZE");
            Add("BINARY");
            Add("MULTIAPPEND");
            Add("UTF8=ACCEPT");
            if (_options.IsEnabled("QUOTA"))
            {
                caps.Add("QUOTA");
                caps.Add("QUOTA=RES-STORAGE");
            }

            if (_options.IsEnabled("APPENDLIMIT"))
            {
                // RFC 7889 §3: the limit for every mailbox (the configured one, the account's, or the literal limit).
                caps.Add("APPENDLIMIT=" + EffectiveAppendLimit().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return string.Join(' ', caps);
    }

    internal void Capability(string tag, ImapReader r)
    {
        r.End();
        WriteLine("* CAPABILITY " + CapabilityList());
        WriteLine($"{tag} OK CAPABILITY completed");
    }

    /// <summary>NOOP and CHECK: report what changed in the selected folder (RFC 9051 §6.1.2).</summary>
    internal void Noop(string tag, ImapReader r)
    {
        r.End();
        if (State == ImapSessionState.Selected)
        {
            ReportChanges(allowExpunge: true);
        }

        WriteLine($"{tag} OK NOOP completed");
    }

    internal void Logout(string tag, ImapReader r)
    {
        r.End();
        WriteLine($"* BYE {_options.HostName} MailLab IMAP4rev2 server logging out");
        WriteLine($"{tag} OK LOGOUT completed");
        Close();
    }

    /// <summary>ID (RFC 2971 §3.1): the client's parameters are read and our own are returned.</summary>
    internal void Id(string tag, ImapReader r)
    {
        r.Space();
        if (!r.TryConsumeWord("NIL"))
        {
            r.Expect('(', "'(' or NIL");
            var count = 0;
            while (!r.TryConsume(')'))
            {
                if (count > 0)
                {
                    r.Space();
                }

                r.ReadString("an ID field name");
                r.Space();
                r.ReadNString();
                if (++count > 30)
                {
                    // RFC 2971 §3.3: at most 30 field-value pairs.
                    throw new ImapSyntaxException("too many ID fields");
                }
            }
        }

        r.End();
        WriteLine("* ID (\"name\" \"MailLab\" \"vendor\" \"MailLab\")");
        WriteLine($"{tag} OK ID completed");
    }

    internal void StartTls(string tag, ImapReader r)
    {
        r.End();
        if (!CapabilityOn("STARTTLS"))
        {
            WriteLine(Context.IsTls ? $"{tag} BAD TLS is already active" : $"{tag} NO STARTTLS is not available on this server");
            return;
        }

        WriteLine($"{tag} OK Begin TLS negotiation now");
        PendingAction = ImapSessionAction.StartTls;
    }

    /// <summary>ENABLE (RFC 5161): turns on the extensions we know and answers <c>* ENABLED</c> with those newly on.</summary>
    internal void Enable(string tag, ImapReader r)
    {
        var newly = new List<string>();
        var any = false;
        while (r.TryConsume(' '))
        {
            any = true;
            var name = r.ReadAtom("a capability").ToUpperInvariant();
            var canonical = name switch
            {
                "IMAP4REV2" => "IMAP4rev2",
                "CONDSTORE" or "QRESYNC" or "UTF8=ACCEPT" => name,
                _ => null,
            };
            if (canonical is null || !_options.IsEnabled(canonical))
            {
                continue;
            }

            if (_enabled.Add(canonical))
            {
                newly.Add(canonical);
            }

            if (canonical == "QRESYNC" && _enabled.Add("CONDSTORE"))
            {
                // RFC 7162 §3.2.3: enabling QRESYNC implies CONDSTORE.
                newly.Add("CONDSTORE");
            }
        }

        if (!any)
        {
            throw new ImapSyntaxException("ENABLE needs at least one capability");
        }

        r.End();
        WriteLine(newly.Count > 0 ? "* ENABLED " + string.Join(' ', newly) : "* ENABLED");
        WriteLine($"{tag} OK ENABLE completed");
    }

    /// <summary>NAMESPACE (RFC 9051 §6.3.10): one personal namespace, "" with delimiter "/".</summary>
    internal void Namespace(string tag, ImapReader r)
    {
        r.End();
        var delimiter = _account!.HierarchyDelimiter;
        WriteLine($"* NAMESPACE ((\"\" \"{delimiter}\")) NIL NIL");
        WriteLine($"{tag} OK NAMESPACE completed");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
