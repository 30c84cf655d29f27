using System.CommandLine;

namespace MailLab.Admin;

/// <summary><c>ad user|contact|group …</c>: Active Directory Users and Computers with the Exchange extensions (<see cref="DirectoryCommands"/>).</summary>
public static partial class AdminGrammar
{
    /// <summary>The <c>ad</c> command tree; <c>--host</c> names the host whose organisation's directory it administers.</summary>
    public static Command Ad()
    {
        var ad = new Command("ad", "Administer a host's Active Directory domain as Active Directory Users and Computers with the Exchange tabs does.");
        ad.Options.Add(new Option<string>("--host") { Description = "A host of the organisation, e.g. rosnou.ru.", Recursive = true });
        Option[] names = [Value("--alias", "ALIAS", "The Exchange alias (%m)."), Value("--first-name", "NAME", "The given name (%g)."), Value("--last-name", "NAME", "The surname (%s).")];
        Option[] addresses = [Value("--add", "ADDRESS", "Add SMTP:a@b (primary) or smtp:a@b."), Value("--remove", "ADDRESS", "Remove an address."), Value("--primary", "ADDRESS", "Set as Primary.")];

        var user = new Command("user", "Users: list, show, their Exchange attributes, settings (delivery restrictions, options, features), e-mail addresses.");
        user.Subcommands.Add(Leaf("list", "ad user list"));
        user.Subcommands.Add(Leaf("show", "ad user show", Words("USER", 1, 1, "The user (alias, logon name or address).")));
        user.Subcommands.Add(Leaf("create", "ad user create", [Words("ACCOUNT", 1, 1, "The user's account, user@domain."), .. names]));
        user.Subcommands.Add(Leaf("get", "ad user get", Words("USER SETTING", 2, 2, "The user and the setting, e.g. maxReceivingSizeKb.")));
        user.Subcommands.Add(Leaf("set", "ad user set", Words("USER SETTING VALUE", 3, 3, "The user, the setting and its new value (null: none / default limit).")));
        user.Subcommands.Add(Leaf("establish", "ad user establish", Words("USER ADDRESS", 2, 2, "The user and its external SMTP address.")));
        user.Subcommands.Add(Leaf(
            "features",
            "ad user features",
            Words("USER", 1, 1, "The user."),
            Value("--pop3", "enabled|disabled", "POP3."),
            Value("--imap4", "enabled|disabled", "IMAP4."),
            Value("--owa", "enabled|disabled", "Outlook Web Access.")));
        user.Subcommands.Add(Leaf("addresses", "ad user addresses", [Words("USER", 1, 1, "The user."), .. addresses]));

        var contact = new Command("contact", "Mail-enabled contacts: list, create, e-mail addresses.");
        contact.Subcommands.Add(Leaf("list", "ad contact list"));
        contact.Subcommands.Add(Leaf("create", "ad contact create", Words("NAME ADDRESS", 2, 2, "The contact's name and external SMTP address."), Value("--alias", "ALIAS", "The Exchange alias (%m).")));
        contact.Subcommands.Add(Leaf("addresses", "ad contact addresses", [Words("CONTACT", 1, 1, "The contact."), .. addresses.Select(Clone)]));

        var group = new Command("group", "Distribution groups: list, show, create, members, e-mail addresses.");
        group.Subcommands.Add(Leaf("list", "ad group list"));
        group.Subcommands.Add(Leaf("show", "ad group show", Words("GROUP", 1, 1, "The group.")));
        group.Subcommands.Add(Leaf("create", "ad group create", Words("NAME", 1, 1, "The group's name."), Value("--alias", "ALIAS", "The Exchange alias (%m)."), Value("--members", "LIST", "Its members, comma-separated.")));
        group.Subcommands.Add(Leaf("add-member", "ad group add-member", Words("GROUP MEMBER", 2, 2, "The group and a user, contact or group.")));
        group.Subcommands.Add(Leaf("remove-member", "ad group remove-member", Words("GROUP MEMBER", 2, 2, "The group and the member.")));
        group.Subcommands.Add(Leaf("addresses", "ad group addresses", [Words("GROUP", 1, 1, "The group."), .. addresses.Select(Clone)]));

        ad.Subcommands.Add(user);
        ad.Subcommands.Add(contact);
        ad.Subcommands.Add(group);
        return ad;
    }

    /// <summary>An option belongs to one command: each of contact's and group's address options is its own copy.</summary>
    private static Option Clone(Option option) =>
        new ValueOption(option.Name, ((ValueOption)option).ValueName) { Description = option.Description };
}
