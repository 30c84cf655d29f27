namespace MailLab.Admin;

/// <summary>
/// <c>maillab ad …</c>: Active Directory Users and Computers with Exchange's tabs and tasks, on the
/// directory of the host <c>--host</c> names (in process for the scenarios, over the REST API for
/// the CLI). USER, CONTACT, GROUP and MEMBER are an alias, a name or an address.
/// </summary>
public static class DirectoryCommands
{
    public static IReadOnlyList<AdminHelp.Entry> Help { get; } =
    [
        new("ad user list", "maillab ad user list --host HOST", "Lists the users of the host's directory with their e-mail addresses (the primary SMTP: first)."),
        new("ad user show", "maillab ad user show USER --host HOST", "Shows a user: alias, display name, mailbox account or external address, e-mail addresses and settings."),
        new("ad user create", "maillab ad user create ACCOUNT [--alias ALIAS] [--first-name NAME] [--last-name NAME] --host HOST", "Gives an account its Exchange attributes; the recipient policy then gives its addresses (%m alias, %g given name, %s surname)."),
        new("ad user get", "maillab ad user get USER SETTING --host HOST", "Prints one delivery restriction, delivery option or Exchange feature (maxReceivingSizeKb, acceptMessagesFrom, forwardingAddress, pop3…)."),
        new("ad user set", "maillab ad user set USER SETTING VALUE --host HOST", "Changes one setting; a value Exchange would refuse changes nothing."),
        new("ad user establish", "maillab ad user establish USER ADDRESS --host HOST", "Exchange Tasks, Establish E-mail Addresses: the user's mail goes to this external address."),
        new("ad user features", "maillab ad user features USER [--pop3 enabled|disabled] [--imap4 enabled|disabled] [--owa enabled|disabled] --host HOST", "Exchange Tasks, Configure Exchange Features: shows or changes POP3, IMAP4 and Outlook Web Access for the user."),
        new("ad user addresses", "maillab ad user addresses USER [--add ADDRESS] [--remove ADDRESS] [--primary ADDRESS] --host HOST", "The E-mail Addresses tab: shows, adds (SMTP: primary, smtp: secondary), removes or sets the primary address."),
        new("ad contact list", "maillab ad contact list --host HOST", "Lists the mail-enabled contacts with their external and e-mail addresses."),
        new("ad contact create", "maillab ad contact create NAME ADDRESS [--alias ALIAS] --host HOST", "New, Contact with an external SMTP address: mail to its addresses in the organisation goes there."),
        new("ad contact addresses", "maillab ad contact addresses CONTACT [--add ADDRESS] [--remove ADDRESS] [--primary ADDRESS] --host HOST", "A contact's E-mail Addresses tab."),
        new("ad group list", "maillab ad group list --host HOST", "Lists the distribution groups with their addresses and members."),
        new("ad group show", "maillab ad group show GROUP --host HOST", "Shows a distribution group: addresses and members."),
        new("ad group create", "maillab ad group create NAME [--alias ALIAS] [--members LIST] --host HOST", "New, Group (Distribution) with an Exchange e-mail address and its first members."),
        new("ad group add-member", "maillab ad group add-member GROUP MEMBER --host HOST", "Adds a user, contact or group to a distribution group (nested groups expand too)."),
        new("ad group remove-member", "maillab ad group remove-member GROUP MEMBER --host HOST", "Removes a member."),
        new("ad group addresses", "maillab ad group addresses GROUP [--add ADDRESS] [--remove ADDRESS] [--primary ADDRESS] --host HOST", "A group's E-mail Addresses tab."),
    ];

    private static readonly string[] Features = ["pop3", "imap4", "owa"];

