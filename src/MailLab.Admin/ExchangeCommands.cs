using System.Globalization;

namespace MailLab.Admin;

/// <summary>
/// <c>maillab exchange …</c>: the Services console and Exchange System Manager's stores, Mailboxes and
/// Logons nodes and Move Mailbox on the Exchange server <c>--host</c> names (in process for the
/// scenarios, over the REST API for the CLI).
/// </summary>
public static class ExchangeCommands
{
    public static IReadOnlyList<AdminHelp.Entry> Help { get; } =
    [
        new("exchange services", "maillab exchange services --host HOST", "Lists the server's services as the Services console does: display name, short name, status, startup type."),
        new("exchange service start", "maillab exchange service start NAME --host HOST", "Starts a service (short or display name) and first the services it depends on."),
        new("exchange service stop", "maillab exchange service stop NAME [--stop-dependents] --host HOST", "Stops a service; when running services depend on it, lists them (\"Stop Other Services\") and stops nothing unless --stop-dependents."),
        new("exchange service startup-type", "maillab exchange service startup-type NAME automatic|manual|disabled --host HOST", "The service's Properties, Startup type: Automatic starts it when the server starts, Disabled refuses Start (1058); a running service keeps running."),
        new("exchange stores", "maillab exchange stores --host HOST", "Lists the storage groups' stores: kind, mounted or dismounted, mailboxes, items, size."),
        new("exchange store mount", "maillab exchange store mount NAME --host HOST", "Mount Store: its mailboxes are available again and the mail waiting for them is delivered."),
        new("exchange store dismount", "maillab exchange store dismount NAME --host HOST", "Dismount Store: its mailboxes are unavailable; SMTP keeps accepting and queueing their mail."),
        new("exchange mailboxes", "maillab exchange mailboxes [--store NAME] --host HOST", "The Mailboxes node of each mailbox store (or one): display name, address, size (KB), total items, last logon and logoff time."),
        new("exchange logons", "maillab exchange logons --host HOST", "The Logons nodes: who is logged on, by which protocol, from which client address, since when."),
        new("exchange create-mailbox", "maillab exchange create-mailbox ADDRESS --store STORE [--alias ALIAS] --host HOST", "Exchange Tasks, Create Mailbox: the user (an account of the host) gets a mailbox on the store."),
        new("exchange delete-mailbox", "maillab exchange delete-mailbox ADDRESS --host HOST", "Exchange Tasks, Delete Mailbox: mail to the user is returned (5.1.1); the mailbox stays on its store, disconnected, for the store's \"Keep deleted mailboxes for (days)\"."),
        new("exchange reconnect-mailbox", "maillab exchange reconnect-mailbox ADDRESS --store STORE [--owner USER] --host HOST", "ESM's Reconnect: the new owner (an account of the host without a mailbox; left out: ADDRESS) gets the disconnected mailbox with its messages, on that store."),
        new("exchange move-mailbox", "maillab exchange move-mailbox ADDRESS --to STORE --host HOST", "Exchange Tasks, Move Mailbox: the mailbox and its messages move to another mailbox store of the server."),
    ];

