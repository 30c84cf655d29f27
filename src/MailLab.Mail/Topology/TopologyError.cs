namespace MailLab.Mail.Topology;

/// <summary>
/// One problem in a topology file: where it is (file, 1-based line and column), which field
/// (a path such as <c>hosts[0].smtp.virtualServers[0].port</c>) and what is wrong with it.
/// </summary>
public sealed record TopologyError(string Source, int Line, int Column, string Field, string Reason)
{
    /// <summary><c>FILE:LINE:COLUMN: field 'PATH': REASON</c>, the way compilers report errors.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
        return Field.Length > 0 ? $"{where}: field '{Field}': {Reason}" : $"{where}: {Reason}";
    }
}
