using MailLab.Mail.Smtp;

namespace MailLab.Scenarios.Settings;

/// <summary>One property-sheet setting of a virtual server, named as in the admin API and the topology file.</summary>
public sealed record VirtualServerSetting(string Name, string Section, string Description, Func<SmtpVirtualServer, string> Get, Action<SmtpVirtualServer, string> Set);
