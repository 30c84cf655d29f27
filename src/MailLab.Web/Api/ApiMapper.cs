using MailLab.Hosting;
using MailLab.Mail.Queue;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Web.Api;

/// <summary>Turns the live model into API answers.</summary>
internal static class ApiMapper
{
    /// <summary>The POP3 listener's name in a server's listeners (the Windows service's display name).</summary>
    public const string Pop3ServiceName = "Microsoft POP3 Service";

    /// <summary>The IMAP listeners' name: MailLab's own service (Windows Server 2003 had no IMAP).</summary>
    public const string ImapServiceName = "MailLab IMAP4rev2 (MailLab's own)";

    public static ServerDto ToDto(MailHost host, MailLabServer runtime)
    {
        var servers = host.Smtp.VirtualServers;
        var listeners = servers
            .Select(v => (v, ep: runtime.GetEndPoint(v)))
            .Where(x => x.ep is not null)
            .Select(x => new ListenerDto("smtp", x.v.Name, x.ep!.ToString()))
            .ToList();
        if (runtime.GetPop3EndPoint(host.Pop3) is { } pop3)
        {
            listeners.Add(new ListenerDto("pop3", Pop3ServiceName, pop3.ToString()));
        }

        if (runtime.GetImapEndPoint(host.Imap) is { } imap)
        {
            listeners.Add(new ListenerDto("imap", ImapServiceName, imap.ToString()));
        }

        if (runtime.GetImapsEndPoint(host.Imap) is { } imaps)
        {
            listeners.Add(new ListenerDto("imaps", ImapServiceName, imaps.ToString()));
        }

        return new ServerDto(
            host.Name,
            new SmtpServiceDto(host.Smtp.State, servers.Select(v => ToDto(v, runtime)).ToArray()),
            listeners,
            host.Accounts.All.Select(a => a.Address).ToArray(),
            host.Exchange is not null);
    }

    public static VirtualServerDto ToDto(SmtpVirtualServer v, MailLabServer runtime) => new(
        v.Name,
        v.State,
        v.OwnState,
        v.Address.ToString(),
        v.Port,
        runtime.GetEndPoint(v)?.ToString(),
        v.Fqdn,
        v.HomeDirectory.Path,
        v.Domains.Default.Name,
        v.Domains.All.Select(d => new DomainDto(d.Name, d.Type, d.AllowRelay, d.SmartHost, d.RequireTls)).ToArray(),
        Section(v, SettingSection.Limits),
        Section(v, SettingSection.Access),
        v.ActiveConnections);

    /// <summary>One block of the settings table (limits, access) by setting name, from one snapshot.</summary>
    private static IReadOnlyDictionary<string, object?> Section(SmtpVirtualServer v, SettingSection section)
    {
        var settings = v.Settings;
        return VirtualServerSettings.All.Where(s => s.Section == section).ToDictionary(s => s.Name, s => SettingJson.Value(s, settings));
    }

    public static QueueEntryDto ToDto(SmtpVirtualServer v, QueueEntry e)
    {
        var state = e.Snapshot();
        // Queue Viewer's states: Retry after a failed attempt, Active otherwise (KB 823489).
        return new QueueEntryDto(v.Name, e.Message.Id, e.Message.Subject, state.Pending, state.Attempts, state.Queued, state.NextAttempt,
            v.Queue.QueueName(e), state.Attempts > 0 ? "Retry" : "Active", state.LastErrors.ToDictionary(r => r.Key, r => r.Value.ToString()));
    }

    public static SmtpDomainDto ToDto(SmtpDomain d) => new(
        d.Name,
        SmtpDomainTypeNames.Name(d.Type),
        d.Type == SmtpDomainType.LocalDefault,
        d.AllowRelay,
        d.SmartHost,
        d.RequireTls,
        d.OutboundPort);

    public static MessageDto ToDto(StoredMessage m) =>
        new(m.Id, m.Sender, m.Recipients, m.Subject, m.Size, m.Received);
}
