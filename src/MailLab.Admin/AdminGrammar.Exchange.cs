using System.CommandLine;

namespace MailLab.Admin;

/// <summary><c>exchange services|service start|stop|startup-type|stores|store|mailboxes|logons|create-mailbox|delete-mailbox|reconnect-mailbox|move-mailbox …</c> (<see cref="ExchangeCommands"/>).</summary>
public static partial class AdminGrammar
{
    /// <summary>The <c>exchange</c> command tree; <c>--host</c> names the Exchange server.</summary>
    public static Command Exchange()
    {
        var exchange = new Command("exchange", "Administer an Exchange Server 2003 host as Exchange System Manager and the Services console do.");
        exchange.Options.Add(new Option<string>("--host") { Description = "The Exchange server, e.g. rosnou.ru.", Recursive = true });

        exchange.Subcommands.Add(Leaf("services", "exchange services"));
        var service = new Command("service", "Start or stop one of the server's services, or set its startup type.");
        service.Subcommands.Add(Leaf("start", "exchange service start", Words("NAME", 1, 1, "The service's short or display name.")));
        service.Subcommands.Add(Leaf(
            "stop",
            "exchange service stop",
            Words("NAME", 1, 1, "The service's short or display name."),
            Flag("--stop-dependents", "Answer Yes to \"Stop Other Services\": the running dependents stop first.")));
        service.Subcommands.Add(Leaf(
            "startup-type",
            "exchange service startup-type",
            Words("NAME TYPE", 2, 2, "The service's short or display name, and automatic, manual or disabled.")));
        exchange.Subcommands.Add(service);

        exchange.Subcommands.Add(Leaf("stores", "exchange stores"));
        var store = new Command("store", "Mount or dismount a store.");
        store.Subcommands.Add(Leaf("mount", "exchange store mount", Words("NAME", 1, 1, "The store, e.g. \"Mailbox Store (ROSNOU)\".")));
        store.Subcommands.Add(Leaf("dismount", "exchange store dismount", Words("NAME", 1, 1, "The store.")));
        exchange.Subcommands.Add(store);

        exchange.Subcommands.Add(Leaf("mailboxes", "exchange mailboxes", Value("--store", "NAME", "Only this mailbox store's Mailboxes node.")));
        exchange.Subcommands.Add(Leaf("logons", "exchange logons"));
        exchange.Subcommands.Add(Leaf(
            "move-mailbox",
            "exchange move-mailbox",
            Words("ADDRESS", 1, 1, "The mailbox's address."),
            Value("--to", "STORE", "The mailbox store to move it to.")));
        exchange.Subcommands.Add(Leaf(
            "create-mailbox",
            "exchange create-mailbox",
            Words("ADDRESS", 1, 1, "The user's account address."),
            Value("--store", "STORE", "The mailbox store to create it on."),
            Value("--alias", "ALIAS", "The user's Exchange alias (left out: the one it has).")));
        exchange.Subcommands.Add(Leaf("delete-mailbox", "exchange delete-mailbox", Words("ADDRESS", 1, 1, "The mailbox's address.")));
        exchange.Subcommands.Add(Leaf(
            "reconnect-mailbox",
            "exchange reconnect-mailbox",
            Words("ADDRESS", 1, 1, "The disconnected mailbox's address."),
            Value("--store", "STORE", "The mailbox store it is disconnected on."),
            Value("--owner", "USER", "Its new owner: an account without a mailbox (left out: ADDRESS).")));
        return exchange;
    }
}
