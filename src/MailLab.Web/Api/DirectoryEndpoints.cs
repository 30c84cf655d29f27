using MailLab.Hosting;
using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// Active Directory Users and Computers with the Exchange extensions, for the directory of a host's
/// organisation: users, contacts and distribution groups, Exchange Tasks (Establish E-mail
/// Addresses, Configure Exchange Features), the E-mail Addresses tab, group membership, and each
/// user's delivery restrictions, delivery options and features by setting name
/// (<see cref="RecipientSettings"/>, what <c>maillab ad</c> and the scenarios use). A recipient is
/// named by alias, name or any of its addresses.
/// </summary>
internal static class DirectoryEndpoints
{
    private const string Root = "/servers/{server}/directory";

    public static void MapDirectoryEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet(Root, (string server, MailLabServer runtime) => With(runtime, server, d => Results.Ok(ToDto(d))))
            .WithName("GetDirectory")
            .WithSummary("The host's Active Directory domain: recipient policies, users, contacts and distribution groups with their addresses.");

        api.MapGet(Root + "/users", (string server, MailLabServer runtime) => With(runtime, server, d => Results.Ok(d.Users.Select(ToDto).ToArray())))
            .WithName("ListDirectoryUsers")
            .WithSummary("The directory's users with their Exchange attributes and settings.");

        api.MapGet(Root + "/contacts", (string server, MailLabServer runtime) => With(runtime, server, d => Results.Ok(d.Contacts.Select(ToDto).ToArray())))
            .WithName("ListDirectoryContacts")
            .WithSummary("The directory's mail-enabled contacts.");

        api.MapGet(Root + "/groups", (string server, MailLabServer runtime) => With(runtime, server, d => Results.Ok(d.Groups.Select(ToDto).ToArray())))
            .WithName("ListDirectoryGroups")
            .WithSummary("The directory's distribution groups with their members.");

        api.MapGet(Root + "/recipients/{recipient}", (string server, string recipient, MailLabServer runtime) =>
                WithRecipient(runtime, server, recipient, (_, r) => ToDto(r)))
            .WithName("GetDirectoryRecipient")
            .WithSummary("One user, contact or group by alias, name or address.");

        api.MapPost(Root + "/users", async (HttpRequest request, string server, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<DirectoryUserRequestDto>(request);
                return error ?? With(runtime, server, d => Change(() => ToDto(d.AddUser(Required(body!.Address, "address"), body.Alias, body.FirstName, body.LastName))));
            })
            .WithName("SetDirectoryUser")
            .WithSummary("Gives a user (by account address) its alias, given name and surname; the recipient policy then gives its addresses.");

        api.MapPost(Root + "/contacts", async (HttpRequest request, string server, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<DirectoryContactRequestDto>(request);
                return error ?? With(runtime, server, d => Change(() => ToDto(d.AddContact(
                    Required(body!.Name, "name"), Required(body.ExternalAddress, "externalAddress"), body.Alias, body.FirstName, body.LastName)), created: true));
            })
            .WithName("CreateDirectoryContact")
            .WithSummary("New, Contact, with an external SMTP address (Exchange's Create an E-mail Address).");

        api.MapPost(Root + "/groups", async (HttpRequest request, string server, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<DirectoryGroupRequestDto>(request);
                return error ?? With(runtime, server, d => Change(() =>
                {
                    var group = d.AddGroup(Required(body!.Name, "name"), body.Alias);
                    foreach (var member in body.Members ?? [])
                    {
                        d.AddMember(group, member);
                    }

                    return ToDto(group);
                }, created: true));
            })
            .WithName("CreateDistributionGroup")
            .WithSummary("New, Group (Distribution) with an Exchange e-mail address, and its first members.");

        api.MapPost(Root + "/recipients/{recipient}/email-address", async (HttpRequest request, string server, string recipient, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<ExternalAddressRequestDto>(request);
                return error ?? WithRecipient(runtime, server, recipient, (d, r) => r is DirectoryUser user
                    ? ToDto(d.EstablishEmailAddress(user.Account, Required(body!.ExternalAddress, "externalAddress")))
                    : throw new RecipientAdminException($"{r.Name} is not a user: a contact gets its external address when it is created."));
            })
            .WithName("EstablishEmailAddress")
            .WithSummary("Exchange Tasks, Establish E-mail Addresses: the user is mail-enabled with an external address; its mail goes there.");

        api.MapPost(Root + "/recipients/{recipient}/proxy-addresses", async (HttpRequest request, string server, string recipient, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<ProxyAddressRequestDto>(request);
                return error ?? WithRecipient(runtime, server, recipient, (d, r) =>
                {
                    d.AddProxy(r, body!.Address ?? string.Empty);
                    return ToDto(r);
                });
            })
            .WithName("AddProxyAddress")
            .WithSummary("E-mail Addresses tab, New, SMTP Address: SMTP: makes it the primary (reply) address, smtp: a secondary one.");

        api.MapPost(Root + "/recipients/{recipient}/proxy-addresses/{address}/primary", (string server, string recipient, string address, MailLabServer runtime) =>
                WithRecipient(runtime, server, recipient, (d, r) =>
                {
                    d.SetPrimary(r, address);
                    return ToDto(r);
                }))
            .WithName("SetPrimaryProxyAddress")
            .WithSummary("E-mail Addresses tab, Set as Primary.");

