using System.Text;
using MailLab.Protocol.Imap.Backend;
using MailLab.Protocol.Imap.Parsing;

namespace MailLab.Protocol.Imap;

/// <summary>Framing: commands with literals (RFC 9051 §4.3, §7.5; RFC 7888), SASL lines, IDLE's DONE; dispatch through the command table.</summary>
public sealed partial class ImapServerSession
{
    private enum InputMode
    {
        Command,
        SaslResponse,
        Idle,
    }

    /// <summary>RFC 7888 §5: LITERAL- allows non-synchronising literals of at most 4096 octets.</summary>
    internal const int LiteralMinusLimit = 4096;

    /// <summary>An APPEND literal may exceed the limit by this much before the limit is checked as a whole (the margin for headers added later).</summary>
    private const long AppendMargin = 0;

    private ImapCommandFramer _framer = null!;
    private InputMode _mode = InputMode.Command;
    private string? _idleTag;

    /// <summary>Octets of an unfinished command held in memory.</summary>
    internal int BufferedOctets => _framer.BufferedOctets;

    private void InitialiseParser() => _framer = new ImapCommandFramer();

    private void ResetParser()
    {
        _framer.Reset();
        _mode = InputMode.Command;
        ResetSasl();
    }

    private void DisposeParser() => _framer.Dispose();

    private int ReceiveSome(ReadOnlySpan<byte> input)
    {
        var taken = _framer.Feed(input, _options.MaxLineLength, out var outcome);
        switch (outcome)
        {
            case FrameOutcome.Literal:
                OnLiteral();
                break;
            case FrameOutcome.Command:
                var display = _framer.Display;
                var command = _framer.TakeCommand();
                OnCommand(command, display);
                break;
            case FrameOutcome.TooLong:
                OnTooLong();
                break;
        }

        return taken;
    }

    private void OnCommand(byte[] command, string display)
    {
        switch (_mode)
        {
            case InputMode.SaslResponse:
                _observer?.OnClientLine("****");
                ContinueSasl(LineText(command));
                return;
            case InputMode.Idle:
                _observer?.OnClientLine(display);
                EndIdle(LineText(command));
                return;
            default:
                Execute(command, display);
                return;
        }
    }

    private static string LineText(byte[] command) => Encoding.UTF8.GetString(command);

    /// <summary>
    /// A line ended with a literal announcement. A synchronising literal gets <c>+</c> when it is
    /// accepted; one that is too large is refused before the client sends it (RFC 9051 §7.5,
    /// RFC 7889 §4: APPEND gets <c>NO [TOOBIG]</c>), which ends the command. A non-synchronising
    /// literal is already on its way, so one too large ends the connection (RFC 7888 §4).
    /// </summary>
    private void OnLiteral()
    {
        var literal = _framer.Literal;
        if (_mode != InputMode.Command)
        {
            // A SASL response or DONE has no literals: take the line as it is.
            var display = _framer.Display;
            OnCommand(_framer.TakeCommand(), display);
            return;
        }

        var (tag, verb) = _framer.PeekTagAndVerb();
        var isAppend = verb == "APPEND";
        var limit = isAppend ? EffectiveAppendLimit() + AppendMargin : _options.MaxLiteralSize;
        if (literal.NonSynchronising && _options.LiteralMinus && literal.Size > LiteralMinusLimit)
        {
            _observer?.OnClientLine(_framer.Display);
            _framer.Abandon();
            WriteLine($"{tag ?? "*"} BAD [TOOBIG] non-synchronising literals are limited to {LiteralMinusLimit} octets (LITERAL-)");
            WriteLine("* BYE literal too large");
            Close();
            return;
        }

        if (literal.Size > limit)
        {
            _observer?.OnClientLine(_framer.Display);
            _framer.Abandon();
            var text = isAppend
                ? $"{tag ?? "*"} NO [TOOBIG] message exceeds the size limit of {limit} octets"
                : $"{tag ?? "*"} BAD [TOOBIG] literal exceeds {limit} octets";
            WriteLine(text);
            if (literal.NonSynchronising)
            {
                WriteLine("* BYE literal too large");
                Close();
            }

            return;
        }

        _framer.AcceptLiteral();
        if (!literal.NonSynchronising)
        {
            WriteLine("+ Ready for literal data");
        }
    }

