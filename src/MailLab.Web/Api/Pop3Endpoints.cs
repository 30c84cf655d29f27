using MailLab.Hosting;
using MailLab.Mail.Pop3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>A host's POP3 service: its state, quotas, and winpop run in-process (what `maillab winpop` calls).</summary>
internal static class Pop3Endpoints
{
    public static void MapPop3Endpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/servers/{server}/pop3", (string server, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(ToDto(host.Pop3, runtime))
                    : NoServer(server))
            .WithName("GetPop3Service")
            .WithSummary("The POP3 service: endpoint, authentication method, directory, domains and mailboxes with their locks, usage and quotas.");

        api.MapPost("/servers/{server}/pop3/winpop", (string server, WinpopRequestDto request, MailLabServer runtime) =>
                runtime.World.FindHost(server) is { } host
                    ? Results.Ok(ToDto(Winpop.Run(host.Pop3, request.Args ?? [])))
                    : NoServer(server))
            .WithName("RunWinpop")
            .WithSummary("Runs one winpop command (args as typed after \"winpop\") on the server; the answer carries its output and exit code.");

        api.MapPost("/pop3/winpop", (WinpopRequestDto request, MailLabServer runtime) =>
                WinpopHost.For(runtime.World, request.Args ?? []) is { } host
                    ? Results.Ok(ToDto(Winpop.Run(host.Pop3, request.Args ?? [])))
                    : NoServer(WinpopHost.Default))
            .WithName("RunWinpopOnItsHost")
            .WithSummary("Runs one winpop command on the host its domain belongs to (by host name, POP3 domain or SMTP local domain), else on rosnou.ru: `maillab winpop` without --host.");

        api.MapPost("/servers/{server}/pop3/mailboxes", (string server, Pop3MailboxRequestDto request, MailLabServer runtime) =>
                Administer(runtime, server, pop3 =>
                {
                    // winpop add User@Domain [/createuser Password]
                    var mailbox = pop3.AddMailbox(request.Address ?? string.Empty, request.Password);
                    return ToDto(pop3, mailbox);
                }))
            .WithName("AddPop3Mailbox")
            .WithSummary("Creates a mailbox (winpop add User@Domain), with its user when password is given (/createuser); a refused name is a 400 with winpop's reason.");

        api.MapPut("/servers/{server}/pop3/mailboxes/{address}/quota", (string server, string address, Pop3QuotaRequestDto request, MailLabServer runtime) =>
                Administer(runtime, server, pop3 =>
                {
                    // As winpop createquotafile [/user:], then the limit of the quota file's user.
                    if (request.User is not null)
                    {
                        pop3.CreateQuotaFile(address, request.User);
                    }

                    return ToDto(pop3.SetQuota(address, request.LimitBytes));
                }))
            .WithName("SetPop3Quota")
            .WithSummary("Creates the mailbox's quota file (for its own user, or for user) and sets that user's disk quota limit in bytes.");

        api.MapPut("/servers/{server}/pop3/default-quota", (string server, Pop3DefaultQuotaDto request, MailLabServer runtime) =>
                Administer(runtime, server, pop3 =>
                {
                    pop3.DefaultQuotaBytes = request.LimitBytes;
                    return request;
                }))
            .WithName("SetPop3DefaultQuota")
            .WithSummary("Sets the limit that a new quota file's user gets (the mail root volume's default disk quota).");
    }

    /// <summary>Runs an administrative change; a refusal is a 400 with its one-line reason.</summary>
    private static IResult Administer<T>(MailLabServer runtime, string server, Func<Pop3Service, T> change)
    {
        if (runtime.World.FindHost(server) is not { } host)
        {
            return NoServer(server);
        }

        try
        {
            return Results.Ok(change(host.Pop3));
        }
        catch (Pop3AdminException e)
        {
            return Results.BadRequest(new ProblemDto(e.Message));
        }
    }

    internal static IResult NoServer(string server) => Results.NotFound(new ProblemDto($"No server \"{server}\"."));

    private static WinpopResultDto ToDto(WinpopResult result) => new(result.ExitCode, result.Output, result.Error);

    private static Pop3QuotaDto ToDto(Pop3Quota quota) => new(quota.Owner, quota.LimitBytes, quota.UsedBytes);

    private static Pop3MailboxDto ToDto(Pop3Service pop3, Pop3Mailbox mailbox)
    {
        var (messages, bytes) = pop3.Usage(mailbox);
        return new Pop3MailboxDto(mailbox.Address, mailbox.IsLocked, messages, bytes, pop3.QuotaOf(mailbox) is { } quota ? ToDto(quota) : null);
    }

    private static Pop3ServiceDto ToDto(Pop3Service pop3, MailLabServer runtime)
    {
        var endPoint = runtime.GetPop3EndPoint(pop3);
        var domains = pop3.Domains.Select(d => new Pop3DomainDto(
            d.Name,
            d.IsLocked,
            pop3.MailboxesOf(d).Select(m => ToDto(pop3, m)).ToArray())).ToArray();
        var directory = new Pop3DirectoryDto(pop3.DirectoryName, pop3.Directory.Accounts.Select(a => a.Address).ToArray());
        return new Pop3ServiceDto(
            pop3.Enabled, pop3.Port, endPoint?.ToString(), (int)pop3.AuthenticationMethod, pop3.RequireSecurePasswordAuthentication, pop3.DefaultQuotaBytes, directory, domains);
    }
}

public sealed record WinpopRequestDto(string[]? Args);

public sealed record WinpopResultDto(int ExitCode, string Output, string Error);

public sealed record Pop3ServiceDto(
    bool Enabled, int Port, string? EndPoint, int Authentication, bool SpaRequired, long DefaultQuotaBytes, Pop3DirectoryDto Directory, IReadOnlyList<Pop3DomainDto> Domains);

/// <summary>The Active Directory domain the host belongs to and the addresses of its accounts (never passwords).</summary>
public sealed record Pop3DirectoryDto(string Name, IReadOnlyList<string> Accounts);

public sealed record Pop3DomainDto(string Name, bool Locked, IReadOnlyList<Pop3MailboxDto> Mailboxes);

public sealed record Pop3MailboxDto(string Address, bool Locked, int Messages, long Bytes, Pop3QuotaDto? Quota);

/// <summary>A quota file's user, that user's limit and usage, in bytes.</summary>
public sealed record Pop3QuotaDto(string Owner, long LimitBytes, long UsedBytes);

/// <summary>A new mailbox: its address and, to create its user too (/createuser), the password.</summary>
public sealed record Pop3MailboxRequestDto(string? Address, string? Password);

public sealed record Pop3QuotaRequestDto(long LimitBytes, string? User);

public sealed record Pop3DefaultQuotaDto(long LimitBytes);
