using MailLab.Mail.Services;

namespace MailLab.Mail.Exchange;

/// <summary>
/// The services of an Exchange Server 2003 server (with the IIS services it runs in), as the Services
/// console lists them. Sources in docs/EXCHANGE-2003.md, section 1: technet bb124644 ("Services That Are
/// Used by Exchange", Table B.1) gives POP3 and IMAP4 as Disabled on IIS Admin and Event as Manual on
/// the Information Store; the Information Store depends on System Attendant; SMTP depends only on IIS
/// Admin, and stopping System Attendant's dependents leaves SMTP and IIS running (bb123640). Startup
/// types that no stored source gives (System Attendant, Information Store, IIS Admin, SMTP, W3SVC:
/// Automatic) are what a default installation shows; Routing Engine and MTA Stacks are Automatic as the
/// Exchange Best Practices Analyzer requires of servers that route mail. Windows' own services (RPC,
/// Event Log, WMI, NTLM SSP) cannot be stopped here and are left out.
/// </summary>
public static class ExchangeServiceNames
{
    public const string IisAdmin = "IISADMIN";
    public const string Smtp = "SMTPSVC";
    public const string WorldWideWeb = "W3SVC";
    public const string SystemAttendant = "MSExchangeSA";
    public const string InformationStore = "MSExchangeIS";
    public const string MtaStacks = "MSExchangeMTA";
    public const string RoutingEngine = "RESvc";
    public const string Pop3 = "POP3Svc";
    public const string Imap4 = "IMAP4Svc";
    public const string Management = "MSExchangeMGMT";
    public const string Event = "MSExchangeES";
    public const string SiteReplication = "MSExchangeSRS";

    /// <summary>The services of a new Exchange 2003 server, in the Services console's (alphabetical) order of display names.</summary>
    public static IReadOnlyList<ServiceDefinition> Exchange2003 { get; } =
    [
        new(IisAdmin, "IIS Admin Service", ServiceStartupType.Automatic, []),
        new(Event, "Microsoft Exchange Event", ServiceStartupType.Manual, [InformationStore]),
        new(Imap4, "Microsoft Exchange IMAP4", ServiceStartupType.Disabled, [IisAdmin], CanPause: true),
        new(InformationStore, "Microsoft Exchange Information Store", ServiceStartupType.Automatic, [SystemAttendant]),
        new(Management, "Microsoft Exchange Management", ServiceStartupType.Automatic, []),
        new(MtaStacks, "Microsoft Exchange MTA Stacks", ServiceStartupType.Automatic, [SystemAttendant]),
        new(Pop3, "Microsoft Exchange POP3", ServiceStartupType.Disabled, [IisAdmin], CanPause: true),
        new(RoutingEngine, "Microsoft Exchange Routing Engine", ServiceStartupType.Automatic, [IisAdmin]),
        new(SiteReplication, "Microsoft Exchange Site Replication Service", ServiceStartupType.Disabled, [SystemAttendant]),
        new(SystemAttendant, "Microsoft Exchange System Attendant", ServiceStartupType.Automatic, []),
        new(Smtp, "Simple Mail Transfer Protocol (SMTP)", ServiceStartupType.Automatic, [IisAdmin], CanPause: true),
        new(WorldWideWeb, "World Wide Web Publishing Service", ServiceStartupType.Automatic, [IisAdmin], CanPause: true),
    ];
}
