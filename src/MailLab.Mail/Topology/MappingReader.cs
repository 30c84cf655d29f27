using System.Globalization;
using System.Net;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads one YAML mapping of a topology file: rejects unknown keys (suggesting the closest valid
/// one), and reads typed values, reporting every problem with its line and field path instead of
/// stopping at the first. Each <c>TryX</c> returns true only when the key is present and valid.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private MappingReader(Mark start, string path, TopologyDiagnostics diagnostics)
    {
        Start = start;
        Path = path;
        Diagnostics = diagnostics;
    }

    /// <summary>Where the mapping starts (for errors about missing keys).</summary>
    public Mark Start { get; }

    /// <summary>The field path of the mapping itself, e.g. <c>hosts[0].smtp</c> ("" for the file).</summary>
    public string Path { get; }

    public TopologyDiagnostics Diagnostics { get; }

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping with these keys. An empty value (<c>limits:</c>)
    /// reads as an empty mapping; anything else that is not a mapping is reported and gives null.
    /// </summary>
    public static MappingReader? Open(YamlNode node, string path, TopologyDiagnostics diagnostics, IReadOnlyCollection<string> keys)
    {
        var reader = new MappingReader(node.Start, path, diagnostics);
        if (IsNull(node))
        {
            return reader;
        }

        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(node.Start, path, $"must be a mapping (key: value) with keys such as {string.Join(", ", keys)}");
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                diagnostics.Add(keyNode.Start, path, "keys must be plain names");
                continue;
            }

            if (!keys.Contains(key))
            {
                var suggestion = KeySuggester.Closest(key, keys);
                diagnostics.Add(keyNode.Start, reader.FieldOf(key), suggestion is null
                    ? $"unknown key '{key}'; expected one of: {string.Join(", ", keys)}"
                    : $"unknown key '{key}'; did you mean '{suggestion}'?");
                continue;
            }

            reader._values[key] = value;
        }

        return reader;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Value(string key) => _values.GetValueOrDefault(key);

    /// <summary>The field path of one key: <c>hosts[0].name</c>.</summary>
    public string FieldOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Reports a problem with a key's value (at the value, or at the mapping when the key is missing).</summary>
    public void Error(string key, string reason) =>
        Diagnostics.Add(_values.TryGetValue(key, out var node) ? node.Start : Start, FieldOf(key), reason);

    /// <summary>A required key: reports "is required" when it is missing.</summary>
    public bool Require(string key)
    {
        if (Has(key))
        {
            return true;
        }

        Error(key, "is required");
        return false;
    }

    public bool TryString(string key, out string value)
    {
        value = "";
        if (!TryScalar(key, out var scalar))
        {
            return false;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(key, "must not be empty");
            return false;
        }

        value = scalar.Value;
        return true;
    }

    /// <summary>
    /// One of <paramref name="words"/> (case does not matter) as its index; any other word is reported with
    /// the list (<see cref="Text.WordList.Either"/>). The one reader of a word for states, types and choices.
    /// </summary>
    public bool TryWord(string key, IReadOnlyList<string> words, out int index)
    {
        index = -1;
        if (!TryString(key, out var text))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
                return true;
            }
        }

        Error(key, $"must be {Text.WordList.Either(words)}, not '{text}'");
        return false;
    }

    /// <summary>A string that may be <c>null</c> (an unset IIS box).</summary>
    public bool TryNullableString(string key, out string? value)
    {
        value = null;
        if (!TryScalar(key, out var scalar))
        {
            return false;
        }

        value = IsNull(scalar) ? null : scalar.Value;
        return true;
    }

    public bool TryBool(string key, out bool value)
    {
        value = false;
        if (!TryNonNullScalar(key, out var text))
        {
            return false;
        }

        if (bool.TryParse(text, out value))
        {
            return true;
        }

        Error(key, $"must be true or false, not '{text}'");
        return false;
    }

    public bool TryInt(string key, int min, int max, out int value)
    {
        value = 0;
        if (!TryNonNullScalar(key, out var text))
        {
            return false;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            Error(key, $"must be a whole number, not '{text}'");
            return false;
        }

        if (value < min || value > max)
        {
            Error(key, max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
            return false;
        }

        return true;
    }

    /// <summary>A whole number or <c>null</c> (unlimited). Ranges are the caller's (the model's) to check.</summary>
    public bool TryNullableLong(string key, out long? value)
    {
        value = null;
        if (!TryScalar(key, out var scalar))
        {
            return false;
        }

        if (IsNull(scalar))
        {
            return true;
        }

        if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        Error(key, $"must be a whole number or null (no limit), not '{scalar.Value}'");
        return false;
    }

    public bool TryNullableInt(string key, out int? value)
    {
        value = null;
        if (!TryNullableLong(key, out var wide))
        {
            return false;
        }

        if (wide is < int.MinValue or > int.MaxValue)
        {
            Error(key, $"must be at most {int.MaxValue}");
            return false;
        }

        value = (int?)wide;
        return true;
    }

    /// <summary>A number of minutes, hours or milliseconds (fractions allowed).</summary>
    public bool TryNumber(string key, double min, bool minExclusive, out double value)
    {
        value = 0;
        if (!TryNonNullScalar(key, out var text))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            Error(key, $"must be a number, not '{text}'");
            return false;
        }

        if (minExclusive ? value <= min : value < min)
        {
            Error(key, minExclusive ? $"must be greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"must be at least {min.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }

        return true;
    }

    public bool TryAddress(string key, out IPAddress address)
    {
        address = IPAddress.None;
        if (!TryNonNullScalar(key, out var text))
        {
            return false;
        }

        if (NameRules.TryParseAddress(text, out address))
        {
            return true;
        }

        Error(key, $"'{text}' is not an IP address");
        return false;
    }

    /// <summary>The items of a list (none when the key is missing or empty), each with its field path.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Items(string key)
    {
        if (!_values.TryGetValue(key, out var node) || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(key, "must be a list (lines starting with '- ', or [a, b])");
            return [];
        }

        return sequence.Children.Select((item, i) => (item, $"{FieldOf(key)}[{i}]")).ToArray();
    }

    /// <summary>A nested mapping; an empty one when the key is missing.</summary>
    public MappingReader? Mapping(string key, IReadOnlyCollection<string> keys) =>
        _values.TryGetValue(key, out var node)
            ? Open(node, FieldOf(key), Diagnostics, keys)
            : new MappingReader(Start, FieldOf(key), Diagnostics);

    /// <summary>True for YAML's null: an empty value, <c>~</c> or <c>null</c>, unquoted.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Reads a list item that must be a text value (an access rule, a host name).</summary>
    public static bool TryItemString(YamlNode node, string path, TopologyDiagnostics diagnostics, out string value)
    {
        value = "";
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            diagnostics.Add(node.Start, path, "must be a text value");
            return false;
        }

        value = scalar.Value ?? "";
        return true;
    }

    private bool TryScalar(string key, out YamlScalarNode scalar)
    {
        scalar = null!;
        if (!_values.TryGetValue(key, out var node))
        {
            return false;
        }

        if (node is not YamlScalarNode found)
        {
            Error(key, "must be a single value, not a list or mapping");
            return false;
        }

        scalar = found;
        return true;
    }

    private bool TryNonNullScalar(string key, out string text)
    {
        text = "";
        if (!TryScalar(key, out var scalar))
        {
            return false;
        }

        if (IsNull(scalar))
        {
            Error(key, "must have a value");
            return false;
        }

        text = scalar.Value ?? "";
        return true;
    }
}
