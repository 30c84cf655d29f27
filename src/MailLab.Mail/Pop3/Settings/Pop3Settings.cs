using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Topology;
using static MailLab.Mail.Settings.SettingType;

namespace MailLab.Mail.Pop3.Settings;

/// <summary>
/// Every property of a host's POP3 service by its admin API / topology-file name: the one table the
/// topology reader and writer, the JSON Schema, the admin API and the scenario step share (winpop's
/// own get/set names are Windows' and stay in <see cref="WinpopSettings"/>).
/// </summary>
public static class Pop3Settings
{
    /// <summary>The listener's port; the topology reader claims it among the file's listeners.</summary>
    public static Pop3Setting Port { get; } = new("port", Whole(0, 65535), "Server port", "Порт сервера", "TCP port (Windows uses 110; 0 picks a free port)",
        s => (long)s.Port, (s, v) => s with { Port = (int)(long)v! });

    /// <summary>
    /// The logon method; the topology reader defaults it from <see cref="Directory"/>. It changes only
    /// while no e-mail domain exists (docs/REFERENCE.md, "Authentication").
    /// </summary>
    public static Pop3Setting Authentication { get; } = new("authentication", Choice([.. TopologyValues.Pop3Methods.Keys]), "Authentication method", "Метод проверки подлинности",
        "local (local Windows accounts), activeDirectory (Active Directory integrated) or passwordFile (encrypted password file); default activeDirectory when the host names its directory",
        s => TopologyValues.Name(s.Authentication), (s, v) => s with { Authentication = TopologyValues.Pop3Methods[(string)v!] });

    /// <summary>The directory the Active Directory integrated method logs on against.</summary>
    public static Pop3Setting Directory { get; } = new("directory", SettingType.Text(TextRule.DirectoryDomain, nullable: false), "Active Directory domain", "Домен Active Directory",
        "the Active Directory domain the host belongs to (default: the host's parent domain)",
        s => s.Directory, (s, v) => s with { Directory = ((string)v!).ToLowerInvariant() });

    private static readonly Pop3Setting[] Table =
    [
        Port,
        Authentication,
        new("requireSpa", Bool, "Require Secure Password Authentication (SPA) for all client connections", "Требовать безопасную проверку пароля (SPA) для всех подключений",
            "no cleartext logon outside TLS (winpop set sparequired 1)",
            s => s.RequireSpa, (s, v) => s with { RequireSpa = (bool)v! }),
        Directory,
        new("defaultQuotaBytes", Amount("bytes", 1), "Default quota limit (bytes)", "Квота по умолчанию (байт)",
            "the limit a new quota file's user gets (NTFS \"Limit disk space to\")",
            s => s.DefaultQuotaBytes, (s, v) => s with { DefaultQuotaBytes = (long)v! }),
        new("mailRoot", SettingType.Text(TextRule.FolderPath, nullable: false), "Root mail directory", "Корневой каталог почты",
            "the store's root folder (winpop set mailroot)",
            s => s.MailRoot, (s, v) => s with { MailRoot = (string)v! }),
        new("loggingLevel", Whole(0, 3), "Logging level", "Уровень ведения журнала",
            "0 none, 1 minimum, 2 medium, 3 maximum (winpop set logging)",
            s => (long)s.LoggingLevel, (s, v) => s with { LoggingLevel = (int)(long)v! }),
        new("threadCount", Whole(1, 100), "Thread count", "Число потоков", "worker threads (winpop set threadcount)",
            s => (long)s.ThreadCount, (s, v) => s with { ThreadCount = (int)(long)v! }),
        new("socketMin", Whole(1, 32000), "Minimum sockets", "Минимум сокетов", "sockets kept listening, at least (winpop get socket)",
            s => (long)s.SocketMin, (s, v) => s with { SocketMin = (int)(long)v! }),
        new("socketMax", Whole(1, 32000), "Maximum sockets", "Максимум сокетов", "sockets kept listening, at most; at least socketMin",
            s => (long)s.SocketMax, (s, v) => s with { SocketMax = (int)(long)v! }),
    ];

    private static readonly SettingsTable<Pop3Setting, Pop3Snapshot> Group = new(
        Table,
        [new("socketMax", s => s.SocketMax >= s.SocketMin, "must be at least socketMin")],
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        ["pop3."],
        _ => "pop3");

    public static IReadOnlyList<Pop3Setting> All => Table;

    /// <summary>Finds a setting by name; throws with the list of valid names (and the closest one) otherwise.</summary>
    public static Pop3Setting Find(string name) => Group.Find(name);

    /// <summary>Sets several settings at once, all or nothing (see <see cref="Pop3Service.Configure"/>).</summary>
    public static void ApplyAll(Pop3Service service, IReadOnlyList<KeyValuePair<string, string>> changes) =>
        service.Configure(Group.Change(changes));

    public static void Apply(Pop3Service service, string name, string value) => ApplyAll(service, [new(name, value)]);

    /// <summary>The first setting out of its range, or rule between settings broken, as "setting must …"; null when Windows would take the set.</summary>
    public static string? Validate(Pop3Snapshot settings) => Group.Validate(settings);
}
