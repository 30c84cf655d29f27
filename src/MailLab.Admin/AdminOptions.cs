namespace MailLab.Admin;

/// <summary>
/// The options given to one admin command, as <see cref="AdminGrammar"/> parsed them: <c>--host</c>
/// and the command's own (a flag is present with no value).
/// </summary>
public sealed class AdminOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string? Host => Value("--host");

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public void Set(string name, string? value) => _values[name] = value;

    /// <summary>A whole-number option from <paramref name="min"/> to 65535, or null when absent.</summary>
    public int? Port(string name, int min)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port >= min && port <= 65535
            ? port
            : throw new AdminCommandException($"{name} \"{text}\" is not a TCP port: use {min} to 65535.");
    }

    public string Required(string name, string example) =>
        Value(name) ?? throw new AdminCommandException($"{name} is required, e.g. {name} {example}.");
}
