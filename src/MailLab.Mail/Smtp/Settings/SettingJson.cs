using System.Globalization;
using System.Text.Json;
using MailLab.Mail.Settings;

namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// Settings as the admin API's JSON has them: a number, a boolean, a string, a list, or null for
/// "no limit" / "none"; and back to the text form the table reads (so a JSON value and a typed
/// command-line value go through the same checks).
/// </summary>
public static class SettingJson
{
    /// <summary>The settings of each property-sheet tab: tab (general, access, messages, delivery, ldapRouting) → name → value.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> ByTab(SmtpVirtualServer server) => ByTab(server.Settings);

    /// <summary>One snapshot's settings by tab (one snapshot: the answer never mixes two versions).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> ByTab(VirtualServerSnapshot server) =>
        VirtualServerSettings.All
            .GroupBy(s => s.Tab)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => SettingNames.Camel(g.Key.ToString()),
                g => (IReadOnlyDictionary<string, object?>)g.ToDictionary(s => s.Name, s => Value(s, server)));

    /// <summary>The typed value of one setting.</summary>
    public static object? Value(VirtualServerSetting setting, SmtpVirtualServer server) => Value(setting, server.Settings);

    /// <summary>The typed value of one setting in a snapshot (of any settings group).</summary>
    public static object? Value<TSnapshot>(Setting<TSnapshot> setting, TSnapshot settings)
    {
        var text = setting.Get(settings);
        return setting.Kind switch
        {
            SettingKind.Boolean => text == "true",
            SettingKind.Number => SettingValue.IsNull(text) ? null : Number(text),
            SettingKind.Text => SettingValue.IsNull(text) ? null : text,
            SettingKind.TextList => SettingValue.List(text).ToArray(),
            _ => SettingValue.List(text).Select(Number).ToArray(),
        };
    }

    /// <summary>A group's settings by name, in table order, from one snapshot.</summary>
    public static IReadOnlyDictionary<string, object?> ByName<TSnapshot>(IEnumerable<Setting<TSnapshot>> settings, TSnapshot snapshot) =>
        settings.ToDictionary(s => s.Name, s => Value(s, snapshot));

    /// <summary>The text form of a JSON value: strings as they are, numbers and booleans as written, lists comma-separated.</summary>
    public static string ToText(string setting, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(e => e.ValueKind is JsonValueKind.Array or JsonValueKind.Object
            ? throw Nested(setting)
            : ToText(setting, e))),
        _ => throw Nested(setting),
    };

    private static InvalidSettingException Nested(string setting) =>
        new(setting, $"\"{setting}\" takes a number, true/false, a string, null or a list of those, not an object.");

    private static object Number(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
