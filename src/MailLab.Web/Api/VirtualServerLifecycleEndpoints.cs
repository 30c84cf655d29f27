using System.Net;
using System.Net.Sockets;
using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// The New SMTP Virtual Server wizard (name, IP address and TCP port, home directory, default domain)
/// and deleting a virtual server. A new one listens at once; a deleted one stops listening.
/// </summary>
internal static class VirtualServerLifecycleEndpoints
{
    public static void MapVirtualServerLifecycleEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/servers/{server}/smtp", async (string server, HttpContext context, MailLabServer runtime) =>
            {
                if (runtime.World.FindHost(server) is not { } host)
                {
                    return ServerEndpoints.NotFound($"No server \"{server}\".");
                }

                if (AdminAuthorization.AuthorizeAdministrator(context, host) is { } refused)
                {
                    return refused;
                }

                var (request, error) = await JsonBody.ReadAsync<NewVirtualServerRequest>(context.Request);
                if (error is not null)
                {
                    return error;
                }

                if (Validate(request!, out var address) is { } invalid)
                {
                    return JsonBody.BadRequest(invalid);
                }

                try
                {
                    var vs = host.Smtp.AddVirtualServer(request!.Name!.Trim(), address!, request.Port!.Value, request.HomeDirectory!.Trim(), request.DefaultDomain!.Trim());
                    return Results.Created($"/api/servers/{Uri.EscapeDataString(host.Name)}/smtp/{Uri.EscapeDataString(vs.Name)}", ApiMapper.ToDto(vs, runtime));
                }
                catch (InvalidOperationException e)
                {
                    return JsonBody.Conflict(e.Message);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
                {
                    return JsonBody.Conflict($"port {request!.Port} is already in use on this machine by another program.");
                }
                catch (ArgumentException e)
                {
                    return JsonBody.BadRequest(e.Message);
                }
            })
            .WithName("CreateVirtualServer")
            .WithSummary("Creates an SMTP virtual server (body: name, ipAddress, port, homeDirectory, defaultDomain); it listens at once (port 0: any free port). 409 when the name or IP:port is taken.");

        api.MapDelete("/servers/{server}/smtp/{virtualServer}", (string server, string virtualServer, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                vs!.Service.RemoveVirtualServer(vs);
                return Results.NoContent();
            })
            .WithName("DeleteVirtualServer")
            .WithSummary("Deletes an SMTP virtual server: it stops (its listener closes, its sessions end) and is gone.");
    }

    private static string? Validate(NewVirtualServerRequest request, out IPAddress? address)
    {
        address = IPAddress.Loopback;
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return "name is required: the virtual server's name, e.g. Second SMTP Virtual Server.";
        }

        if (!string.IsNullOrWhiteSpace(request.IpAddress) && !IPAddress.TryParse(request.IpAddress.Trim(), out address))
        {
            return $"ipAddress \"{request.IpAddress}\" is not an IP address such as 127.0.0.1.";
        }

        if (request.Port is not { } port)
        {
            return "port is required: the TCP port to listen on (0: any free port).";
        }

        if (port is < 0 or > 65535)
        {
            return $"port {port} is not a TCP port: use 0 to 65535.";
        }

        if (string.IsNullOrWhiteSpace(request.HomeDirectory))
        {
            return "homeDirectory is required, e.g. C:\\Inetpub\\mailroot2.";
        }

        return string.IsNullOrWhiteSpace(request.DefaultDomain) ? "defaultDomain is required: the domain the new virtual server takes mail for, e.g. second.rosnou.ru." : null;
    }
}
