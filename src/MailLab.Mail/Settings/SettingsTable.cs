namespace MailLab.Mail.Settings;

/// <summary>
/// A settings group's one table: its rows in the order the property sheet and the topology file show
/// them, the rules between settings (checked once every change of a set is in, so raising two related
/// limits in one go works), and other spellings of names. Names are case-insensitive and may carry a
/// section prefix (<c>limits.maxMessageSizeKb</c>); an unknown name is reported with every valid one.
/// </summary>
public sealed class SettingsTable<TSetting, TSnapshot>(
    IReadOnlyList<TSetting> rows,
    IReadOnlyList<SettingRule<TSnapshot>> rules,
    IReadOnlyDictionary<string, string> aliases,
    IReadOnlyList<string> prefixes,
    Func<TSetting, string> groupOf)
    where TSetting : Setting<TSnapshot>
{
    public IReadOnlyList<TSetting> All => rows;

    /// <summary>Finds a setting by name; throws with the list of valid names (and the closest one) otherwise.</summary>
    public TSetting Find(string name)
    {
        var key = name.Trim();
        var prefix = prefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null)
        {
            key = key[prefix.Length..];
        }

        if (aliases.TryGetValue(key, out var canonical))
        {
            key = canonical;
        }

        var found = rows.FirstOrDefault(s => s.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return found;
        }

        var closest = Closest(key);
        var groups = rows.GroupBy(groupOf).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Name))}");
        throw new InvalidSettingException(
            name,
            $"Unknown setting \"{name}\"{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}. Valid settings are {string.Join("; ", groups)}.");
    }

    /// <summary>
    /// The change that sets every named setting from its text, all or nothing: the first unknown name
    /// or bad value throws before anything is changed.
    /// </summary>
    public Func<TSnapshot, TSnapshot> Change(IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        var settings = changes.Select(c => Find(c.Key)).ToArray();
        var values = settings.Select((s, i) => s.Type.Parse(s.Name, changes[i].Value)).ToArray();
        return snapshot =>
        {
            for (var i = 0; i < settings.Length; i++)
            {
                snapshot = settings[i].With(snapshot, values[i]);
            }

            return snapshot;
        };
    }

    /// <summary>The first setting out of its range, or rule between settings broken, as "setting must …"; null when the set is valid.</summary>
    public string? Validate(TSnapshot settings)
    {
        foreach (var setting in rows)
        {
            if (setting.Type.Check(setting.Read(settings)) is { } problem)
            {
                return $"{setting.Name} {problem}";
            }
        }

        return rules.Where(r => !r.Holds(settings)).Select(r => $"{r.Setting} {r.Rule}").FirstOrDefault();
    }

    /// <summary>A likely meant name: a near miss by edit distance, or one name inside the other ("maxRecipients").</summary>
    private string? Closest(string typed) =>
        Topology.KeySuggester.Closest(typed, rows.Select(s => s.Name))
        ?? (typed.Length >= 4 ? rows.Select(s => s.Name).FirstOrDefault(n => n.Contains(typed, StringComparison.OrdinalIgnoreCase) || typed.Contains(n, StringComparison.OrdinalIgnoreCase)) : null);
}

/// <summary>A rule between settings: the setting it is reported against, whether a snapshot keeps it, and what it says ("must be at least maxMessageSizeKb").</summary>
public sealed record SettingRule<TSnapshot>(string Setting, Func<TSnapshot, bool> Holds, string Rule);
