namespace MailLab.Mail.Smtp.Settings;

/// <summary>
/// The property sheet's layout as the settings table places each setting (<see cref="VirtualServerSetting.Box"/>):
/// tabs in IIS's order, group boxes in the order their first setting comes in the table, settings in
/// table order unless one names the setting it comes before.
/// </summary>
public static class SettingsSheet
{
    public static IReadOnlyList<string> Tabs { get; } = ["general", "access", "messages", "delivery", "ldapRouting"];

    public static IReadOnlyList<SheetTab> Layout() => Tabs
        .Select(tab => new SheetTab(tab, VirtualServerSettings.All
            .Where(s => s.Box.Tab == tab)
            .GroupBy(s => s.Box.Group)
            .Select(g => new SheetGroup(g.Key, Ordered(g.ToList())))
            .ToArray()))
        .ToArray();

    private static IReadOnlyList<VirtualServerSetting> Ordered(List<VirtualServerSetting> settings)
    {
        foreach (var moved in settings.Where(s => s.Box.Before is not null).ToArray())
        {
            settings.Remove(moved);
            var at = settings.FindIndex(s => s.Name == moved.Box.Before);
            settings.Insert(at < 0 ? settings.Count : at, moved);
        }

        return settings;
    }
}

public sealed record SheetTab(string Name, IReadOnlyList<SheetGroup> Groups);

public sealed record SheetGroup(string Name, IReadOnlyList<VirtualServerSetting> Settings);
