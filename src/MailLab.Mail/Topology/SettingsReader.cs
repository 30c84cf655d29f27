using MailLab.Mail.Settings;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a virtual server's property-sheet settings from its topology mapping, every key as the
/// settings table (<see cref="VirtualServerSettings"/>) declares it: the <c>limits:</c>, <c>access:</c>
/// (with its <c>connection:</c> and <c>relay:</c> lists) and <c>delivery:</c> blocks, and the general
/// settings beside the name. A key that is left out keeps the IIS default; the result is checked as a
/// whole (IIS's rules between limits) and becomes the virtual server's snapshot.
/// </summary>
internal static class SettingsReader
{
    /// <summary>The keys of the virtual server's own mapping that hold settings: the general ones, then the blocks.</summary>
    public static IEnumerable<string> GeneralKeys =>
        VirtualServerSettings.All.Where(s => s.Section == SettingSection.General).Select(s => s.Key);

    public static IEnumerable<string> BlockKeys => Blocks.Select(Name);

    /// <summary>The blocks of a topology file's virtual server that hold settings.</summary>
    public static SettingSection[] Blocks { get; } = [SettingSection.Limits, SettingSection.Access, SettingSection.Delivery, SettingSection.LdapRouting];

    public static string Name(SettingSection section) => section == SettingSection.LdapRouting ? "ldapRouting" : section.ToString().ToLowerInvariant();

    /// <summary>The keys of one mapping: a block's, or (with a prefix such as <c>connection.</c>) a list's inside it.</summary>
    public static IReadOnlyList<string> KeysOf(SettingSection section, string prefix = "") =>
        VirtualServerSettings.All.Where(s => s.Section == section && s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Key[prefix.Length..].Split('.')[0])
            .Distinct()
            .ToArray();

    /// <summary>
    /// Reads the settings whose keys are in one mapping into <paramref name="settings"/>; the keys read
    /// without error are added to <paramref name="read"/>. A key that is left out keeps its value.
    /// </summary>
    public static TSnapshot ReadFlat<TSnapshot>(MappingReader mapping, IEnumerable<Setting<TSnapshot>> table, TSnapshot settings, ISet<string> read)
    {
        foreach (var setting in table)
        {
            if (mapping.Has(setting.Key) && setting.Type.TryRead(mapping, setting.Key, out var value))
            {
                settings = setting.With(settings, value);
                read.Add(setting.Key);
            }
        }

        return settings;
    }

    /// <summary>Reports a rule between settings broken ("SETTING must be at least OTHER") against the key of its first word's setting.</summary>
    public static void ReportBroken(string problem, Func<string, (MappingReader? Mapping, string Key)> keyOf)
    {
        var space = problem.IndexOf(' ');
        var (mapping, key) = keyOf(problem[..space]);
        mapping?.Error(key, problem[(space + 1)..]);
    }

    public static void Read(MappingReader server, SmtpVirtualServer target)
    {
        var settings = target.Settings;
        var readers = new Dictionary<string, MappingReader?>(StringComparer.Ordinal);
        foreach (var setting in VirtualServerSettings.All)
        {
            if (ReaderOf(server, setting, readers) is { } reader && setting.Type.TryRead(reader, setting.Key.Split('.')[^1], out var value))
            {
                settings = setting.With(settings, value);
            }
        }

        if (settings.Validate() is { } problem)
        {
            ReportBroken(problem, name =>
            {
                var setting = VirtualServerSettings.Find(name);
                return (ReaderOf(server, setting, readers), setting.Key.Split('.')[^1]);
            });
            return;
        }

        target.Configure(_ => settings);
    }

    /// <summary>The mapping a setting's key is in (opened once): the virtual server's, its block's, or a list's inside the block.</summary>
    private static MappingReader? ReaderOf(MappingReader server, VirtualServerSetting setting, Dictionary<string, MappingReader?> readers)
    {
        if (setting.Section == SettingSection.General)
        {
            return server;
        }

        var block = Name(setting.Section);
        if (!readers.TryGetValue(block, out var reader))
        {
            reader = readers[block] = server.Mapping(block, KeysOf(setting.Section));
        }

        var dot = setting.Key.IndexOf('.');
        if (dot < 0 || reader is null)
        {
            return reader;
        }

        var list = $"{block}.{setting.Key[..dot]}";
        if (!readers.TryGetValue(list, out var inner))
        {
            inner = readers[list] = reader.Mapping(setting.Key[..dot], KeysOf(setting.Section, setting.Key[..(dot + 1)]));
        }

        return inner;
    }
}
