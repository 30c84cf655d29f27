using MailLab.Hosting;
using MailLab.Mail.Exchange;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// A mailbox store's Mailboxes and Logons nodes in Exchange System Manager, Move Mailbox, and the
/// store's Limits tab and a user's Storage Limits dialog by setting name (the tables
/// <see cref="StoreLimitSettings"/> and <see cref="MailboxLimitSettings"/> the topology file and the
/// scenario steps share). 404 for a host that is not an Exchange server, a store or mailbox it does
/// not have; 409 for what Exchange refuses, with its text.
/// </summary>
internal static class ExchangeMailboxEndpoints
{
    public static void MapExchangeMailboxEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers/{server}/exchange/stores/{store}/mailboxes", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (host, exchange, s) => Results.Ok(exchange.MailboxesOn(s).Select(m => ToDto(host, m)).ToList())))
            .WithName("GetStoreMailboxes")
            .WithSummary("The store's Mailboxes node: display name, address, size (KB), total items, last logon and logoff time, store.");

        api.MapGet("/servers/{server}/exchange/stores/{store}/logons", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (_, exchange, s) => Results.Ok(exchange.Logons
                    .Where(l => exchange.StoreOf(l.Address) == s)
                    .Select(l => new ExchangeLogonDto(l.Address, l.Protocol, l.ClientAddress, l.Since)).ToList())))
            .WithName("GetStoreLogons")
            .WithSummary("The store's Logons node: who is logged on to a mailbox of the store, by which protocol (POP3, IMAP4), from which client address, since when.");

        api.MapPost("/servers/{server}/exchange/mailboxes", async (string server, HttpRequest request, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<CreateMailboxDto>(request);
                if (error is not null)
                {
                    return error;
                }

                if (string.IsNullOrWhiteSpace(body!.Address) || string.IsNullOrWhiteSpace(body.Store))
                {
                    return JsonBody.BadRequest("address and store are required: the user's account address and the mailbox store to create the mailbox on.");
                }

                return WithStore(runtime, server, body.Store, (host, exchange, store) => host.Accounts.Find(body.Address.Trim()) is not { } account
                    ? Results.NotFound(new ProblemDto($"There is no user {body.Address.Trim()} in the directory of {host.Name}: create the account first."))
                    : Refusable(() =>
                    {
                        var mailbox = exchange.CreateMailbox(account.Address, store, body.Alias);
                        return Results.Created($"/api/servers/{Uri.EscapeDataString(host.Name)}/exchange/mailboxes/{Uri.EscapeDataString(mailbox.Address)}", ToDto(host, mailbox));
                    }));
            })
            .WithName("CreateMailbox")
            .WithSummary("Exchange Tasks, Create Mailbox for a user (an account of the host): {\"address\", \"store\", \"alias\"?}. 404 for an unknown store or user; 409 when the user has a mailbox or the alias is taken. A dismounted store is accepted, as Exchange sets the directory's attributes at once and makes the mailbox in the store at the first logon or delivery; mail waits until the store mounts.");

        api.MapDelete("/servers/{server}/exchange/mailboxes/{address}", (string server, string address, MailLabServer runtime) =>
                WithMailbox(runtime, server, address, (exchange, m) => Refusable(() => Results.Ok(ToDto(exchange.DeleteMailbox(m.Address))))))
            .WithName("DeleteMailbox")
            .WithSummary("Exchange Tasks, Delete Mailbox: the user keeps its account; mail to it is returned with a 5.1.1 NDR; the mailbox stays on its store, disconnected, until the store's \"Keep deleted mailboxes for (days)\" have passed (purgeAfter).");

        api.MapGet("/servers/{server}/exchange/stores/{store}/deleted-mailboxes", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (_, exchange, s) => Results.Ok(exchange.DeletedMailboxesOn(s).Select(ToDto).ToList())))
            .WithName("GetDeletedMailboxes")
            .WithSummary("The store's disconnected mailboxes (deleted, not purged yet): address, when deleted, when purged, items and size then.");

        api.MapPost("/servers/{server}/exchange/stores/{store}/deleted-mailboxes/{address}/purge", (string server, string store, string address, MailLabServer runtime) =>
                WithStore(runtime, server, store, (_, exchange, s) => Refusable(() =>
                {
                    exchange.PurgeMailbox(s, address);
                    return Results.Ok(exchange.DeletedMailboxesOn(s).Select(ToDto).ToList());
                })))
            .WithName("PurgeMailbox")
            .WithSummary("ESM's Purge on a disconnected mailbox: it is gone for good; the answer is the store's remaining disconnected mailboxes.");

        api.MapPost("/servers/{server}/exchange/stores/{store}/deleted-mailboxes/{address}/reconnect", async (string server, string store, string address, HttpRequest request, MailLabServer runtime) =>
            {
                // No body at all (curl -X POST): the mailbox's own user.
                var empty = request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null);
                var (body, error) = empty ? (new ReconnectMailboxDto(null), null) : await JsonBody.ReadAsync<ReconnectMailboxDto>(request);
                if (error is not null)
                {
                    return error;
                }

                var user = string.IsNullOrWhiteSpace(body!.User) ? address : body.User.Trim();
                return WithStore(runtime, server, store, (host, exchange, s) => host.Accounts.Find(user) is not { } account
                    ? Results.NotFound(new ProblemDto(ExchangeServer.NoUserToReconnect(user, host.Name)))
                    : Refusable(() => Results.Ok(ToDto(host, exchange.ReconnectMailbox(s, address, account.Address)))));
            })
            .WithName("ReconnectMailbox")
            .WithSummary("ESM's Reconnect on a disconnected mailbox: {\"user\"?} (an account of the host without a mailbox; by default the mailbox's own address) gets it on that store with its folders and messages. 404 for an unknown store or user; 409 when the user has a mailbox, the store is dismounted or the Information Store stopped, or there is no such disconnected mailbox.");

        api.MapPost("/servers/{server}/exchange/mailboxes/{address}/move", async (string server, string address, HttpRequest request, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<MoveMailboxDto>(request);
                if (error is not null)
                {
                    return error;
                }

                if (string.IsNullOrWhiteSpace(body!.Store))
                {
                    return JsonBody.BadRequest("store is required: the name of the mailbox store to move the mailbox to.");
                }

                return WithStore(runtime, server, body.Store, (host, exchange, target) => Refusable(() =>
                {
                    exchange.MoveMailbox(address, target);
                    return Results.Ok(ToDto(host, exchange.FindMailbox(address)!));
                }));
            })
            .WithName("MoveMailbox")
            .WithSummary("Exchange Tasks, Move Mailbox: to another mailbox store of the server ({\"store\": \"NAME\"}). The messages stay; the journey of each shows the move. 409 when a store is not mounted.");

        api.MapGet("/servers/{server}/exchange/stores/{store}/limits", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (_, _, s) => Results.Ok(SettingJson.ByName(StoreLimitSettings.All, s.Limits))))
            .WithName("GetStoreLimits")
            .WithSummary("The store's Limits tab: a map of setting name to value (null: the check box cleared).");

        api.MapPut("/servers/{server}/exchange/stores/{store}/limits", async (string server, string store, HttpContext context, MailLabServer runtime) =>
            {
                var (changes, error) = await SmtpSettingsEndpoints.ReadChangesAsync(context, "{\"prohibitSendAndReceiveKb\": 100000}");
                return error ?? WithStore(runtime, server, store, (_, exchange, s) => Refusable(() =>
                    Results.Ok(SettingJson.ByName(StoreLimitSettings.All, exchange.ConfigureLimits(s, l => StoreLimitSettings.Apply(l, changes!))))));
            })
            .WithName("ChangeStoreLimits")
            .WithSummary("Changes the Limits tab, all or nothing: a flat object of setting name to value. 400 names the first unknown setting or bad value; the answer is the whole tab.");

        api.MapGet("/servers/{server}/exchange/mailboxes/{address}/rights", (string server, string address, MailLabServer runtime) =>
                WithMailbox(runtime, server, address, (_, _) => Results.Ok(MailboxRights.Defaults)))
            .WithName("GetMailboxRights")
            .WithSummary("Exchange Advanced, Mailbox Rights (read-only): each trustee with the permissions allowed and denied, and whether they are inherited from the store.");

        api.MapGet("/servers/{server}/exchange/mailboxes/{address}/limits", (string server, string address, MailLabServer runtime) =>
                WithMailbox(runtime, server, address, (_, m) => Results.Ok(SettingJson.ByName(MailboxLimitSettings.All, m.Limits))))
            .WithName("GetMailboxLimits")
            .WithSummary("The user's Storage Limits dialog: useStoreDefaults and the user's own three limits.");

        api.MapPut("/servers/{server}/exchange/mailboxes/{address}/limits", async (string server, string address, HttpContext context, MailLabServer runtime) =>
            {
                var (changes, error) = await SmtpSettingsEndpoints.ReadChangesAsync(context, "{\"useStoreDefaults\": false, \"prohibitSendAndReceiveKb\": 50000}");
                return error ?? WithMailbox(runtime, server, address, (exchange, m) => Refusable(() =>
                    Results.Ok(SettingJson.ByName(MailboxLimitSettings.All, exchange.ConfigureMailboxLimits(m.Address, l => MailboxLimitSettings.Apply(l, changes!))))));
            })
            .WithName("ChangeMailboxLimits")
            .WithSummary("Changes the user's Storage Limits, all or nothing. 400 names the first unknown setting or bad value.");
    }

    /// <summary>The Limits tab and the Storage Limits dialog in the settings schema.</summary>
    internal static IReadOnlyList<SettingSchemaDto> StoreSchema() =>
        StoreLimitSettings.All.Select(s => SmtpSettingsEndpoints.Describe(s, StoreLimits.Defaults)).ToArray();

    internal static IReadOnlyList<SettingSchemaDto> MailboxSchema() =>
        MailboxLimitSettings.All.Select(s => SmtpSettingsEndpoints.Describe(s, MailboxLimits.Defaults)).ToArray();

    private static ExchangeMailboxDto ToDto(MailHost host, ExchangeMailbox mailbox)
    {
        var held = host.Mailboxes.Find(mailbox.Address);
        var items = held?.Folders.Sum(f => f.Count) ?? 0;
        var sizeKb = ((held?.TotalSize ?? 0) + 1023) / 1024;
        return new ExchangeMailboxDto(mailbox.Address[..mailbox.Address.IndexOf('@')], mailbox.Address, sizeKb, items, mailbox.LastLogonTime, mailbox.LastLogoffTime, mailbox.Store.Name);
    }

    private static DeletedMailboxDto ToDto(DeletedMailbox d) =>
        new(d.Address, d.Store.Name, d.Deleted, d.PurgeAfter, d.TotalItems, (d.SizeBytes + 1023) / 1024);

    private static IResult Refusable(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ExchangeAdminException or Mail.Recipients.RecipientAdminException)
        {
            return JsonBody.Conflict(e.Message);
        }
        catch (InvalidSettingException e)
        {
            return JsonBody.BadRequest(e.Message);
        }
    }

    private static IResult WithExchange(MailLabServer runtime, string server, Func<MailHost, ExchangeServer, IResult> action) =>
        ExchangeEndpoints.WithExchange(runtime, server, exchange => action(exchange.Host!, exchange));

    private static IResult WithStore(MailLabServer runtime, string server, string store, Func<MailHost, ExchangeServer, ExchangeStore, IResult> action) =>
        WithExchange(runtime, server, (host, exchange) => exchange.FindStore(store) is { } found
            ? action(host, exchange, found)
            : ExchangeEndpoints.NoStore(exchange, store));

    private static IResult WithMailbox(MailLabServer runtime, string server, string address, Func<ExchangeServer, ExchangeMailbox, IResult> action) =>
        WithExchange(runtime, server, (_, exchange) => exchange.FindMailbox(address) is { } found
            ? action(exchange, found)
            : Results.NotFound(new ProblemDto($"{address} has no mailbox on {exchange.Name}.")));
}