        api.MapDelete(Root + "/recipients/{recipient}/proxy-addresses/{address}", (string server, string recipient, string address, MailLabServer runtime) =>
                WithRecipient(runtime, server, recipient, (d, r) =>
                {
                    d.RemoveProxy(r, address);
                    return ToDto(r);
                }))
            .WithName("RemoveProxyAddress")
            .WithSummary("E-mail Addresses tab, Remove (never the primary address while others remain).");

        api.MapPost(Root + "/groups/{group}/members", async (HttpRequest request, string server, string group, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<GroupMemberRequestDto>(request);
                return error ?? WithGroup(runtime, server, group, (d, g) =>
                {
                    d.AddMember(g, Required(body!.Member, "member"));
                    return ToDto(g);
                });
            })
            .WithName("AddGroupMember")
            .WithSummary("Members tab, Add: a user, contact or group by alias, name or address.");

        api.MapDelete(Root + "/groups/{group}/members/{member}", (string server, string group, string member, MailLabServer runtime) =>
                WithGroup(runtime, server, group, (d, g) =>
                {
                    d.RemoveMember(g, member);
                    return ToDto(g);
                }))
            .WithName("RemoveGroupMember")
            .WithSummary("Members tab, Remove.");

        api.MapGet(Root + "/recipients/{recipient}/settings", (string server, string recipient, MailLabServer runtime) =>
                WithRecipient(runtime, server, recipient, (_, r) => SettingJson.ByName(RecipientSettings.All, r.Settings)))
            .WithName("GetRecipientSettings")
            .WithSummary("Delivery Restrictions, Delivery Options and Exchange Features: a map of setting name to value.");

        api.MapPut(Root + "/recipients/{recipient}/settings", async (HttpContext context, string server, string recipient, MailLabServer runtime) =>
            {
                var (changes, error) = await SmtpSettingsEndpoints.ReadChangesAsync(context, "{\"maxReceivingSizeKb\": 1024, \"pop3\": \"disabled\"}");
                return error ?? WithRecipient(runtime, server, recipient, (_, r) =>
                {
                    RecipientSettings.ApplyAll(r, changes!);
                    return SettingJson.ByName(RecipientSettings.All, r.Settings);
                });
            })
            .WithName("ChangeRecipientSettings")
            .WithSummary("Changes settings, all or nothing (Configure Exchange Features is pop3 / imap4 / owa: enabled or disabled). 400 names the first unknown setting or bad value and lists the valid names.");
    }

    private static IResult With(MailLabServer runtime, string server, Func<ActiveDirectory, IResult> action) =>
        runtime.World.FindHost(server) is { } host ? action(HostDirectory.Of(host)) : Pop3Endpoints.NoServer(server);

    private static IResult WithRecipient<T>(MailLabServer runtime, string server, string recipient, Func<ActiveDirectory, DirectoryRecipient, T> action) =>
        With(runtime, server, d => d.FindRecipient(recipient) is { } found
            ? Change(() => action(d, found))
            : Results.NotFound(new ProblemDto($"There is no user, contact or group \"{recipient}\" in the directory {d.Name}.")));

    private static IResult WithGroup<T>(MailLabServer runtime, string server, string group, Func<ActiveDirectory, DistributionGroup, T> action) =>
        With(runtime, server, d => d.FindRecipient(group) is DistributionGroup found
            ? Change(() => action(d, found))
            : Results.NotFound(new ProblemDto($"There is no distribution group \"{group}\" in the directory {d.Name}.")));

    /// <summary>Runs a change; ADUC's refusal or a bad setting is a 400 with its one-line reason.</summary>
    private static IResult Change<T>(Func<T> change, bool created = false)
    {
        try
        {
            var value = change();
            return created ? Results.Created((string?)null, value) : Results.Ok(value);
        }
        catch (Exception e) when (e is RecipientAdminException or InvalidSettingException)
        {
            return JsonBody.BadRequest(e.Message);
        }
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RecipientAdminException($"{field} is required.") : value.Trim();

    internal static DirectoryDto ToDto(ActiveDirectory directory) => new(
        directory.Name,
        directory.RecipientPolicies.Select(p => new RecipientPolicyDto(p.Name, p.IsDefault ? null : p.Priority, p.Templates.Select(t => t.ToString()).ToArray())).ToArray(),
        directory.Users.Select(ToDto).ToArray(),
        directory.Contacts.Select(ToDto).ToArray(),
        directory.Groups.Select(ToDto).ToArray());

    internal static RecipientDto ToDto(DirectoryRecipient r) => new(
        r.Kind.ToString().ToLowerInvariant(),
        r.Name,
        r.Alias,
        r.DisplayName,
        r.FirstName,
        r.LastName,
        (r as DirectoryUser)?.Account,
        r.ExternalAddress,
        r.PrimaryAddress,
        r.ProxyAddresses.Select(p => p.ToString()).ToArray(),
        (r as DistributionGroup)?.Members,
        r is DirectoryUser ? SettingJson.ByName(RecipientSettings.All, r.Settings) : null);
}
