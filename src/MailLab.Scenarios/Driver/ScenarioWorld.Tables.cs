namespace MailLab.Scenarios.Driver;

/// <summary>
/// The data-table forms of the Givens and Whens: several mailboxes, settings or messages in one
/// step. Columns are found by their header (English or Russian), else taken in order.
/// </summary>
public sealed partial class ScenarioWorld
{
    public async Task CreateMailboxesAsync(Table table)
    {
        foreach (var (address, password) in Pairs(table, ["address", "mailbox", "адрес", "почтовый ящик"], ["password", "пароль"]))
        {
            await CreateMailboxAsync(address, password).ConfigureAwait(false);
        }
    }

    public async Task CreatePop3MailboxesAsync(Table table)
    {
        foreach (var (address, password) in Pairs(table, ["address", "mailbox", "адрес", "почтовый ящик"], ["password", "пароль"]))
        {
            await CreatePop3MailboxAsync(address, password).ConfigureAwait(false);
        }
    }

    public async Task SetSettingsAsync(string host, string virtualServer, Table table)
    {
        foreach (var (setting, value) in Pairs(table, ["setting", "name", "параметр", "имя"], ["value", "значение"]))
        {
            await SetSettingAsync(host, virtualServer, setting, value).ConfigureAwait(false);
        }
    }

    /// <summary>Each row is one message from <paramref name="from"/> (recipients comma-separated, as in the one-message step).</summary>
    public async Task SendMessagesAsync(string from, Table table)
    {
        var notes = new List<string>();
        foreach (var (to, subject) in Pairs(table, ["to", "recipient", "recipients", "кому", "получатель", "получатели"], ["subject", "тема"]))
        {
            await SendMessageAsync(from, to, subject).ConfigureAwait(false);
            notes.AddRange(_notes);
            _notes.Clear();
        }

        _notes.AddRange(notes);
    }

    /// <summary>The two columns of a table, by header name when it has one of the names, else the first two.</summary>
    private static IEnumerable<(string First, string Second)> Pairs(Table table, string[] firstNames, string[] secondNames)
    {
        var header = table.Header.ToArray();
        if (header.Length < 2)
        {
            throw new ScenarioSetupException($"The table needs two columns ({firstNames[0]} and {secondNames[0]}); it has {header.Length}.");
        }

        var first = Column(header, firstNames) ?? 0;
        var second = Column(header, secondNames) ?? (first == 1 ? 0 : 1);
        return table.Rows.Select(r => (r[first].Trim(), r[second].Trim())).ToArray();
    }

    private static int? Column(string[] header, string[] names)
    {
        var index = Array.FindIndex(header, h => names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }
}
