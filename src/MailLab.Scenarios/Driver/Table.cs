namespace MailLab.Scenarios.Driver;

/// <summary>A step's data table: the header row, then the rows, each cell as written (outline placeholders filled in).</summary>
public sealed class Table
{
    public Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows.ToArray();
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>A table from its rows, header first; null when there are none.</summary>
    public static Table? FromRows(IReadOnlyList<IReadOnlyList<string>> rows) =>
        rows.Count == 0 ? null : new Table(rows[0], rows.Skip(1));
}
