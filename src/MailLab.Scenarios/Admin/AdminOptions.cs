namespace MailLab.Scenarios.Admin;

/// <summary>
/// The options of the admin commands, and which command takes which. <c>--host</c> goes with every
/// command; the New SMTP Virtual Server wizard and adding a remote domain take more.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>Options that take a value (the rest are flags).</summary>
    public static readonly IReadOnlySet<string> WithValue = new HashSet<string>(StringComparer.Ordinal)
    {
        "--host", "--ip", "--port", "--home-directory", "--default-domain", "--smart-host", "--outbound-port", "--operators",
    };

    /// <summary>The options beyond --host that a command takes.</summary>
    public static IReadOnlyList<string> Of(string command) => command switch
    {
        "smtp vs create" => ["--port PORT", "--ip IP", "--home-directory DIR", "--default-domain DOMAIN"],
        "smtp domain add" => ["--allow-relay", "--smart-host HOST", "--outbound-port PORT", "--require-tls"],
        "smtp vs security" => ["--operators LIST"],
        _ => [],
    };

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string? Host => Value("--host");

    public IEnumerable<string> Names => _values.Keys;

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public void Set(string name, string? value) => _values[name] = value;

    /// <summary>Refuses an option the command does not take, naming the ones it does.</summary>
    public void CheckFor(string command)
    {
        var allowed = Of(command);
        var unknown = Names.FirstOrDefault(n => n != "--host" && !allowed.Any(a => a.Split(' ')[0] == n));
        if (unknown is not null)
        {
            throw new AdminCommandException(allowed.Count == 0
                ? $"Unknown option \"{unknown}\": the only option is --host HOST."
                : $"Unknown option \"{unknown}\": {command} takes --host HOST, {string.Join(", ", allowed)}.");
        }
    }

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
