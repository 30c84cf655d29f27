using YamlDotNet.Core;

namespace MailLab.Mail.Topology;

/// <summary>
/// Collects the errors of one load, so that a file with several mistakes reports them all at once;
/// past <see cref="MaxReported"/> only the first in file order are kept and the rest are counted,
/// so a file with a million mistakes costs no more than one with a hundred.
/// </summary>
internal sealed class TopologyDiagnostics(string source)
{
    public const int MaxReported = 100;

    // The latest in file order on top, to be dropped when one more comes in.
    private readonly PriorityQueue<TopologyError, (int Line, int Column, int Order)> _first =
        new(Comparer<(int Line, int Column, int Order)>.Create((a, b) => b.CompareTo(a)));

    private int _count;

    public bool HasErrors => _count > 0;

    public void Add(Mark at, string field, string reason)
    {
        var error = new TopologyError(source, (int)at.Line, (int)at.Column, field, reason);
        _first.Enqueue(error, (error.Line, error.Column, _count++));
        if (_first.Count > MaxReported)
        {
            _first.Dequeue();
        }
    }

    /// <summary>The errors in file order (line, then column), and a last line counting those left out.</summary>
    public IReadOnlyList<TopologyError> Sorted()
    {
        var errors = _first.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element).ToList();
        if (_count > errors.Count)
        {
            errors.Add(new TopologyError(source, 0, 0, "", $"and {_count - errors.Count} more errors after line {errors[^1].Line}"));
        }

        return errors;
    }
}
