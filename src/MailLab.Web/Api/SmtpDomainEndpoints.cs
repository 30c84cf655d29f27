using MailLab.Hosting;
using MailLab.Mail.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// A virtual server's Domains node (docs/REFERENCE.md, "Domains"): exactly one Local (default) domain,
/// local aliases, and remote domains with relay, smart host (and its port) and TLS options.
/// </summary>
internal static class SmtpDomainEndpoints
{
    public static void MapSmtpDomainEndpoints(this IEndpointRouteBuilder api)
    {
        const string domains = "/servers/{server}/smtp/{virtualServer}/domains";
        api.MapGet(domains, (string server, string virtualServer, MailLabServer runtime) =>
                ServerEndpoints.Find(runtime, server, virtualServer, out var vs) ?? Results.Ok(vs!.Domains.All.Select(ApiMapper.ToDto).ToArray()))
            .WithName("ListDomains")
            .WithSummary("The virtual server's domains: name, type (Local, Alias, Remote), isDefault, and a remote domain's allowRelay, smartHost, requireTls, outboundPort.");

        api.MapPost(domains, async (string server, string virtualServer, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                var (request, error) = await JsonBody.ReadAsync<SmtpDomainRequest>(context.Request);
                if (error is not null)
                {
                    return error;
                }

                if (string.IsNullOrWhiteSpace(request!.Name))
                {
                    return JsonBody.BadRequest("name is required: the domain, e.g. rosnou.ru (a remote domain may be *.example.com).");
                }

                if (SmtpDomainTypeNames.Parse(request.Type, request.IsDefault == true) is not { } type)
                {
                    return JsonBody.BadRequest($"type must be Local, Alias or Remote, not \"{request.Type}\".");
                }

                if (type == SmtpDomainType.Remote && request.IsDefault == true)
                {
                    return JsonBody.BadRequest("isDefault: only a local domain can be the default.");
                }

                return Change(() =>
                {
                    var domain = vs!.Domains.Add(request.Name, type, Options(request));
                    return Results.Created($"/api/servers/{Uri.EscapeDataString(server)}/smtp/{Uri.EscapeDataString(vs.Name)}/domains/{domain.Name}", ApiMapper.ToDto(domain));
                });
            })
            .WithName("AddDomain")
            .WithSummary("Adds a domain (Domains → New → Domain). type Local makes it the default (the old default becomes an alias); 409 when it exists.");

        api.MapPut(domains + "/{domain}", async (string server, string virtualServer, string domain, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                if (vs!.Domains.Find(domain) is not { } found)
                {
                    return NoDomain(vs, domain);
                }

                var (request, error) = await JsonBody.ReadAsync<SmtpDomainRequest>(context.Request);
                if (error is not null)
                {
                    return error;
                }

                if (request!.Name is not null && !request.Name.Trim().Equals(found.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return JsonBody.BadRequest($"name \"{request.Name}\" differs from the domain in the address, {found.Name}: a domain cannot be renamed; delete it and add the new one.");
                }

                if (request.Type is not null && (SmtpDomainTypeNames.Parse(request.Type) is not { } asked || (asked == SmtpDomainType.Remote) != (found.Type == SmtpDomainType.Remote)))
                {
                    return JsonBody.BadRequest($"type: {found.Name} is {ApiMapper.ToDto(found).Type}; its type cannot be changed (delete it and add it again).");
                }

                return Change(() =>
                {
                    if (found.Type == SmtpDomainType.Remote)
                    {
                        if (request.IsDefault == true)
                        {
                            throw new ArgumentException("isDefault: only a local domain can be the default.");
                        }

                        Options(request).ApplyTo(found);
                    }
                    else
                    {
                        Options(request).ApplyTo(found);
                        if (request.IsDefault == true || request.Type?.Equals("Local", StringComparison.OrdinalIgnoreCase) == true)
                        {
                            vs.Domains.SetDefault(found.Name);
                        }
                        else if (request.IsDefault == false && found.Type == SmtpDomainType.LocalDefault)
                        {
                            throw new InvalidOperationException($"{found.Name} is the default domain: make another local domain the default instead.");
                        }
                    }

                    return Results.Ok(ApiMapper.ToDto(found));
                });
            })
            .WithName("ChangeDomain")
            .WithSummary("Changes a domain: a remote domain's options (replaced as given), or {\"isDefault\": true} to make a local domain the default.");

        api.MapDelete(domains + "/{domain}", (string server, string virtualServer, string domain, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                if (vs!.Domains.Find(domain) is null)
                {
                    return NoDomain(vs, domain);
                }

                return Change(() =>
                {
                    vs.Domains.Remove(domain);
                    return Results.NoContent();
                });
            })
            .WithName("RemoveDomain")
            .WithSummary("Deletes a domain; 409 for the default domain, which IIS never deletes.");
    }

    private static RemoteDomainOptions Options(SmtpDomainRequest r) =>
        new(r.AllowRelay ?? false, r.SmartHost, r.RequireTls ?? false, r.OutboundPort);

    private static IResult NoDomain(SmtpVirtualServer vs, string domain) =>
        ServerEndpoints.NotFound(vs.Domains.NotFound(domain));

    /// <summary>Runs a change: a bad value is 400, a clash with the current domains (exists, default) 409.</summary>
    private static IResult Change(Func<IResult> change)
    {
        try
        {
            return change();
        }
        catch (ArgumentException e)
        {
            return JsonBody.BadRequest(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return JsonBody.Conflict(e.Message);
        }
    }
}
