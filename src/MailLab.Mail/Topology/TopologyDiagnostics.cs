using YamlDotNet.Core;

namespace MailLab.Mail.Topology;

/// <summary>Collects the errors of one load, so that a file with several mistakes reports them all at once.</summary>
internal sealed class TopologyDiagnostics(string source)
{
    private readonly List<TopologyError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public void Add(Mark at, string field, string reason) =>
        _errors.Add(new TopologyError(source, (int)at.Line, (int)at.Column, field, reason));

    /// <summary>The errors in file order (line, then column).</summary>
    public IReadOnlyList<TopologyError> Sorted() =>
        _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
}
