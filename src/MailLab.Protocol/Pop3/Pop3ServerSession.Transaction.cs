using System.Globalization;

namespace MailLab.Protocol.Pop3;

/// <summary>
/// The TRANSACTION state (RFC 1939 §5): STAT, LIST, RETR, DELE, NOOP, RSET, TOP and UIDL. A
/// deleted message is only marked; it disappears from every listing at once, but the maildrop
/// loses it only in UPDATE.
/// </summary>
public sealed partial class Pop3ServerSession
{
    private IPop3Maildrop? _maildrop;
    private bool[] _deleted = [];
    private int _multiLineStart;
    private string? _multiLineStatus;

    private IPop3Maildrop Maildrop => _maildrop ?? throw new InvalidOperationException("No maildrop is open.");

    private void Stat(string argument)
    {
        if (argument.Length > 0)
        {
            Reply(Pop3Responses.NoArguments("STAT"));
            return;
        }

        // RFC 1939 §5: exactly "+OK nn mm"; messages marked as deleted are not counted.
        var (count, octets) = Totals();
        Reply(Pop3Responses.Stat(count, octets));
    }

    private void List(string argument)
    {
        var args = Arguments(argument);
        if (args.Length > 1)
        {
            Reply(Pop3Responses.Syntax("LIST [msg]"));
            return;
        }

        if (args.Length == 1)
        {
            if (TryGetMessage(args[0], out var index))
            {
                Reply(Pop3Responses.ScanLine(index + 1, Maildrop.SizeOf(index)));
            }

            return;
        }

        var (count, octets) = Totals();
        BeginMultiLine(Pop3Responses.ScanListing(count, octets));
        for (var i = 0; i < _deleted.Length; i++)
        {
            if (!_deleted[i])
            {
                WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1} {Maildrop.SizeOf(i)}"));
            }
        }