    /// <summary>A command line past <see cref="ImapServerOptions.MaxLineLength"/> was discarded; answer its tag.</summary>
    private void OnTooLong()
    {
        var tag = _framer.DiscardedTag;
        _observer?.OnClientLine("(command line too long, discarded)");
        if (_mode == InputMode.SaslResponse)
        {
            ResetSasl();
            WriteLine($"{_saslTag} BAD SASL response too long");
            return;
        }

        if (_mode == InputMode.Idle)
        {
            EndIdle(string.Empty);
            return;
        }

        WriteLine($"{tag ?? "*"} BAD command line too long (limit {_options.MaxLineLength} octets)");
    }

    private void Execute(byte[] command, string display)
    {
        var reader = new ImapReader(command);
        if (reader.AtEnd)
        {
            _observer?.OnClientLine(display);
            WriteLine("* BAD empty command line");
            return;
        }

        string tag;
        string verb;
        try
        {
            tag = reader.ReadTag();
            reader.Space();
        }
        catch (ImapSyntaxException)
        {
            _observer?.OnClientLine(display);
            WriteLine("* BAD missing or invalid tag");
            return;
        }

        try
        {
            verb = reader.ReadAtom("a command").ToUpperInvariant();
            if (verb == "UID" && reader.TryConsume(' '))
            {
                verb += " " + reader.ReadAtom("a UID command").ToUpperInvariant();
            }
        }
        catch (ImapSyntaxException e)
        {
            _observer?.OnClientLine(display);
            WriteLine($"{tag} BAD {e.Message}");
            return;
        }

        _observer?.OnClientLine(Redact(display, verb, tag));
        if (!ImapCommandTable.TryGet(verb, out var entry) || (entry.Capability is { } capability && !CapabilityOn(capability)))
        {
            WriteLine($"{tag} BAD unknown command {verb}");
            return;
        }

        if (!entry.States.Allows(State))
        {
            WriteLine($"{tag} BAD {ImapCommandTable.WrongState(verb, entry.States, State)}");
            return;
        }

        var argumentsStart = reader.Position;
        try
        {
            entry.Run(this, tag, reader);
        }
        catch (ImapSyntaxException e)
        {
            _ = argumentsStart;
            WriteLine($"{tag} BAD {verb}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A store failure must not end the session without an answer (RFC 5530 SERVERBUG).
            WriteLine($"{tag} NO [SERVERBUG] internal error: {e.GetType().Name}");
        }
    }

    /// <summary>LOGIN's password and AUTHENTICATE's initial response are not shown (as MailKit's protocol logger hides them).</summary>
    private static string Redact(string display, string verb, string tag)
    {
        if (verb == "LOGIN")
        {
            var parts = display.Split(' ', 4);
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]} ****" : display;
        }

        if (verb == "AUTHENTICATE")
        {
            var parts = display.Split(' ', 4);
            return parts.Length == 4 ? $"{parts[0]} {parts[1]} {parts[2]} ****" : display;
        }

        _ = tag;
        return display;
    }

    private long EffectiveAppendLimit()
    {
        var limit = _options.MaxLiteralSize;
        if (_options.AppendLimit is { } configured)
        {
            limit = Math.Min(limit, configured);
        }

        if (_account?.AppendLimit is { } account)
        {
            limit = Math.Min(limit, account);
        }

        return limit;
    }

    private void WriteLine(string line)
    {
        _output.Write(Encoding.UTF8.GetBytes(line + "\r\n"));
        _observer?.OnServerLine(line);
    }

    private ImapResponseBuilder Response() => new(_output, Utf8Names);

    private void End(ImapResponseBuilder w) => w.End(_observer);

    private static string CodeText(ImapResponseCode code) => code switch
    {
        ImapResponseCode.AlreadyExists => "[ALREADYEXISTS] ",
        ImapResponseCode.NonExistent => "[NONEXISTENT] ",
        ImapResponseCode.Cannot => "[CANNOT] ",
        ImapResponseCode.InUse => "[INUSE] ",
        ImapResponseCode.OverQuota => "[OVERQUOTA] ",
        ImapResponseCode.TooBig => "[TOOBIG] ",
        ImapResponseCode.TryCreate => "[TRYCREATE] ",
        ImapResponseCode.NoPerm => "[NOPERM] ",
        ImapResponseCode.Limit => "[LIMIT] ",
        ImapResponseCode.ServerBug => "[SERVERBUG] ",
        ImapResponseCode.Unavailable => "[UNAVAILABLE] ",
        _ => string.Empty,
    };

    private void No(string tag, ImapResult result, string fallback) =>
        WriteLine($"{tag} NO {CodeText(result.Code)}{result.Text ?? fallback}");
}
