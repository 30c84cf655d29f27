using System.Globalization;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Recipients;
using MailLab.Mail.Services;
using MailLab.Mail.Settings;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// The Exchange labs' checks: what the Services console, ESM's store and Mailboxes nodes and ADUC's
/// Exchange tabs show, read from the world without changing it. Each failure says, in English and in
/// Russian, what was expected and what is there.
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>The Services console's Properties, Startup type.</summary>
    public async Task SetExchangeStartupTypeAsync(string service, string host, string type)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindService(exchange, service, host);
        ServiceAction(() => exchange.Services.SetStartupType(found.Name, ParseStartupType(type)));
    }

    public async Task CheckExchangeStartupTypeAsync(string service, string host, string type)
    {
        var found = FindService(await ExchangeAsync(host).ConfigureAwait(false), service, host);
        var expected = ParseStartupType(type);
        if (found.StartupType != expected)
        {
            throw Check($"The service \"{found.DisplayName}\" on {host} has the startup type {Word(found.StartupType)}.", Word(expected), Word(found.StartupType),
                new($"У службы \"{found.DisplayName}\" на {host} тип запуска «{RussianWord(found.StartupType)}».", RussianWord(expected), RussianWord(found.StartupType)));
        }
    }

    /// <summary>A field of the store's Limits tab (<see cref="StoreLimitSettings"/>), compared through its type ("null" is no limit).</summary>
    public async Task CheckExchangeStoreSettingAsync(string host, string store, string setting, string value)
    {
        var found = FindStore(await ExchangeAsync(host).ConfigureAwait(false), store, host);
        CompareSetting(Setting(() => StoreLimitSettings.Find(setting)), found.Limits, value, $"On {host} the store \"{found.Name}\" has", $"На {host} у хранилища \"{found.Name}\"");
    }

    /// <summary>A field of the server's property sheet (<see cref="ServerPropertySettings"/>): General, Locales or a Diagnostics Logging category's level.</summary>
    public async Task CheckExchangeServerPropertyAsync(string host, string setting, string value)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        CompareSetting(Setting(() => ServerPropertySettings.Find(setting)), exchange.Properties, value, $"On {host} the server {exchange.Name} has", $"На {host} у сервера {exchange.Name}");
    }

    /// <summary>The setting's value in <paramref name="settings"/> against <paramref name="value"/>, both as its type prints them; a mismatch names it and its Russian label.</summary>
    private static void CompareSetting<T>(Setting<T> row, T settings, string value, string subject, string russianSubject)
    {
        var expected = Normalised(row.Type, row.Name, value);
        var actual = row.Get(settings);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"{subject} {row.Name} = {actual}.", $"{row.Name} = {expected}", $"{row.Name} = {actual}",
                new($"{russianSubject} {row.Name} = {actual} («{row.LabelRu}»)."));
        }
    }

    /// <summary>ADUC's Exchange General tab, Mailbox store: the store that holds the user's mailbox.</summary>
    public async Task CheckMailboxStoreAsync(string address, string host, string store)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var target = FindStore(exchange, store, host);
        var current = exchange.StoreOf(address.Trim());
        if (current != target)
        {
            var actual = current?.Name ?? "no mailbox";
            throw Check($"On {host} the mailbox of {address} is {(current is null ? "on no store: it has no mailbox" : $"on the store \"{current.Name}\"")}.", target.Name, actual,
                new(current is null ? $"На {host} у {address} нет почтового ящика." : $"На {host} почтовый ящик {address} находится в хранилище \"{current.Name}\".",
                    Actual: current is null ? "почтового ящика нет" : null));
        }
    }

    /// <summary>ESM's Mailboxes node: how many disconnected mailboxes the store keeps (deleted, not purged or reconnected yet).</summary>
    public async Task CheckDisconnectedMailboxesAsync(string store, string host, int count)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var found = FindStore(exchange, store, host);
        var disconnected = exchange.DeletedMailboxesOn(found);
        if (disconnected.Count != count)
        {
            var names = disconnected.Count == 0 ? "none" : string.Join(", ", disconnected.Select(d => d.Address));
            throw Check($"The store \"{found.Name}\" on {host} keeps {disconnected.Count} disconnected mailbox(es): {names}.", count.ToString(CultureInfo.InvariantCulture), disconnected.Count.ToString(CultureInfo.InvariantCulture),
                new($"В хранилище \"{found.Name}\" на {host} отключенных почтовых ящиков: {disconnected.Count}{(disconnected.Count == 0 ? "" : $" ({names})")}."));
        }
    }

    /// <summary>
    /// A user's setting on any Exchange tab, by the name the user's setting step takes: a storage
    /// limit (<see cref="MailboxLimitSettings"/>) read from the mailbox, the rest
    /// (<see cref="RecipientSettings"/>) from the directory's recipient.
    /// </summary>
    public async Task CheckUserSettingAsync(string host, string user, string setting, string value)
    {
        string name, label, expected, actual;
        if (Steps.DirectorySteps.IsStorageLimit(setting))
        {
            var mailbox = await UserMailboxAsync(host, user).ConfigureAwait(false);
            var row = Setting(() => MailboxLimitSettings.Find(setting));
            (name, label, expected, actual) = (row.Name, row.LabelRu, Normalised(row.Type, row.Name, value), row.Get(mailbox.Limits));
        }
        else
        {
            var (_, recipient) = await RecipientAsync(host, user).ConfigureAwait(false);
            var row = Setting(() => RecipientSettings.Find(setting));
            (name, label, expected, actual) = (row.Name, row.LabelRu, Normalised(row.Type, row.Name, value), row.Get(recipient.Settings));
        }

        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw Check($"On {host} the user {user} has {name} = {actual}.", $"{name} = {expected}", $"{name} = {actual}",
                new($"На {host} у пользователя {user} {name} = {actual} («{label}»)."));
        }
    }

    /// <summary>Each of <paramref name="members"/> (an alias, name or address) is a direct member of the distribution group.</summary>
    public async Task CheckGroupMembersAsync(string group, string host, IReadOnlyList<string> members)
    {
        var directory = HostDirectory.Of(await HostAsync(host).ConfigureAwait(false));
        if (directory.FindRecipient(group) is not DistributionGroup found)
        {
            throw Check($"There is no distribution group \"{group}\" in the directory of {host}.", $"the group \"{group}\"", "no such group",
                new($"В каталоге {host} нет группы рассылки \"{group}\".", $"группа \"{group}\"", "такой группы нет"));
        }

        var current = found.Members.Select(directory.FindRecipient).ToArray();
        var missing = members.Where(m => directory.FindRecipient(m) is not { } wanted || !current.Contains(wanted)).ToArray();
        if (missing.Length > 0)
        {
            var actual = found.Members.Count == 0 ? "no members" : string.Join(", ", found.Members);
            throw Check($"The distribution group \"{found.Name}\" on {host} does not have {string.Join(", ", missing)} among its members.", string.Join(", ", members), actual,
                new($"В группе рассылки \"{found.Name}\" на {host} нет {string.Join(", ", missing)}.", Actual: found.Members.Count == 0 ? "участников нет" : null));
        }
    }

    /// <summary>ESM's Mailboxes node, Last Logon Time: a POP3 or IMAP4 client has logged on to the mailbox.</summary>
    public async Task CheckLastLogonAsync(string host, string address)
    {
        var mailbox = await UserMailboxAsync(host, address).ConfigureAwait(false);
        if (mailbox.LastLogonTime is null)
        {
            throw Check($"Nobody has logged on to the mailbox {address} on {host}.", "a last logon time", "never",
                new($"В почтовый ящик {address} на {host} ещё никто не входил.", "время последнего входа", "никогда"));
        }
    }

    /// <summary>The user's mailbox by its address, or by the alias or name the directory knows the user by.</summary>
    private async Task<Mail.Exchange.ExchangeMailbox> UserMailboxAsync(string host, string user)
    {
        var exchange = await ExchangeAsync(host).ConfigureAwait(false);
        var account = HostDirectory.Of(await HostAsync(host).ConfigureAwait(false)).FindRecipient(user.Trim()) is DirectoryUser found ? found.Account : user.Trim();
        return exchange.FindMailbox(account)
            ?? throw new ScenarioSetupException($"{user} has no mailbox on {host}.", $"У {user} нет почтового ящика на {host}.");
    }

    private static ServiceStartupType ParseStartupType(string type) => type switch
    {
        "automatic" or "авто" => ServiceStartupType.Automatic,
        "manual" or "вручную" => ServiceStartupType.Manual,
        "disabled" or "отключена" => ServiceStartupType.Disabled,
        _ => throw new ScenarioSetupException($"Unknown startup type \"{type}\": automatic, manual or disabled.", $"Неизвестный тип запуска \"{type}\": авто, вручную или отключена."),
    };

    private static string Word(ServiceStartupType type) => type.ToString().ToLowerInvariant();

    /// <summary>The Services console's Russian words: «Авто», «Вручную», «Отключена».</summary>
    private static string RussianWord(ServiceStartupType type) => type switch
    {
        ServiceStartupType.Automatic => "авто",
        ServiceStartupType.Manual => "вручную",
        _ => "отключена",
    };

    private static T Setting<T>(Func<T> find)
    {
        try
        {
            return find();
        }
        catch (InvalidSettingException e)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }

    /// <summary>The value as the setting's type prints it, so "0" and "0.0", "yes" and "true" compare equal.</summary>
    private static string Normalised(SettingType type, string name, string value)
    {
        try
        {
            return type.Format(type.Parse(name, value));
        }
        catch (InvalidSettingException e)
        {
            throw new ScenarioSetupException(e.Message);
        }
    }
}
