using System.Globalization;
using MailLab.Mail.Settings;

namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// The Database tab's "Maintenance interval": when the Information Store runs online maintenance on
/// the store (the store's activationSchedule attribute; ExBPA warns when it is "Never" and
/// recommends at least four hours a day, docs/EXCHANGE-2003.md [134]). ESM offers four-hour daily
/// blocks in a drop-down and a Customize schedule grid [133] (Exchange 5.5's grid had 15-minute
/// steps, docs/EXCHANGE-2003.md [153]). MailLab keeps one daily window "HH:MM-HH:MM" (minutes in
/// 15-minute steps; the end may be past midnight), "always" or "never". The default is the one
/// source found: "the default Exchange maintenance schedule allows it to perform maintenance on all
/// stores from midnight to 4:00 A.M. nightly" (Windows IT Pro [133], third-party; no Microsoft page
/// giving the default was found, and "1:00 AM to 5:00 AM" was not). The interval is stored and
/// shown; online maintenance itself does nothing in MailLab.
/// </summary>
public static class MaintenanceInterval
{
    public const string Default = "00:00-04:00";
    public const string Always = "always";
    public const string Never = "never";

    public static TextRule Rule { get; } = new(IsValid,
        "a daily window HH:MM-HH:MM (minutes 00, 15, 30 or 45; start and end differ), \"always\" or \"never\"",
        "is not a daily window HH:MM-HH:MM, \"always\" or \"never\"");

    public static bool IsValid(string text) =>
        text is Always or Never || (Window(text) is var (from, to) && from != to);

    /// <summary>The window's start and end as minutes after midnight; null when the text is not one.</summary>
    public static (int From, int To)? Window(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2 && Minutes(parts[0]) is { } from && Minutes(parts[1]) is { } to ? (from, to) : null;
    }

    private static int? Minutes(string time) =>
        time.Length == 5 && time[2] == ':'
        && int.TryParse(time.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours < 24
        && int.TryParse(time.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes % 15 == 0 && minutes < 60
            ? hours * 60 + minutes
            : null;
}
