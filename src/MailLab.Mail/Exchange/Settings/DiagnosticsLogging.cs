namespace MailLab.Mail.Exchange.Settings;

/// <summary>
/// The Diagnostics Logging tab of an Exchange server: services and their categories, each logged at
/// None, Minimum, Medium or Maximum (KB 245024 shows MSExchangeSA's categories and the four levels,
/// docs/EXCHANGE-2003.md [103]). The other services' category lists are those of the Exchange 2003 tab
/// as remembered (NOT CONFIRMED). MailLab stores and shows the levels; it writes no events for them.
/// </summary>
public static class DiagnosticsLogging
{
    public const string None = "None";

    public static IReadOnlyList<string> Levels { get; } = [None, "Minimum", "Medium", "Maximum"];

    /// <summary>Each service with its categories, in the tab's order.</summary>
    public static IReadOnlyList<(string Service, IReadOnlyList<string> Categories)> Services { get; } =
    [
        ("MSExchangeSA", ["NSPI Proxy", "RFR Interface", "Proxy Generation"]),
        ("MSExchangeIS", ["Transport General", "Logons", "Access Control", "Send On Behalf Of", "Send As"]),
        ("MSExchangeTransport", ["Routing Engine/Service", "Categorizer", "SMTP Protocol", "SMTP Store Driver"]),
        ("POP3Svc", ["General", "Authentication", "Connections", "Client Action"]),
        ("IMAP4Svc", ["General", "Authentication", "Connections", "Client Action"]),
    ];

    /// <summary>Every category by its setting name, SERVICE/Category.</summary>
    public static IEnumerable<string> Categories => Services.SelectMany(s => s.Categories.Select(c => $"{s.Service}/{c}"));
}
