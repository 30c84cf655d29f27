using System.Globalization;

namespace MailLab.Mail.Settings;

/// <summary>Reads the text of a setting's value the way the topology file writes it (and a few friendly forms).</summary>
internal static class SettingValue
{
    private static readonly string[] NullWords = ["null", "none", "unlimited", "no limit", "нет ограничения", "без ограничений"];
    private static readonly string[] TrueWords = ["true", "yes", "on", "1", "да", "вкл"];
    private static readonly string[] FalseWords = ["false", "no", "off", "0", "нет", "выкл"];

    public static bool IsNull(string text) =>
        text.Trim().Length == 0 || NullWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    public static bool Bool(string name, string text)
    {
        var t = text.Trim();
        if (TrueWords.Contains(t, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return FalseWords.Contains(t, StringComparer.OrdinalIgnoreCase)
            ? false
            : throw Invalid(name, text, "true or false");
    }

    public static long Long(string name, string text, long min) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw Invalid(name, text, $"a whole number of at least {min}");

    public static int Int(string name, string text, int min, int max = int.MaxValue) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(name, text, max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");

    public static long? NullableLong(string name, string text, long min) => IsNull(text) ? null : Long(name, text, min);

    public static int? NullableInt(string name, string text, int min) => IsNull(text) ? null : Int(name, text, min);

    /// <summary>A positive number (minutes, hours), decimals allowed.</summary>
    public static double Positive(string name, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0
            ? value
            : throw Invalid(name, text, "a number greater than 0");

    public static string? NullableText(string text) => IsNull(text) ? null : text.Trim();

    /// <summary>A list written "15, 30, 60" or "[15, 30, 60]"; "[]" or "" is empty.</summary>
    public static IReadOnlyList<string> List(string text) =>
        text.Trim().TrimStart('[').TrimEnd(']').Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string FormatNumber(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What a write-only setting (a password) shows instead of its value; given back, it keeps the value.</summary>
    public const string Mask = "********";

    public static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    public static InvalidSettingException Invalid(string name, string text, string expected) =>
        new(name, $"\"{text}\" is not a valid value for \"{name}\": expected {expected}.");
}
