using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailLab.Web;

/// <summary>
/// The API listens on loopback only, but a browser on the same machine can still be made to call it
/// by any web page. Two checks close that: the Host header must name loopback (a DNS-rebinding page
/// would send its own host name), and a request that changes something must not come from another
/// origin (a cross-site form or fetch sends an Origin header, or Sec-Fetch-Site: cross-site).
/// Command-line clients send neither header and are not affected.
/// </summary>
internal static class LocalRequestGuard
{
    public static void UseLocalRequestGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!IsLoopbackHost(request.Host.Host))
        {
            await RefuseAsync(context, StatusCodes.Status421MisdirectedRequest, $"Host \"{request.Host}\" is not this server: MailLab answers only to 127.0.0.1, localhost and [::1].");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method) && IsCrossSite(request))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused: changes come from this server's own page or from a client without an Origin header.");
            return;
        }

        await next(context);
    });

    private static bool IsLoopbackHost(string host) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    private static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !IsLoopbackHost(uri.Host) || uri.Port != (request.Host.Port ?? (request.IsHttps ? 443 : 80));
    }

    private static Task RefuseAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Api.ProblemDto(error));
    }
}
