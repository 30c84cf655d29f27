using System.Globalization;
using System.Text;

namespace MailLab.Mail.Pop3;

/// <summary>
/// The Windows Server 2003 <c>winpop</c> tool over a host's <see cref="Pop3Service"/>, with the
/// syntax of docs/REFERENCE.md, "winpop". Pure: it returns what to print, so the CLI (over HTTP), the API and
/// scenarios run the same code. Keywords and options are case-insensitive, as on Windows.
/// </summary>
public static class Winpop
{
    public const string Usage = """
        Usage:
          winpop add {Domain | User@Domain [/createuser Password]}
          winpop delete {Domain | User@Domain [/deleteuser]}
          winpop list [Domain]
          winpop lock {Domain | User@Domain}
          winpop unlock {Domain | User@Domain}
          winpop stat [Domain]
          winpop changepwd User@Domain NewPassword
          winpop createquotafile User@Domain [/user:UserName]
          winpop migrateToAD User@Domain
          winpop get {authentication|logging|mailroot|port|socket|sparequired|threadcount}
          winpop set authentication {1|2|3} | logging {0-3} | mailroot Path | port N | sparequired {0|1} | threadcount N
          winpop help

        """;

    public static WinpopResult Run(Pop3Service service, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return WinpopResult.BadSyntax("a command is required");
        }

