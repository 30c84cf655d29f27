namespace MailLab.Scenarios.Driver;

/// <summary>
/// A step's data table: the header row, then the rows, each cell as written (outline placeholders
/// filled in). Rows read by position or by column name (<c>row["address"]</c>), as SpecFlow's do.
/// </summary>
public sealed class Table
{
    public Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows.Select(r => new TableRow(this, r)).ToArray();
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>A table from its rows, header first; null when there are none.</summary>
    public static Table? FromRows(IReadOnlyList<IReadOnlyList<string>> rows) =>
        rows.Count == 0 ? null : new Table(rows[0], rows.Skip(1));
}

/// <summary>One row of a <see cref="Table"/>.</summary>
public sealed class TableRow(Table table, IReadOnlyList<string> cells) : IReadOnlyList<string>
{
    public int Count => cells.Count;

    public string this[int index] => cells[index];

    /// <summary>The cell under the header <paramref name="column"/>.</summary>
    public string this[string column]
    {
        get
        {
            var index = table.Header.ToList().IndexOf(column);
            return index >= 0 && index < cells.Count
                ? cells[index]
                : throw new ScenarioSetupException($"The table has no column \"{column}\"; its columns: {string.Join(", ", table.Header)}.");
        }
    }

    public IEnumerator<string> GetEnumerator() => cells.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
