using MailLab.Hosting;
using MailLab.Mail.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>Servers, their SMTP service and virtual servers: listing and start / pause / stop.</summary>
internal static class ServerEndpoints
{
    public static void MapServerEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers", (MailLabServer runtime) =>
                runtime.World.Hosts.Select(h => ApiMapper.ToDto(h, runtime)).ToArray())
            .WithName("ListServers")
            .WithSummary("Each server with its SMTP virtual servers (state, endpoint, limits) and listeners.");

        api.MapGet("/servers/{server}", (string server, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host ? Results.Ok(ApiMapper.ToDto(host, runtime)) : NotFound($"No server \"{server}\"."))
            .WithName("GetServer");

        api.MapPost("/servers/{server}/smtp/service/{action}", (string server, string action, HttpContext context, MailLabServer runtime) =>
            {
                if (runtime.World.FindHost(server) is not { } host)
                {
                    return NotFound($"No server \"{server}\".");
                }

                // The service's state applies to every virtual server, so the caller must operate them all.
                if (AdminAuthorization.Authorize(context, host, host.Smtp.VirtualServers.ToArray()) is { } refused)
                {
                    return refused;
                }

                Action? apply = action.ToLowerInvariant() switch
                {
                    "start" => host.Smtp.Start,
                    "pause" => host.Smtp.Pause,
                    "stop" => host.Smtp.Stop,
                    _ => null,
                };
                if (apply is null)
                {
                    return BadAction(action);
                }

                apply();
                return Results.Ok(ApiMapper.ToDto(host, runtime));
            })
            .WithName("ControlSmtpService")
            .WithSummary("Starts, pauses or stops the host's SMTP service, and with it every virtual server (action: start, pause, stop).");

        api.MapPost("/servers/{server}/smtp/{virtualServer}/{action}", (string server, string virtualServer, string action, HttpContext context, MailLabServer runtime) =>
            {
                if (FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                Action? apply = action.ToLowerInvariant() switch
                {
                    "start" => vs!.Start,
                    "pause" => vs!.Pause,
                    "stop" => vs!.Stop,
                    _ => null,
                };
                if (apply is null)
                {
                    return BadAction(action);
                }

                apply();
                return Results.Ok(ApiMapper.ToDto(vs!, runtime));
            })
            .WithName("ControlVirtualServer")
            .WithSummary("Starts, pauses or stops one SMTP virtual server (action: start, pause, stop).");

        api.MapGet("/servers/{server}/smtp/{virtualServer}/folders/{folder}", (string server, string virtualServer, string folder, MailLabServer runtime) =>
            {
                if (Find(runtime, server, virtualServer, out var vs) is { } missing)
                {
                    return missing;
                }

                var found = vs!.HomeDirectory.Folders.FirstOrDefault(f => f.Name.Equals(folder, StringComparison.OrdinalIgnoreCase));
                return found is null
                    ? NotFound($"No folder \"{folder}\": the home directory has Badmail, Drop, Pickup and Queue.")
                    : Results.Ok(found.Files.Select(f => new MailFileDto(f.Name, f.Created, ApiMapper.ToDto(f.Message))).ToArray());
            })
            .WithName("ListHomeDirectoryFolder")
            .WithSummary("The files in a home-directory folder (Badmail, Drop, Pickup, Queue).");

        api.MapGet("/servers/{server}/queue", (string server, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(host.Smtp.VirtualServers.SelectMany(v => v.Queue.Entries.Select(e => ApiMapper.ToDto(v, e))).ToArray())
                    : NotFound($"No server \"{server}\"."))
            .WithName("ListQueue")
            .WithSummary("The messages in the queues of the host's virtual servers: the recipients still to deliver, failed attempts and the next attempt (maillab smtp queue).");
    }

    public static void MapPickupEndpoint(this IEndpointRouteBuilder api)
    {
        api.MapPost("/servers/{server}/smtp/{virtualServer}/pickup", async (string server, string virtualServer, HttpRequest request, MailLabServer runtime) =>
            {
                if (Find(runtime, server, virtualServer, out var vs) is { } missing)
                {
                    return missing;
                }

                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                if (body.Length == 0)
                {
                    return Results.BadRequest(new ProblemDto("The request body must be an RFC 822 message."));
                }

                var file = Mail.Delivery.PickupAgent.Drop(vs!, body.ToArray());
                return Results.Accepted(value: new { file = file.Name, folder = $"{vs!.HomeDirectory.Path}\\Pickup" });
            })
            .WithName("DropInPickup")
            .WithSummary("Places an RFC 822 message (the request body) in the virtual server's Pickup folder; it is sent from there.");
    }

    internal static IResult NotFound(string error) => Results.NotFound(new ProblemDto(error));

    private static IResult BadAction(string action) =>
        Results.BadRequest(new ProblemDto($"Unknown action \"{action}\": use start, pause or stop."));

    /// <summary>The virtual server to change, or the 404 / 401 / 403 answer.</summary>
    internal static IResult? FindForChange(HttpContext context, MailLabServer runtime, string server, string virtualServer, out SmtpVirtualServer? vs) =>
        Find(runtime, server, virtualServer, out vs) ?? AdminAuthorization.Authorize(context, vs!.Host, vs);

    internal static IResult? Find(MailLabServer runtime, string server, string virtualServer, out SmtpVirtualServer? vs)
    {
        vs = null;
        if (runtime.World.FindHost(server) is not { } host)
        {
            return NotFound($"No server \"{server}\".");
        }

        vs = host.Smtp.Find(virtualServer);
        return vs is null ? NotFound($"No SMTP virtual server \"{virtualServer}\" on {host.Name}.") : null;
    }
}