    /// <summary>Runs one <c>ad</c> command (its help key and positional words) against the backend.</summary>
    internal static async Task<AdminResult> RunAsync(object backend, string key, string[] rest, AdminOptions options)
    {
        var directory = backend as IDirectoryAdminBackend ?? throw new AdminCommandException("This backend has no directory.");
        var host = options.Host ?? throw new AdminCommandException("Say which organisation with --host HOST (a host of its directory, e.g. rosnou.ru).");
        switch (key)
        {
            case "ad user list":
                return List(await directory.RecipientsAsync(host, "user"));
            case "ad contact list":
                return List(await directory.RecipientsAsync(host, "contact"));
            case "ad group list":
                return List(await directory.RecipientsAsync(host, "group"));
            case "ad user show" or "ad group show":
                return AdminResult.Ok(Show(await directory.RecipientAsync(host, rest[0])));
            case "ad user create":
                return AdminResult.Ok(Show(await directory.SetUserAsync(host, rest[0], options.Value("--alias"), options.Value("--first-name"), options.Value("--last-name"))));
            case "ad user get":
                var user = await directory.RecipientAsync(host, rest[0]);
                var setting = Mail.Recipients.RecipientSettings.Find(rest[1]);
                return AdminResult.Ok(AdminOutput.Setting(setting.Name, Settings(user)[setting.Name]));
            case "ad user set":
                var name = Mail.Recipients.RecipientSettings.Find(rest[1]).Name;
                var values = await directory.SetRecipientSettingsAsync(host, rest[0], [new(name, rest[2])]);
                return AdminResult.Ok(AdminOutput.Setting(name, values[name]));
            case "ad user establish":
                return AdminResult.Ok(Show(await directory.EstablishEmailAddressAsync(host, rest[0], rest[1])));
            case "ad user features":
                var changes = Features.Where(f => options.Value("--" + f) is not null).Select(f => new KeyValuePair<string, string>(f, options.Value("--" + f)!)).ToArray();
                var features = changes.Length > 0
                    ? await directory.SetRecipientSettingsAsync(host, rest[0], changes)
                    : Settings(await directory.RecipientAsync(host, rest[0]));
                return AdminResult.Ok(string.Join("\n", Features.Select(f => AdminOutput.Setting(f, features[f]))));
            case "ad user addresses" or "ad contact addresses" or "ad group addresses":
                return AdminResult.Ok(Show(await ChangeAddressesAsync(directory, host, rest[0], options)));
            case "ad contact create":
                return AdminResult.Ok(Show(await directory.CreateContactAsync(host, rest[0], rest[1], options.Value("--alias"))));
            case "ad group create":
                var members = options.Value("--members")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
                return AdminResult.Ok(Show(await directory.CreateGroupAsync(host, rest[0], options.Value("--alias"), members)));
            case "ad group add-member" or "ad group remove-member":
                return AdminResult.Ok(Show(await directory.ChangeMemberAsync(host, rest[0], key.EndsWith("add-member", StringComparison.Ordinal), rest[1])));
            default:
                throw new AdminCommandException($"Unknown command \"{key}\".");
        }
    }

    private static async Task<RecipientView> ChangeAddressesAsync(IDirectoryAdminBackend directory, string host, string recipient, AdminOptions options)
    {
        var view = await directory.RecipientAsync(host, recipient);
        foreach (var action in new[] { "add", "remove", "primary" })
        {
            if (options.Value("--" + action) is { } address)
            {
                view = await directory.ChangeAddressAsync(host, recipient, action, address);
            }
        }

        return view;
    }

    private static IReadOnlyDictionary<string, string> Settings(RecipientView view) =>
        view.Settings ?? throw new AdminCommandException($"{view.Name} is a {view.Kind}: only users have delivery restrictions, options and features here.");

    private static AdminResult List(IReadOnlyList<RecipientView> recipients) =>
        AdminResult.Ok(recipients.Count == 0 ? "(none)" : string.Join("\n", recipients.Select(Line)));

    /// <summary>One recipient on a line: name, kind, where its mail goes, its addresses.</summary>
    private static string Line(RecipientView r)
    {
        var target = r.ExternalAddress is { } external ? $" -> {external}" : r.Account is { } account ? $" ({account})" : string.Empty;
        var members = r.Members is { } list ? $"; members: {(list.Count == 0 ? "none" : string.Join(", ", list))}" : string.Empty;
        return $"{r.Name} [{r.Kind}]{target}: {string.Join(", ", r.ProxyAddresses)}{members}";
    }

    private static string Show(RecipientView r)
    {
        var lines = new List<string> { Line(r), $"alias: {r.Alias}", $"display name: {r.DisplayName}" };
        if (r.Settings is { } settings)
        {
            lines.AddRange(settings.Select(s => AdminOutput.Setting(s.Key, s.Value)));
        }

        return string.Join("\n", lines);
    }
}
