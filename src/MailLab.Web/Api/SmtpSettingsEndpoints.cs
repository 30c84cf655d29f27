using System.Text.Json;
using MailLab.Hosting;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// A virtual server's property sheet (General, Access, Messages, Delivery tabs) by setting name, from
/// the same table the CLI and the scenarios use (<see cref="VirtualServerSettings"/>).
/// </summary>
internal static class SmtpSettingsEndpoints
{
    public static void MapSmtpSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/settings/schema", () => Results.Ok(Schema()))
            .WithName("GetVirtualServerSettingsSchema")
            .WithSummary("The settings table the property sheet is built from: tabs, group boxes, and each setting's name, editor, type, default, JSON Schema of its value, en/ru label and help.");

        api.MapGet("/servers/{server}/smtp/{virtualServer}/settings", (string server, string virtualServer, MailLabServer runtime) =>
                ServerEndpoints.Find(runtime, server, virtualServer, out var vs) ?? Results.Ok(SettingJson.ByTab(vs!)))
            .WithName("GetVirtualServerSettings")
            .WithSummary("The virtual server's settings by property-sheet tab: {general, access, messages, delivery}, each a map of setting name to value (null: no limit / none).");

        api.MapPatch("/servers/{server}/smtp/{virtualServer}/settings", async (string server, string virtualServer, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                var (changes, error) = await ReadChangesAsync(context, "{\"maxRecipientsPerMessage\": 5}");
                if (error is not null)
                {
                    return error;
                }

                try
                {
                    VirtualServerSettings.ApplyAll(vs!, changes!);
                }
                catch (InvalidSettingException e)
                {
                    return JsonBody.BadRequest(e.Message);
                }

                return Results.Ok(SettingJson.ByTab(vs!));
            })
            .WithName("ChangeVirtualServerSettings")
            .WithSummary("Changes settings, all or nothing: a flat object of setting name to value. 400 names the first unknown setting or bad value; the answer is the full settings object.");
    }

    /// <summary>
    /// A PATCH body of any settings group: a flat JSON object of setting name to value, as the text
    /// forms the table reads (so a JSON value and a typed command-line value go through the same checks).
    /// </summary>
    internal static async Task<(KeyValuePair<string, string>[]? Changes, IResult? Error)> ReadChangesAsync(HttpContext context, string example)
    {
        var (body, error) = await JsonBody.ReadAsync<JsonElement?>(context.Request);
        if (error is not null)
        {
            return (null, error);
        }

        if (body!.Value.ValueKind != JsonValueKind.Object)
        {
            return (null, JsonBody.BadRequest($"The body must be a JSON object of setting name to value, e.g. {example}."));
        }

        try
        {
            return (body.Value.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, SettingJson.ToText(p.Name, p.Value))).ToArray(), null);
        }
        catch (InvalidSettingException e)
        {
            return (null, JsonBody.BadRequest(e.Message));
        }
    }

    /// <summary>The property sheet from the settings table: what the page draws and labels (<see cref="SettingsSheet"/>), the POP3 service's properties, and an Exchange store's Limits tab and a user's Storage Limits.</summary>
    internal static SettingsSchemaDto Schema()
    {
        var defaults = VirtualServerSnapshot.Defaults("");
        return new(
            SettingsSheet.Layout()
                .Select(tab => new SheetTabDto(tab.Name, tab.Groups
                    .Select(group => new SheetGroupDto(group.Name, group.Settings.Select(s => Describe(s, defaults)).ToArray()))
                    .ToArray()))
                .ToArray(),
            Pop3SettingsEndpoints.Schema(),
            ExchangeMailboxEndpoints.StoreSchema(),
            ExchangeMailboxEndpoints.MailboxSchema());
    }

    /// <summary>One setting of any group as the schema describes it.</summary>
    internal static SettingSchemaDto Describe<TSnapshot>(Setting<TSnapshot> s, TSnapshot defaults) => new(
        s.Name,
        s.Type.Editor,
        s.Kind.ToString(),
        new Dictionary<string, string> { ["en"] = s.LabelEn, ["ru"] = s.LabelRu },
        s.Help,
        s.Default is "" ? null : SettingJson.Value(s, defaults),
        s.Type.Schema());
}
