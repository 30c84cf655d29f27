using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailLab.Web.Api;

/// <summary>
/// The one place where run-time configuration changes are noticed: every POST, PUT, PATCH or
/// DELETE of the configuration endpoints (virtual servers, their settings, domains and operators,
/// the POP3 service, the network) that did not fail calls <see cref="MailLabServer.ConfigurationChanged"/>
/// before its answer is sent, so a change the API (or <c>maillab smtp</c> / <c>maillab winpop</c>,
/// which use it) acknowledged is on disk with <c>--data-dir</c>.
/// </summary>
internal static class ConfigurationSaving
{
    /// <summary>A group (with no prefix of its own) whose changing endpoints save the configuration.</summary>
    public static RouteGroupBuilder MapConfigurationGroup(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("");
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (HttpMethods.IsGet(context.HttpContext.Request.Method) || !Succeeded(result))
            {
                return result;
            }

            try
            {
                context.HttpContext.RequestServices.GetRequiredService<MailLabServer>().ConfigurationChanged();
                return result;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Results.Json(new ProblemDto($"The change was made but could not be saved in the data directory: {e.Message}"), statusCode: StatusCodes.Status500InternalServerError);
            }
        });
        return group;
    }

    /// <summary>An answer below 400; one whose status is not known beforehand (a refusal's own result type) counts too, as saving is harmless.</summary>
    private static bool Succeeded(object? result) => result is not IStatusCodeHttpResult { StatusCode: >= 400 };
}
