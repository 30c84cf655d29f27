using System.Net.Http.Headers;
using System.Text;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Security;
using MailLab.Mail.World;
using Microsoft.AspNetCore.Http;

namespace MailLab.Web.Api;

/// <summary>
/// Who is calling, and may they change this virtual server? A request without an Authorization header
/// acts as the host's built-in Administrator; HTTP Basic credentials (RFC 7617) log on as an account
/// of the host. Wrong credentials get 401; a caller who is not an operator of the virtual server
/// (Security tab) gets 403. Reads need neither.
/// </summary>
internal static class AdminAuthorization
{
    /// <summary>Null when the caller may change every one of <paramref name="targets"/>; else the 401/403 answer.</summary>
    public static IResult? Authorize(HttpContext context, MailHost host, params SmtpVirtualServer[] targets)
    {
        if (Caller(context, host, out var caller) is { } refused)
        {
            return refused;
        }

        var denied = targets.FirstOrDefault(v => !v.Operators.Allows(caller!));
        return denied is null
            ? null
            : Forbidden($"{caller!.Name} is not an operator of \"{denied.Name}\" on {host.Name} (its operators: {string.Join(", ", denied.Operators.Names)}).");
    }

    /// <summary>Null when the caller is a member of Administrators (who alone may create virtual servers, or <paramref name="action"/>).</summary>
    public static IResult? AuthorizeAdministrator(HttpContext context, MailHost host, string action = "create virtual servers")
    {
        if (Caller(context, host, out var caller) is { } refused)
        {
            return refused;
        }

        return caller!.IsAdministrator
            ? null
            : Forbidden($"{caller.Name} may not {action} on {host.Name}: only members of {AdminIdentity.AdministratorsGroup} may.");
    }

    private static IResult? Caller(HttpContext context, MailHost host, out AdminIdentity? caller)
    {
        caller = null;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            caller = AdminIdentity.Administrator;
            return null;
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var parsed)
            || !parsed.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || Decode(parsed.Parameter) is not { } credentials)
        {
            return Unauthorized(host, "The Authorization header must be HTTP Basic (RFC 7617): \"Basic \" and base64 of user:password.");
        }

        caller = AdminIdentity.LogOn(host, credentials.User, credentials.Password);
        return caller is null ? Unauthorized(host, $"Wrong user name or password for {host.Name}: log on as one of its accounts.") : null;
    }

    private static (string User, string Password)? Decode(string? parameter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
            var colon = text.IndexOf(':');
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Unauthorized(MailHost host, string error) => new ErrorResult(StatusCodes.Status401Unauthorized, error, $"Basic realm=\"{host.Name}\", charset=\"UTF-8\"");

    private static IResult Forbidden(string error) => new ErrorResult(StatusCodes.Status403Forbidden, error, null);

    /// <summary>A JSON {"error"} answer with any status, plus the challenge a 401 must carry (RFC 7235 §3.1).</summary>
    private sealed class ErrorResult(int status, string error, string? challenge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (challenge is not null)
            {
                httpContext.Response.Headers.WWWAuthenticate = challenge;
            }

            return Results.Json(new ProblemDto(error), statusCode: status).ExecuteAsync(httpContext);
        }
    }
}
