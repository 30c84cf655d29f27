using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>One command: the states it is valid in, the capability that must be on (null for the base protocol) and its handler.</summary>
internal sealed record ImapCommand(ImapCommandStates States, string? Capability, Action<ImapServerSession, string, ImapReader> Run);

/// <summary>
/// Which command each state accepts, as one table (like Pop3CommandTable and SmtpServer's state
/// table): the session looks a verb up here before running it, and the table's answer gives the
/// "log in first" / "select a mailbox first" replies (RFC 9051 §3, §6).
/// </summary>
internal static class ImapCommandTable
{
    private static readonly Dictionary<string, ImapCommand> Commands = new(StringComparer.Ordinal)
    {
        // RFC 9051 §6.1: any state.
        ["CAPABILITY"] = new(ImapCommandStates.Any, null, (s, t, r) => s.Capability(t, r)),
        ["NOOP"] = new(ImapCommandStates.Any, null, (s, t, r) => s.Noop(t, r)),
        ["LOGOUT"] = new(ImapCommandStates.Any, null, (s, t, r) => s.Logout(t, r)),
        ["ID"] = new(ImapCommandStates.Any, "ID", (s, t, r) => s.Id(t, r)),

        // RFC 9051 §6.2: not authenticated.
        ["STARTTLS"] = new(ImapCommandStates.NotAuthenticated, null, (s, t, r) => s.StartTls(t, r)),
        ["AUTHENTICATE"] = new(ImapCommandStates.NotAuthenticated, null, (s, t, r) => s.Authenticate(t, r)),
        ["LOGIN"] = new(ImapCommandStates.NotAuthenticated, null, (s, t, r) => s.Login(t, r)),

        // RFC 9051 §6.3: authenticated (and selected).
        ["ENABLE"] = new(ImapCommandStates.LoggedIn, "ENABLE", (s, t, r) => s.Enable(t, r)),
        ["SELECT"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Select(t, r, readOnly: false)),
        ["EXAMINE"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Select(t, r, readOnly: true)),
        ["CREATE"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Create(t, r)),
        ["DELETE"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Delete(t, r)),
        ["RENAME"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Rename(t, r)),
        ["SUBSCRIBE"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Subscribe(t, r, subscribe: true)),
        ["UNSUBSCRIBE"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Subscribe(t, r, subscribe: false)),
        ["LIST"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.List(t, r, lsub: false)),
        ["LSUB"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.List(t, r, lsub: true)),
        ["NAMESPACE"] = new(ImapCommandStates.LoggedIn, "NAMESPACE", (s, t, r) => s.Namespace(t, r)),
        ["STATUS"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Status(t, r)),
        ["APPEND"] = new(ImapCommandStates.LoggedIn, null, (s, t, r) => s.Append(t, r)),
        ["IDLE"] = new(ImapCommandStates.LoggedIn, "IDLE", (s, t, r) => s.Idle(t, r)),
        ["GETQUOTA"] = new(ImapCommandStates.LoggedIn, "QUOTA", (s, t, r) => s.GetQuota(t, r)),
        ["GETQUOTAROOT"] = new(ImapCommandStates.LoggedIn, "QUOTA", (s, t, r) => s.GetQuotaRoot(t, r)),
        ["SETQUOTA"] = new(ImapCommandStates.LoggedIn, "QUOTA", (s, t, r) => s.SetQuota(t, r)),

        // RFC 9051 §6.4: selected.
        ["CLOSE"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.CloseFolder(t, r, expunge: true)),
        ["UNSELECT"] = new(ImapCommandStates.Selected, "UNSELECT", (s, t, r) => s.CloseFolder(t, r, expunge: false)),
        ["CHECK"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Noop(t, r)),
        ["EXPUNGE"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Expunge(t, r, uid: false)),
        ["SEARCH"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Search(t, r, uid: false)),
        ["FETCH"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Fetch(t, r, uid: false)),
        ["STORE"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Store(t, r, uid: false)),
        ["COPY"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Copy(t, r, uid: false, move: false)),
        ["MOVE"] = new(ImapCommandStates.Selected, "MOVE", (s, t, r) => s.Copy(t, r, uid: false, move: true)),
        ["SORT"] = new(ImapCommandStates.Selected, "SORT", (s, t, r) => s.Sort(t, r, uid: false)),
        ["UID SORT"] = new(ImapCommandStates.Selected, "SORT", (s, t, r) => s.Sort(t, r, uid: true)),
        ["THREAD"] = new(ImapCommandStates.Selected, "THREAD", (s, t, r) => s.Thread(t, r, uid: false)),
        ["UID THREAD"] = new(ImapCommandStates.Selected, "THREAD", (s, t, r) => s.Thread(t, r, uid: true)),
        ["UID SEARCH"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Search(t, r, uid: true)),
        ["UID FETCH"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Fetch(t, r, uid: true)),
        ["UID STORE"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Store(t, r, uid: true)),
        ["UID COPY"] = new(ImapCommandStates.Selected, null, (s, t, r) => s.Copy(t, r, uid: true, move: false)),
        ["UID MOVE"] = new(ImapCommandStates.Selected, "MOVE", (s, t, r) => s.Copy(t, r, uid: true, move: true)),
        ["UID EXPUNGE"] = new(ImapCommandStates.Selected, "UIDPLUS", (s, t, r) => s.Expunge(t, r, uid: true)),
    };

    public static bool TryGet(string verb, out ImapCommand command) => Commands.TryGetValue(verb, out command!);

    public static bool Allows(this ImapCommandStates states, ImapSessionState state) => state switch
    {
        ImapSessionState.NotAuthenticated => (states & ImapCommandStates.NotAuthenticated) != 0,
        ImapSessionState.Authenticated => (states & ImapCommandStates.Authenticated) != 0,
        ImapSessionState.Selected => (states & ImapCommandStates.Selected) != 0,
        _ => false,
    };

    /// <summary>The reply for a command in the wrong state (RFC 9051 §6: BAD, the command is not valid here).</summary>
    public static string WrongState(string verb, ImapCommandStates states, ImapSessionState state) => state switch
    {
        ImapSessionState.NotAuthenticated => $"{verb} needs authentication first (LOGIN or AUTHENTICATE)",
        ImapSessionState.Authenticated when states == ImapCommandStates.Selected => $"{verb} needs a selected mailbox (SELECT or EXAMINE first)",
        _ => $"{verb} is only valid before authentication",
    };
}
