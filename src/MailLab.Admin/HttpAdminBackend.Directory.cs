using System.Text.Json;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Admin;

/// <summary><c>maillab ad</c> over the REST API's /api/servers/HOST/directory.</summary>
public sealed partial class HttpAdminBackend
{
    public async Task<IReadOnlyList<RecipientView>> RecipientsAsync(string host, string kind) =>
        (await SendAsync(HttpMethod.Get, $"{Directory(host)}/{kind}s")).EnumerateArray().Select(Recipient).ToArray();

    public async Task<RecipientView> RecipientAsync(string host, string recipient) =>
        Recipient(await SendAsync(HttpMethod.Get, RecipientPath(host, recipient)));

    public async Task<RecipientView> SetUserAsync(string host, string account, string? alias, string? firstName, string? lastName) =>
        Recipient(await SendAsync(HttpMethod.Post, $"{Directory(host)}/users", new { address = account, alias, firstName, lastName }));

    public async Task<RecipientView> CreateContactAsync(string host, string name, string externalAddress, string? alias) =>
        Recipient(await SendAsync(HttpMethod.Post, $"{Directory(host)}/contacts", new { name, externalAddress, alias }));

    public async Task<RecipientView> CreateGroupAsync(string host, string name, string? alias, IReadOnlyList<string> members) =>
        Recipient(await SendAsync(HttpMethod.Post, $"{Directory(host)}/groups", new { name, alias, members }));

    public async Task<RecipientView> EstablishEmailAddressAsync(string host, string user, string externalAddress) =>
        Recipient(await SendAsync(HttpMethod.Post, $"{RecipientPath(host, user)}/email-address", new { externalAddress }));

    public async Task<RecipientView> ChangeAddressAsync(string host, string recipient, string action, string address)
    {
        var addresses = $"{RecipientPath(host, recipient)}/proxy-addresses";
        return Recipient(action switch
        {
            "remove" => await SendAsync(HttpMethod.Delete, $"{addresses}/{Uri.EscapeDataString(address)}"),
            "primary" => await SendAsync(HttpMethod.Post, $"{addresses}/{Uri.EscapeDataString(address)}/primary"),
            _ => await SendAsync(HttpMethod.Post, addresses, new { address }),
        });
    }

    public async Task<RecipientView> ChangeMemberAsync(string host, string group, bool add, string member)
    {
        var members = $"{Directory(host)}/groups/{Uri.EscapeDataString(group)}/members";
        return Recipient(add
            ? await SendAsync(HttpMethod.Post, members, new { member })
            : await SendAsync(HttpMethod.Delete, $"{members}/{Uri.EscapeDataString(member)}"));
    }

    public async Task<IReadOnlyDictionary<string, string>> SetRecipientSettingsAsync(string host, string recipient, IReadOnlyList<KeyValuePair<string, string>> changes) =>
        SettingsText(await SendAsync(HttpMethod.Put, $"{RecipientPath(host, recipient)}/settings", changes.ToDictionary(c => c.Key, c => c.Value)));

    private static string Directory(string host) => $"{Host(host)}/directory";

    private static string RecipientPath(string host, string recipient) => $"{Directory(host)}/recipients/{Uri.EscapeDataString(recipient)}";

    private static RecipientView Recipient(JsonElement r) => new(
        r.GetProperty("kind").GetString()!,
        r.GetProperty("name").GetString()!,
        r.GetProperty("alias").GetString()!,
        r.GetProperty("displayName").GetString()!,
        r.GetProperty("account").GetString(),
        r.GetProperty("externalAddress").GetString(),
        r.GetProperty("proxyAddresses").EnumerateArray().Select(p => p.GetString()!).ToArray(),
        r.GetProperty("members").ValueKind == JsonValueKind.Array ? r.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray() : null,
        r.GetProperty("settings").ValueKind == JsonValueKind.Object ? SettingsText(r.GetProperty("settings")) : null);

    private static Dictionary<string, string> SettingsText(JsonElement settings) =>
        settings.EnumerateObject().ToDictionary(p => p.Name, p => SettingJson.ToText(p.Name, p.Value));
}