    /// <summary>Runs one <c>exchange</c> command (its help key and positional words) against the backend.</summary>
    internal static async Task<AdminResult> RunAsync(object backend, string key, string[] rest, AdminOptions options)
    {
        var exchange = backend as IExchangeAdminBackend ?? throw new AdminCommandException("This backend has no Exchange servers.");
        var host = options.Host ?? throw new AdminCommandException("Say which Exchange server with --host HOST, e.g. --host rosnou.ru.");
        switch (key)
        {
            case "exchange services":
                return Lines((await exchange.ExchangeServicesAsync(host)).Select(Line));
            case "exchange service start":
                return Changes(await exchange.StartServiceAsync(host, rest[0]));
            case "exchange service stop":
                var stop = await exchange.StopServiceAsync(host, rest[0], options.Has("--stop-dependents"));
                return stop.WouldAlsoStop.Count > 0
                    ? AdminResult.Error($"When {rest[0]} stops, these other services will also stop: {string.Join(", ", stop.WouldAlsoStop)}. Nothing was stopped; add --stop-dependents to stop them too.")
                    : Changes(stop.Changes);
            case "exchange service startup-type":
                var set = await exchange.SetStartupTypeAsync(host, rest[0], StartupType(rest[1]));
                return AdminResult.Ok(Line(set));
            case "exchange stores":
                return Lines((await exchange.StoresAsync(host)).Select(Line));
            case "exchange store mount" or "exchange store dismount":
                return AdminResult.Ok(Line(await exchange.MountStoreAsync(host, rest[0], key.EndsWith(" mount", StringComparison.Ordinal))));
            case "exchange mailboxes":
                var stores = options.Value("--store") is { } one
                    ? [one]
                    : (await exchange.StoresAsync(host)).Where(s => s.Kind == "Mailbox").Select(s => s.Name).ToArray();
                var mailboxes = new List<ExchangeMailboxView>();
                foreach (var store in stores)
                {
                    mailboxes.AddRange(await exchange.MailboxesAsync(host, store));
                }

                return Lines(mailboxes.Select(Line));
            case "exchange logons":
                return Lines((await exchange.LogonsAsync(host)).Select(l => $"{l.User} {l.Protocol} from {l.ClientAddress ?? "(unknown)"} since {Time(l.Since)}"));
            case "exchange move-mailbox":
                return AdminResult.Ok(Line(await exchange.MoveMailboxAsync(host, rest[0], options.Required("--to", "\"Mailbox Store 2\""))));
            case "exchange create-mailbox":
                return AdminResult.Ok(Line(await exchange.CreateMailboxAsync(host, rest[0], options.Required("--store", "\"Mailbox Store (ROSNOU)\""), options.Value("--alias"))));
            case "exchange delete-mailbox":
                var deleted = await exchange.DeleteMailboxAsync(host, rest[0]);
                return AdminResult.Ok($"Deleted the mailbox {deleted.Address} on {deleted.Store}: disconnected, purged after {Time(deleted.PurgeAfter)}");
            case "exchange reconnect-mailbox":
                return AdminResult.Ok(Line(await exchange.ReconnectMailboxAsync(host, rest[0], options.Required("--store", "\"Mailbox Store (ROSNOU)\""), options.Value("--owner"))));
            default:
                throw new AdminCommandException($"Unknown command \"{key}\".");
        }
    }

    /// <summary>The Services console's three startup types, as the API spells them.</summary>
    private static string StartupType(string type) => type.ToLowerInvariant() switch
    {
        "automatic" => "Automatic",
        "manual" => "Manual",
        "disabled" => "Disabled",
        _ => throw new AdminCommandException($"Unknown startup type \"{type}\": automatic, manual or disabled."),
    };

    private static AdminResult Changes(IReadOnlyList<ServiceChangeView> changes) =>
        Lines(changes.Select(c => $"{c.DisplayName}: {c.From} -> {c.To}"), "(no change)");

    private static AdminResult Lines(IEnumerable<string> lines, string none = "(none)")
    {
        var text = string.Join("\n", lines);
        return AdminResult.Ok(text.Length == 0 ? none : text);
    }

    private static string Line(ExchangeServiceView s) => $"{s.DisplayName} ({s.Name}): {s.Status}, {s.StartupType}";

    private static string Line(ExchangeStoreView s) =>
        $"{s.Name} [{s.Kind.ToLowerInvariant()}] in {s.StorageGroup}: {(s.Mounted ? "mounted" : "dismounted")}, {s.Mailboxes} mailbox(es), {s.Items} item(s), {s.SizeBytes} bytes";

    private static string Line(ExchangeMailboxView m) =>
        $"{m.DisplayName} <{m.Address}> on {m.Store}: {m.SizeKb} KB, {m.TotalItems} item(s), last logon {Time(m.LastLogonTime)}, last logoff {Time(m.LastLogoffTime)}";

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}
