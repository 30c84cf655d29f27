using MailLab.Hosting;
using MailLab.Mail.Exchange;
using MailLab.Mail.Services;
using MailLab.Mail.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// An Exchange Server 2003 host through the API: Exchange System Manager's tree (storage groups,
/// stores, log files), Mount/Dismount Store, and the Services console (start, stop with the "Stop
/// Other Services" question, pause, continue, startup type). 404 for a host that is not an Exchange
/// server; 409 for what Exchange or Windows refuses, with its text.
/// </summary>
internal static class ExchangeEndpoints
{
    public static void MapExchangeEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers/{server}/exchange", (string server, MailLabServer runtime) =>
                WithExchange(runtime, server, exchange => Results.Ok(ToDto(exchange))))
            .WithName("GetExchangeServer")
            .WithSummary("The Exchange server: organisation, administrative group, edition, storage groups with their log files, stores with their database files and state, and the Application log.");

        api.MapPost("/servers/{server}/exchange/stores/{store}/mount", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (exchange, s) => exchange.Mount(s)))
            .WithName("MountStore")
            .WithSummary("Mount Store. 409 when the Information Store is not running or the database is past its size limit.");

        api.MapPost("/servers/{server}/exchange/stores/{store}/dismount", (string server, string store, MailLabServer runtime) =>
                WithStore(runtime, server, store, (exchange, s) => exchange.Dismount(s)))
            .WithName("DismountStore")
            .WithSummary("Dismount Store: its mailboxes are unavailable until it mounts again.");

        api.MapGet("/servers/{server}/exchange/properties", (string server, MailLabServer runtime) =>
                WithExchange(runtime, server, exchange => Results.Ok(Properties(exchange))))
            .WithName("GetExchangeServerProperties")
            .WithSummary("The server's property sheet: the settings by name (General: messageTrackingEnabled, removeLogFiles, removeLogFilesDays, logFileDirectory; Locales: locales; Diagnostics Logging: SERVICE/Category levels, null for None), the tracking log directory, and since when tracking is off.");

        api.MapPut("/servers/{server}/exchange/properties", async (string server, HttpContext context, MailLabServer runtime) =>
            {
                var (changes, error) = await SmtpSettingsEndpoints.ReadChangesAsync(context, "{\"messageTrackingEnabled\": false, \"MSExchangeIS/Logons\": \"Maximum\"}");
                return error ?? WithExchange(runtime, server, exchange =>
                {
                    try
                    {
                        exchange.ConfigureProperties(p => Mail.Exchange.Settings.ServerPropertySettings.Apply(p, changes!));
                        return Results.Ok(Properties(exchange));
                    }
                    catch (Exception e) when (e is Mail.Settings.InvalidSettingException or ExchangeAdminException)
                    {
                        return JsonBody.BadRequest(e.Message);
                    }
                });
            })
            .WithName("ChangeExchangeServerProperties")
            .WithSummary("Changes the property sheet, all or nothing: a flat object of setting name to value. 400 names the first unknown setting or bad value. Turning message tracking off hides what the server handles from then on from Message Tracking Center.");

        api.MapGet("/servers/{server}/exchange/services", (string server, MailLabServer runtime) =>
                WithExchange(runtime, server, exchange => Results.Ok(Services(exchange.Services))))
            .WithName("GetExchangeServices")
            .WithSummary("The server's services as the Services console lists them: status, startup type, dependencies and dependents.");

        api.MapPost("/servers/{server}/exchange/services/{service}/start", (string server, string service, MailLabServer runtime) =>
                Control(runtime, server, service, (scm, name) => scm.Start(name)))
            .WithName("StartService")
            .WithSummary("Starts the service (by short or display name) and, first, what it depends on. 409 with Windows' error: 1056 already running, 1058 disabled, 1068 a dependency failed.");

        api.MapPost("/servers/{server}/exchange/services/{service}/stop", (string server, string service, bool? stopDependents, MailLabServer runtime) =>
                WithExchange(runtime, server, exchange =>
                {
                    if (exchange.Services.Find(service) is not { } found)
                    {
                        return NoService(service);
                    }

                    var dependents = exchange.Services.DependentsThatWouldStop(service);
                    if (dependents.Count > 0 && stopDependents != true)
                    {
                        // The Services console asks "Stop Other Services": the client answers with ?stopDependents=true.
                        return Results.Conflict(new StopOtherServicesDto(
                            $"When {found.DisplayName} stops, these other services will also stop: "
                            + string.Join(", ", dependents.Select(d => d.DisplayName)) + ". Stop them too with ?stopDependents=true.",
                            ServiceControlException.DependentServicesRunning,
                            dependents.Select(ToDto).ToList()));
                    }

                    return Changes(exchange.Services, () => exchange.Services.Stop(service, stopDependents: true));
                }))
            .WithName("StopService")
            .WithSummary("Stops the service. With running dependents: 409 listing them unless ?stopDependents=true, which stops them first. 1062 when it is not started.");

        api.MapPost("/servers/{server}/exchange/services/{service}/pause", (string server, string service, MailLabServer runtime) =>
                Control(runtime, server, service, (scm, name) => scm.Pause(name)))
            .WithName("PauseService")
            .WithSummary("Pauses a running service that accepts pause (SMTP, POP3, IMAP4, WWW); 1052 otherwise.");

        api.MapPost("/servers/{server}/exchange/services/{service}/continue", (string server, string service, MailLabServer runtime) =>
                Control(runtime, server, service, (scm, name) => scm.Continue(name)))
            .WithName("ContinueService")
            .WithSummary("Resumes a paused service.");

        api.MapPut("/servers/{server}/exchange/services/{service}/startupType", async (string server, string service, HttpRequest request, MailLabServer runtime) =>
            {
                var (body, error) = await JsonBody.ReadAsync<StartupTypeDto>(request);
                if (error is not null)
                {
                    return error;
                }

                if (!Enum.TryParse<ServiceStartupType>(body!.StartupType, ignoreCase: true, out var type) || int.TryParse(body.StartupType, out _))
                {
                    return JsonBody.BadRequest("startupType is required: Automatic, Manual or Disabled.");
                }

                return WithExchange(runtime, server, exchange =>
                {
                    if (exchange.Services.Find(service) is null)
                    {
                        return NoService(service);
                    }

                    exchange.Services.SetStartupType(service, type);
                    return Results.Ok(ToDto(exchange.Services.Find(service)!));
                });
            })
            .WithName("SetServiceStartupType")
            .WithSummary("Sets the startup type (Automatic, Manual, Disabled); a running service keeps running.");
    }

    /// <summary>Runs <paramref name="action"/> on the host's Exchange server; 404 when there is no such host or it is no Exchange server.</summary>
    internal static IResult WithExchange(MailLabServer runtime, string server, Func<ExchangeServer, IResult> action) =>
        runtime.World.FindHost(server) switch
        {
            null => Pop3Endpoints.NoServer(server),
            { Exchange: null } => Results.NotFound(new ProblemDto($"\"{server}\" is not an Exchange server (its topology has no exchange block).")),
            MailHost host => action(host.Exchange!),
        };

    private static IResult WithStore(MailLabServer runtime, string server, string store, Action<ExchangeServer, ExchangeStore> action) =>
        WithExchange(runtime, server, exchange =>
        {
            if (exchange.FindStore(store) is not { } found)
            {
                return NoStore(exchange, store);
            }

            try
            {
                action(exchange, found);
            }
            catch (ExchangeAdminException e)
            {
                return JsonBody.Conflict(e.Message);
            }

            return Results.Ok(ToDto(exchange));
        });

    private static IResult Control(MailLabServer runtime, string server, string service, Func<ServiceControlManager, string, IReadOnlyList<ServiceChange>> control) =>
        WithExchange(runtime, server, exchange => exchange.Services.Find(service) is null
            ? NoService(service)
            : Changes(exchange.Services, () => control(exchange.Services, service)));

    private static IResult Changes(ServiceControlManager services, Func<IReadOnlyList<ServiceChange>> control)
    {
        try
        {
            var changes = control();
            return Results.Ok(new ServiceChangesDto(
                changes.Select(c => new ServiceChangeDto(c.Name, c.DisplayName, c.From, c.To)).ToList(),
                Services(services)));
        }
        catch (ServiceControlException e)
        {
            return Results.Conflict(new ServiceErrorDto(e.Message, e.Error));
        }
    }

    private static ServerPropertiesDto Properties(ExchangeServer exchange) => new(
        Mail.Smtp.Settings.SettingJson.ByName(Mail.Exchange.Settings.ServerPropertySettings.All, exchange.Properties),
        exchange.TrackingLogDirectory,
        exchange.TrackingOffSince is { } off ? (off == DateTimeOffset.MinValue ? null : off) : null,
        exchange.Properties.MessageTrackingEnabled);

    internal static IResult NoStore(ExchangeServer exchange, string store) => Results.NotFound(new ProblemDto($"No store \"{store}\" on {exchange.Name}."));

    private static IResult NoService(string service) => Results.NotFound(new ProblemDto($"No service \"{service}\"."));

    private static IReadOnlyList<ServiceDto> Services(ServiceControlManager services) => services.Services.Select(ToDto).ToList();

    private static ServiceDto ToDto(ServiceView s) => new(s.Name, s.DisplayName, s.Status, s.StartupType, s.DependsOn, s.Dependents, s.CanPause);

    private static ExchangeServerDto ToDto(ExchangeServer server) => new(
        server.Organization,
        server.AdministrativeGroup,
        server.Name,
        server.Edition.ToString(),
        server.ServicePack,
        server.DatabaseLimitBytes,
        server.DatabaseLimitGb,
        server.StorageGroups.Select(g => new StorageGroupDto(
            g.Name,
            g.Logs.Prefix,
            g.LogPath,
            g.SystemPath,
            g.CircularLogging,
            g.Logs.CurrentGeneration,
            g.Logs.Files.Select(f => new FileDto(f.Name, f.Bytes)).ToList(),
            g.Stores.Select(s => new ExchangeStoreDto(
                s.Name,
                s.Kind,
                s.Mounted,
                s.DoNotMountAtStartup,
                s.Limits.MaintenanceInterval,
                new FileDto(s.DatabaseFile, s.DatabaseBytes),
                new FileDto(s.StreamingFile, s.StreamingBytes),
                s.SizeBytes,
                server.Totals(s).Mailboxes,
                server.Totals(s).Items)).ToList())).ToList(),
        server.Events.Select(e => new ExchangeEventDto(e.Id, e.Source, e.Type, e.Description)).ToList());
}
