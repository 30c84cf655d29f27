using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>The Security tab: which accounts and groups may administer a virtual server (the others get 403).</summary>
internal static class SmtpSecurityEndpoints
{
    public static void MapSmtpSecurityEndpoints(this IEndpointRouteBuilder api)
    {
        const string security = "/servers/{server}/smtp/{virtualServer}/security";
        api.MapGet(security, (string server, string virtualServer, MailLabServer runtime) =>
                ServerEndpoints.Find(runtime, server, virtualServer, out var vs) ?? Results.Ok(new OperatorsDto(vs!.Operators.Names)))
            .WithName("GetVirtualServerOperators")
            .WithSummary("The operators: accounts (by address) and groups (Administrators, Users) that may change the virtual server.");

        api.MapPut(security, async (string server, string virtualServer, HttpContext context, MailLabServer runtime) =>
            {
                if (ServerEndpoints.FindForChange(context, runtime, server, virtualServer, out var vs) is { } refused)
                {
                    return refused;
                }

                var (request, error) = await JsonBody.ReadAsync<OperatorsDto>(context.Request);
                if (error is not null)
                {
                    return error;
                }

                if (request!.Operators is null)
                {
                    return JsonBody.BadRequest("operators is required: a list of accounts and groups, e.g. [\"Administrators\", \"petr@rosnou.ru\"].");
                }

                try
                {
                    vs!.Operators.Replace(request.Operators);
                }
                catch (ArgumentException e)
                {
                    return JsonBody.BadRequest(e.Message);
                }

                return Results.Ok(new OperatorsDto(vs.Operators.Names));
            })
            .WithName("SetVirtualServerOperators")
            .WithSummary("Replaces the operators list; each entry must be an account of the host or a group (Administrators, Users).");
    }
}
