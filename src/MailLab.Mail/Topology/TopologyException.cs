namespace MailLab.Mail.Topology;

/// <summary>A topology file that cannot be loaded. The message lists every error found, one per line.</summary>
public sealed class TopologyException : Exception
{
    public TopologyException(IReadOnlyList<TopologyError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<TopologyError> Errors { get; }
}
