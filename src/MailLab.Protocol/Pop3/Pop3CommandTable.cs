namespace MailLab.Protocol.Pop3;

/// <summary>
/// Which command each state accepts, as one table (in the manner of cosullivan/SmtpServer's state
/// table): the session looks a verb up here before running it, and the table's answer gives the
/// "not logged in" and "already logged in" errors. UPDATE accepts nothing: it is entered by QUIT
/// and left by closing the connection.
/// </summary>
internal static class Pop3CommandTable
{
    private static readonly Dictionary<string, Pop3CommandStates> States = new(StringComparer.Ordinal)
    {
        // RFC 1939 §7 and RFC 5034 §4: identification, AUTHORIZATION only.
        ["USER"] = Pop3CommandStates.Authorization,
        ["PASS"] = Pop3CommandStates.Authorization,
        ["APOP"] = Pop3CommandStates.Authorization,
        ["AUTH"] = Pop3CommandStates.Authorization,

        // RFC 2595 §4: "only permitted in AUTHORIZATION state".
        ["STLS"] = Pop3CommandStates.Authorization,

        // RFC 2449 §5 (CAPA) and RFC 1939 §4, §6 (QUIT): both states.
        ["CAPA"] = Pop3CommandStates.Both,
        ["QUIT"] = Pop3CommandStates.Both,

        // RFC 1939 §5, §7: TRANSACTION only (NOOP too).
        ["STAT"] = Pop3CommandStates.Transaction,
        ["LIST"] = Pop3CommandStates.Transaction,
        ["RETR"] = Pop3CommandStates.Transaction,
        ["DELE"] = Pop3CommandStates.Transaction,
        ["NOOP"] = Pop3CommandStates.Transaction,
        ["RSET"] = Pop3CommandStates.Transaction,
        ["TOP"] = Pop3CommandStates.Transaction,
        ["UIDL"] = Pop3CommandStates.Transaction,
    };

    /// <summary>The states that accept <paramref name="verb"/> (upper case); false for an unknown command.</summary>
    public static bool TryGetStates(string verb, out Pop3CommandStates states) => States.TryGetValue(verb, out states);

    public static bool Allows(this Pop3CommandStates states, Pop3SessionState state) => state switch
    {
        Pop3SessionState.Authorization => (states & Pop3CommandStates.Authorization) != 0,
        Pop3SessionState.Transaction => (states & Pop3CommandStates.Transaction) != 0,
        _ => false,
    };
}
