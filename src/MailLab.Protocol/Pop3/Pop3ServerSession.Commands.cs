namespace MailLab.Protocol.Pop3;

/// <summary>Command dispatch, CAPA (RFC 2449 §5), STLS (RFC 2595 §4) and QUIT (RFC 1939 §4, §6).</summary>
public sealed partial class Pop3ServerSession
{
    private void ExecuteCommand(string line)
    {
        // RFC 1939 §3: a keyword, case-insensitive, then arguments separated by single spaces.
        var space = line.IndexOf(' ');
        var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
        var argument = space < 0 ? string.Empty : line[(space + 1)..];
        _observer?.OnClientLine(Redact(line));

        // RFC 1939 §7: PASS may only follow a successful USER immediately; anything else forgets it.
        var pendingUser = _pendingUser;
        _pendingUser = null;

        if (verb.Length == 0)
        {
            Reply(Pop3Responses.EmptyCommand);
            return;
        }

        if (!Pop3CommandTable.TryGetStates(verb, out var states))
        {
            Reply(Pop3Responses.UnknownCommand);
            return;
        }

        if (!states.Allows(State))
        {
            Reply(State == Pop3SessionState.Authorization ? Pop3Responses.NotLoggedIn(verb) : Pop3Responses.AlreadyLoggedIn(verb));
            return;
        }

        switch (verb)
        {
            case "USER":
                User(argument);
                break;
            case "PASS":
                Pass(argument, pendingUser, hasArgument: space >= 0);
                break;
            case "APOP":
                Apop(argument);
                break;
            case "AUTH":
                Auth(argument);
                break;
            case "STLS":
                StartTls(argument);
                break;
            case "CAPA":
                Capa(argument);
                break;
            case "QUIT":
                Quit();
                break;
            case "STAT":
                Stat(argument);
                break;
            case "LIST":
                List(argument);
                break;
            case "RETR":
                Retrieve(argument);
                break;
            case "DELE":
                Delete(argument);
                break;
            case "NOOP":
                Noop(argument);
                break;
            case "RSET":
                Reset(argument);
                break;
            case "TOP":
                Top(argument);
                break;
            case "UIDL":
                UniqueIdListing(argument);
                break;
        }
    }

    /// <summary>CAPA lists the same capabilities in both states (RFC 2449 §5), as they stand now.</summary>
    private void Capa(string argument)
    {
        if (argument.Length > 0)
        {
            Reply(Pop3Responses.NoArguments("CAPA"));
            return;
        }

        BeginMultiLine(Pop3Responses.CapabilityListFollows);
        WriteLine("TOP");
        if (CleartextAllowed)
        {
            WriteLine("USER");
        }

        var mechanisms = OfferedSaslMechanisms();
        if (mechanisms.Count > 0)
        {
            WriteLine("SASL " + string.Join(' ', mechanisms));
        }

        WriteLine("RESP-CODES");
        WriteLine("AUTH-RESP-CODE");
        WriteLine("PIPELINING");
        WriteLine("EXPIRE NEVER");
        WriteLine("UIDL");
        if (_options.TlsAvailable && !Context.IsSecure)
        {
            WriteLine("STLS");
        }

        WriteLine("IMPLEMENTATION MailLab");
        EndMultiLine();
    }

    private void StartTls(string argument)
    {
        if (argument.Length > 0)
        {
            Reply(Pop3Responses.NoArguments("STLS"));
        }
        else if (Context.IsSecure)
        {
            Reply(Pop3Responses.TlsActive);
        }
        else if (!_options.TlsAvailable)
        {
            Reply(Pop3Responses.TlsNotAvailable);
        }
        else
        {
            Reply(Pop3Responses.BeginTls);
            PendingAction = Pop3SessionAction.StartTls;
        }
    }

    /// <summary>
    /// QUIT ends the session whatever follows it on the line. From TRANSACTION it enters UPDATE
    /// (RFC 1939 §6): the marked messages are removed, then the lock is freed.
    /// </summary>
    private void Quit()
    {
        if (State == Pop3SessionState.Transaction)
        {
            State = Pop3SessionState.Update;
            var left = CommitDeletions();
            ReleaseMaildrop();
            Reply(Pop3Responses.SigningOff(_options.HostName, left));
        }
        else
        {
            Reply(Pop3Responses.SigningOff(_options.HostName));
        }

        PendingAction = Pop3SessionAction.Close;
    }

    /// <summary>The line as the observer may see it: PASS, the APOP digest and AUTH initial responses become ****.</summary>
    private static string Redact(string line)
    {
        var space = line.IndexOf(' ');
        if (space < 0)
        {
            return line;
        }

        var verb = line[..space];
        if (verb.Equals("PASS", StringComparison.OrdinalIgnoreCase))
        {
            return verb + " ****";
        }

        if (verb.Equals("APOP", StringComparison.OrdinalIgnoreCase))
        {
            var last = line.LastIndexOf(' ');
            return last > space ? line[..last] + " ****" : line;
        }

        if (verb.Equals("AUTH", StringComparison.OrdinalIgnoreCase))
        {
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} ****" : line;
        }

        return line;
    }
}