        try
        {
            var rest = args.Skip(1).ToArray();
            return args[0].ToLowerInvariant() switch
            {
                "help" or "/?" or "-?" => WinpopResult.Ok(Usage),
                "add" => Add(service, rest),
                "delete" => Delete(service, rest),
                "list" => List(service, rest),
                "lock" => Lock(service, rest, locked: true),
                "unlock" => Lock(service, rest, locked: false),
                "stat" => Stat(service, rest),
                "changepwd" => ChangePassword(service, rest),
                "createquotafile" => CreateQuotaFile(service, rest),
                "migratetoad" => MigrateToAd(service, rest),
                "get" => WinpopSettings.Get(service, rest),
                "set" => WinpopSettings.Set(service, rest),
                _ => WinpopResult.BadSyntax($"unknown command \"{args[0]}\""),
            };
        }
        catch (Pop3AdminException e)
        {
            return WinpopResult.Failed(e.Message);
        }
    }

    private static WinpopResult Add(Pop3Service service, string[] args)
    {
        if (args.Length == 1 && !args[0].Contains('@'))
        {
            var domain = service.AddDomain(args[0]);
            return WinpopResult.Ok($"Added domain {domain.Name}.\n");
        }

        if (args.Length == 1 && args[0].Contains('@'))
        {
            var mailbox = service.AddMailbox(args[0], null);
            return WinpopResult.Ok($"Added mailbox {mailbox.Address}.\n");
        }

        if (args.Length == 3 && args[0].Contains('@') && args[1].Equals("/createuser", StringComparison.OrdinalIgnoreCase))
        {
            var mailbox = service.AddMailbox(args[0], args[2]);
            return WinpopResult.Ok($"Added mailbox {mailbox.Address} and created its user.\n");
        }

        return WinpopResult.BadSyntax("add takes Domain, or User@Domain [/createuser Password]");
    }

    private static WinpopResult Delete(Pop3Service service, string[] args)
    {
        if (args.Length == 1 && !args[0].Contains('@'))
        {
            service.DeleteDomain(args[0]);
            return WinpopResult.Ok($"Deleted domain {args[0].ToLowerInvariant()} with its mailboxes.\n");
        }

        var deleteUser = args.Length == 2 && args[1].Equals("/deleteuser", StringComparison.OrdinalIgnoreCase);
        if (args.Length >= 1 && args[0].Contains('@') && (args.Length == 1 || deleteUser))
        {
            service.DeleteMailbox(args[0], deleteUser);
            return WinpopResult.Ok($"Deleted mailbox {args[0].ToLowerInvariant()}{(deleteUser ? " and its user" : string.Empty)}.\n");
        }

        return WinpopResult.BadSyntax("delete takes Domain, or User@Domain [/deleteuser]");
    }

    private static WinpopResult List(Pop3Service service, string[] args)
    {
        var text = new StringBuilder();
        if (args.Length == 0)
        {
            var domains = service.Domains;
            text.Append("Domains:\n");
            foreach (var domain in domains)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {domain.Name}{(domain.IsLocked ? "  (locked)" : string.Empty)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{domains.Count} domain(s)\n");
            return WinpopResult.Ok(text.ToString());
        }

        if (args.Length != 1)
        {
            return WinpopResult.BadSyntax("list takes at most one Domain");
        }

        var found = service.FindDomain(args[0]) ?? throw new Pop3AdminException($"The domain {args[0]} does not exist.");
        var mailboxes = service.MailboxesOf(found);
        text.Append(CultureInfo.InvariantCulture, $"Mailboxes in domain {found.Name}:\n");
        foreach (var mailbox in mailboxes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {mailbox.UserName}{(mailbox.IsLocked ? "  (locked)" : string.Empty)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{mailboxes.Count} mailbox(es)\n");
        return WinpopResult.Ok(text.ToString());
    }

    private static WinpopResult Lock(Pop3Service service, string[] args, bool locked)
    {
        var verb = locked ? "lock" : "unlock";
        if (args.Length != 1)
        {
            return WinpopResult.BadSyntax($"{verb} takes Domain or User@Domain");
        }

        if (locked)
        {
            service.Lock(args[0]);
        }
        else
        {
            service.Unlock(args[0]);
        }

        var what = args[0].Contains('@') ? "mailbox" : "domain";
        return WinpopResult.Ok($"{(locked ? "Locked" : "Unlocked")} {what} {args[0].ToLowerInvariant()}.\n");
    }

    private static WinpopResult Stat(Pop3Service service, string[] args)
    {
        if (args.Length > 1)
        {
            return WinpopResult.BadSyntax("stat takes at most one Domain");
        }

        var domains = args.Length == 0
            ? service.Domains
            : [service.FindDomain(args[0]) ?? throw new Pop3AdminException($"The domain {args[0]} does not exist.")];
        var text = new StringBuilder();
        foreach (var domain in domains)
        {
            var rows = service.MailboxesOf(domain).Select(m => (Mailbox: m, Usage: service.Usage(m))).ToArray();
            text.Append(CultureInfo.InvariantCulture, $"Domain {domain.Name}{(domain.IsLocked ? " (locked)" : string.Empty)}: {rows.Length} mailbox(es), {rows.Sum(r => r.Usage.Messages)} message(s), {rows.Sum(r => r.Usage.Bytes)} bytes\n");
            foreach (var (mailbox, usage) in rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {mailbox.UserName,-20} {usage.Messages,6} message(s) {usage.Bytes,10} bytes{(mailbox.IsLocked ? "  (locked)" : string.Empty)}\n");
            }
        }

        if (domains.Count == 0)
        {
            text.Append("No domains.\n");
        }

        return WinpopResult.Ok(text.ToString());
    }

    private static WinpopResult ChangePassword(Pop3Service service, string[] args)
    {
        if (args.Length != 2 || !args[0].Contains('@'))
        {
            return WinpopResult.BadSyntax("changepwd takes User@Domain NewPassword");
        }

        service.ChangePassword(args[0], args[1]);
        return WinpopResult.Ok($"Changed the password of {args[0].ToLowerInvariant()}.\n");
    }

    private static WinpopResult CreateQuotaFile(Pop3Service service, string[] args)
    {
        const string UserOption = "/user:";
        var user = args.Length == 2 && args[1].StartsWith(UserOption, StringComparison.OrdinalIgnoreCase) ? args[1][UserOption.Length..] : null;
        if (args.Length == 0 || !args[0].Contains('@') || (args.Length == 2 && string.IsNullOrEmpty(user)) || args.Length > 2)
        {
            return WinpopResult.BadSyntax("createquotafile takes User@Domain [/user:UserName]");
        }

        var quota = service.CreateQuotaFile(args[0], user);
        return WinpopResult.Ok($"Created the quota file of {args[0].ToLowerInvariant()} for user {quota.Owner}: limit {quota.LimitBytes} bytes, {quota.UsedBytes} used.\n");
    }

    private static WinpopResult MigrateToAd(Pop3Service service, string[] args)
    {
        if (args.Length != 1 || !args[0].Contains('@'))
        {
            return WinpopResult.BadSyntax("migrateToAD takes User@Domain");
        }

        var directory = service.MigrateToDirectory(args[0]);
        return WinpopResult.Ok($"Migrated {args[0].ToLowerInvariant()} to the Active Directory domain {directory.Name}.\n");
    }
}