        EndMultiLine();
    }

    private void Retrieve(string argument)
    {
        var args = Arguments(argument);
        if (args.Length != 1)
        {
            Reply(Pop3Responses.Syntax("RETR msg"));
            return;
        }

        if (!TryGetMessage(args[0], out var index) || IsExpunged(index))
        {
            return;
        }

        BeginMultiLine(Pop3Responses.Retrieving(Maildrop.SizeOf(index)));
        Pop3MultiLineWriter.WriteStuffed(Maildrop.Content(index).Span, _output);
        EndMultiLine();
    }

    private void Delete(string argument)
    {
        var args = Arguments(argument);
        if (args.Length != 1)
        {
            Reply(Pop3Responses.Syntax("DELE msg"));
            return;
        }

        if (TryGetMessage(args[0], out var index))
        {
            _deleted[index] = true;
            Reply(Pop3Responses.Deleted(index + 1));
        }
    }

    private void Noop(string argument) =>
        Reply(argument.Length > 0 ? Pop3Responses.NoArguments("NOOP") : Pop3Responses.Ok);

    /// <summary>RFC 1939 §5 RSET: every deletion mark is removed.</summary>
    private void Reset(string argument)
    {
        if (argument.Length > 0)
        {
            Reply(Pop3Responses.NoArguments("RSET"));
            return;
        }

        Array.Clear(_deleted);
        var (count, octets) = Totals();
        Reply(Pop3Responses.MaildropSummary(count, octets));
    }

    /// <summary>RFC 1939 §7 TOP msg n: the header, the empty line, and the first n lines of the body.</summary>
    private void Top(string argument)
    {
        var args = Arguments(argument);
        if (args.Length != 2)
        {
            Reply(Pop3Responses.Syntax("TOP msg n"));
            return;
        }

        if (!TryGetMessage(args[0], out var index) || IsExpunged(index))
        {
            return;
        }

        if (!TryParseNumber(args[1], out var lines))
        {
            Reply(Pop3Responses.InvalidLineCount);
            return;
        }

        var content = Maildrop.Content(index).Span;
        BeginMultiLine(Pop3Responses.Ok);
        Pop3MultiLineWriter.WriteStuffed(content[..Pop3MultiLineWriter.TopLength(content, lines)], _output);
        EndMultiLine();
    }

    private void UniqueIdListing(string argument)
    {
        var args = Arguments(argument);
        if (args.Length > 1)
        {
            Reply(Pop3Responses.Syntax("UIDL [msg]"));
            return;
        }

        if (args.Length == 1)
        {
            if (TryGetMessage(args[0], out var index))
            {
                Reply(Pop3Responses.UniqueIdLine(index + 1, Maildrop.UniqueId(index)));
            }

            return;
        }

        BeginMultiLine(Pop3Responses.Ok);
        for (var i = 0; i < _deleted.Length; i++)
        {
            if (!_deleted[i])
            {
                WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1} {Maildrop.UniqueId(i)}"));
            }
        }

        EndMultiLine();
    }

    /// <summary>A message another session (IMAP) expunged after logon: its content is gone, so -ERR.</summary>
    private bool IsExpunged(int index)
    {
        if (!Maildrop.IsExpunged(index))
        {
            return false;
        }

        Reply(Pop3Responses.Expunged(index + 1));
        return true;
    }

    /// <summary>
    /// Parses a message number (RFC 1939 §3: 1 to the size of the maildrop, never one marked as
    /// deleted) and answers -ERR when it is not usable.
    /// </summary>
    private bool TryGetMessage(string text, out int index)
    {
        index = -1;
        if (!TryParseNumber(text, out var number))
        {
            Reply(Pop3Responses.InvalidMessageNumber);
            return false;
        }

        if (number < 1 || number > _deleted.Length)
        {
            Reply(Pop3Responses.NoSuchMessage(_deleted.Length));
            return false;
        }

        if (_deleted[number - 1])
        {
            Reply(Pop3Responses.AlreadyDeleted(number));
            return false;
        }

        index = number - 1;
        return true;
    }

    /// <summary>Decimal digits only; a number too large for an int is int.MaxValue (then "no such message").</summary>
    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            number = int.MaxValue;
        }

        return true;
    }

    private static string[] Arguments(string argument) => argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Messages not marked as deleted, and their octets.</summary>
    private (int Count, long Octets) Totals()
    {
        var count = 0;
        long octets = 0;
        for (var i = 0; i < _deleted.Length; i++)
        {
            if (!_deleted[i])
            {
                count++;
                octets += Maildrop.SizeOf(i);
            }
        }

        return (count, octets);
    }

    /// <summary>UPDATE (RFC 1939 §6): hands the marked messages to the maildrop; returns how many are left.</summary>
    private int CommitDeletions()
    {
        var deleted = new List<int>();
        for (var i = 0; i < _deleted.Length; i++)
        {
            if (_deleted[i])
            {
                deleted.Add(i);
            }
        }

        Maildrop.Commit(deleted);
        return _deleted.Length - deleted.Count;
    }

    /// <summary>Frees the maildrop lock once, however the session ends.</summary>
    private void ReleaseMaildrop()
    {
        var maildrop = _maildrop;
        _maildrop = null;
        maildrop?.Release();
    }

    private void BeginMultiLine(Pop3Response status)
    {
        status.WriteTo(_output);
        _multiLineStart = _output.Count;
        _multiLineStatus = status.Line;
    }

    private void WriteLine(string text)
    {
        var span = _output.GetSpan(text.Length + 2);
        var written = System.Text.Encoding.ASCII.GetBytes(text, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        _output.Advance(written + 2);
    }

    /// <summary>RFC 1939 §3: a multi-line response ends with a line holding a single ".".</summary>
    private void EndMultiLine()
    {
        _output.Write(".\r\n"u8);
        _observer?.OnServerResponse(_multiLineStatus!, _output.Count - _multiLineStart);
        _multiLineStatus = null;
    }
}
