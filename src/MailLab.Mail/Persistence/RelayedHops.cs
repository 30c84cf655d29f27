using System.Text;

namespace MailLab.Mail.Persistence;

/// <summary>
/// A relay's bounded memory of queue entries that have left its queue (relayed on, or bounced), by
/// the previous hop that sent them (<see cref="Stores.StoredMessage.PreviousHop"/>) and recipient:
/// <c>&lt;mailroot&gt;/relayed.log</c>, one line per entry, <c>server/id TAB rcpt rcpt…</c>. A line
/// is appended and fsynced before the entry's Queue files are deleted, so that a message is always
/// either in the queue or in this record; a previous hop that crashed before recording our 250
/// and sends the same entry again is then answered 250 without queueing it twice. The newest
/// <see cref="Capacity"/> entries are kept; the file is rewritten to them when it has twice as many.
/// </summary>
internal sealed class RelayedHops(string path)
{
    public const string FileName = "relayed.log";

    /// <summary>How many entries are remembered: far more than a crash leaves in flight.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<(string Hop, string[] Recipients)> _order = new();
    private readonly Dictionary<string, List<string[]>> _byHop = new(StringComparer.OrdinalIgnoreCase);
    private int _lines;

    /// <summary>Reads the record back; a last line cut short by a crash is dropped and the file rewritten without it.</summary>
    public void Load()
    {
        if (!File.Exists(path))
        {
            return;
        }

        var text = File.ReadAllText(path);
        var torn = text.Length > 0 && !text.EndsWith('\n');
        var lines = text.Split('\n');
        foreach (var line in lines.Take(lines.Length - 1)) // the last is empty, or the torn line
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                Remember(line[..tab], line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        _lines = _order.Count;
        if (torn)
        {
            Compact();
        }
    }

    /// <summary>Records a queue entry that leaves the queue, durably, before its files go.</summary>
    public void Record(string hop, IReadOnlyList<string> recipients)
    {
        var line = $"{hop}\t{string.Join(' ', recipients)}\n";
        lock (_gate)
        {
            DurableFile.Append(path, Encoding.UTF8.GetBytes(line));
            Remember(hop, [.. recipients]);
            if (++_lines > 2 * Capacity)
            {
                Compact();
            }
        }
    }

    /// <summary>True when an entry from this previous hop for this recipient has already left the queue.</summary>
    public bool Contains(string hop, string recipient)
    {
        lock (_gate)
        {
            return _byHop.TryGetValue(hop, out var entries)
                && entries.Exists(r => r.Contains(recipient, StringComparer.OrdinalIgnoreCase));
        }
    }

    private void Remember(string hop, string[] recipients)
    {
        _order.Enqueue((hop, recipients));
        if (!_byHop.TryGetValue(hop, out var entries))
        {
            _byHop[hop] = entries = [];
        }

        entries.Add(recipients);
        while (_order.Count > Capacity)
        {
            var (oldHop, oldRecipients) = _order.Dequeue();
            var list = _byHop[oldHop];
            list.Remove(oldRecipients);
            if (list.Count == 0)
            {
                _byHop.Remove(oldHop);
            }
        }
    }

    private void Compact()
    {
        var text = new StringBuilder();
        foreach (var (hop, recipients) in _order)
        {
            text.Append(hop).Append('\t').AppendJoin(' ', recipients).Append('\n');
        }

        DurableFile.Write(path, [], Encoding.UTF8.GetBytes(text.ToString()));
        _lines = _order.Count;
    }
}
