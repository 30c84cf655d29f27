using MailLab.Hosting;
using MailLab.Mail.Pop3;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Settings;
using MailLab.Mail.Smtp.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// The POP3 service's properties by setting name, from the same table the topology file and the
/// scenarios use (<see cref="Pop3Settings"/>); GET /api/settings/schema describes them under <c>pop3</c>.
/// </summary>
internal static class Pop3SettingsEndpoints
{
    public static void MapPop3SettingsEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers/{server}/pop3/settings", (string server, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(Values(host.Pop3.Settings))
                    : Pop3Endpoints.NoServer(server))
            .WithName("GetPop3Settings")
            .WithSummary("The POP3 service's properties: a map of setting name to value.");

        api.MapPatch("/servers/{server}/pop3/settings", async (string server, HttpContext context, MailLabServer runtime) =>
            {
                if (runtime.World.FindHost(server) is not { } host)
                {
                    return Pop3Endpoints.NoServer(server);
                }

                var (changes, error) = await SmtpSettingsEndpoints.ReadChangesAsync(context, "{\"requireSpa\": true}");
                if (error is not null)
                {
                    return error;
                }

                try
                {
                    Pop3Settings.ApplyAll(host.Pop3, changes!);
                }
                catch (Exception e) when (e is InvalidSettingException or Pop3AdminException)
                {
                    return JsonBody.BadRequest(e.Message);
                }

                return Results.Ok(Values(host.Pop3.Settings));
            })
            .WithName("ChangePop3Settings")
            .WithSummary("Changes properties, all or nothing: a flat object of setting name to value. 400 names the first unknown setting or bad value (or a method change while domains exist); the answer is the full settings object.");
    }

    /// <summary>The POP3 group of the settings schema: each property's editor, type, labels, help, default and JSON Schema.</summary>
    internal static IReadOnlyList<SettingSchemaDto> Schema() =>
        Pop3Settings.All.Select(s => SmtpSettingsEndpoints.Describe(s, Pop3Snapshot.Defaults(""))).ToArray();

    private static IReadOnlyDictionary<string, object?> Values(Pop3Snapshot settings) => SettingJson.ByName(Pop3Settings.All, settings);
}
