using MailLab.Hosting;
using MailLab.Mail.Pop3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>A host's POP3 service: its state, and winpop run in-process (what `maillab winpop` calls).</summary>
internal static class Pop3Endpoints
{
    public static void MapPop3Endpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers/{server}/pop3", (string server, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(ToDto(host.Pop3, runtime))
                    : Results.NotFound(new ProblemDto($"No server \"{server}\".")))
            .WithName("GetPop3Service")
            .WithSummary("The POP3 service: endpoint, authentication method, domains and mailboxes with their locks and usage.");

        api.MapPost("/servers/{server}/pop3/winpop", (string server, WinpopRequestDto request, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(ToDto(Winpop.Run(host.Pop3, request.Args ?? [])))
                    : Results.NotFound(new ProblemDto($"No server \"{server}\".")))
            .WithName("RunWinpop")
            .WithSummary("Runs one winpop command (args as typed after \"winpop\") on the server; the answer carries its output and exit code.");
    }

    private static WinpopResultDto ToDto(WinpopResult result) => new(result.ExitCode, result.Output, result.Error);

    private static Pop3ServiceDto ToDto(Pop3Service pop3, MailLabServer runtime)
    {
        var endPoint = runtime.GetPop3EndPoint(pop3);
        var domains = pop3.Domains.Select(d => new Pop3DomainDto(
            d.Name,
            d.IsLocked,
            pop3.MailboxesOf(d).Select(m =>
            {
                var (messages, bytes) = pop3.Usage(m);
                return new Pop3MailboxDto(m.Address, m.IsLocked, messages, bytes, m.QuotaBytes);
            }).ToArray())).ToArray();
        return new Pop3ServiceDto(pop3.Enabled, pop3.Port, endPoint?.ToString(), (int)pop3.AuthenticationMethod, pop3.RequireSecurePasswordAuthentication, domains);
    }
}

public sealed record WinpopRequestDto(string[]? Args);

public sealed record WinpopResultDto(int ExitCode, string Output, string Error);

public sealed record Pop3ServiceDto(bool Enabled, int Port, string? EndPoint, int Authentication, bool SpaRequired, IReadOnlyList<Pop3DomainDto> Domains);

public sealed record Pop3DomainDto(string Name, bool Locked, IReadOnlyList<Pop3MailboxDto> Mailboxes);

public sealed record Pop3MailboxDto(string Address, bool Locked, int Messages, long Bytes, long? QuotaBytes);
