using MailLab.Hosting;
using MailLab.Mail.Dns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>The world's DNS: every record, and for each mail domain its MX hosts in the order a sender tries them; changing a name's A or MX records.</summary>
internal static class DnsEndpoints
{
    public static void MapDnsEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/dns", (MailLabServer runtime) => Dns(runtime.World.Dns))
            .WithName("GetDns")
            .WithSummary("The DNS records (MX and A) and, per mail domain, its MX hosts lowest preference first (RFC 5321 §5.1) with their addresses.");
    }

    /// <summary>The changing endpoint, in the configuration group (saved with --data-dir).</summary>
    public static void MapDnsChangeEndpoints(this IEndpointRouteBuilder configuration)
    {
        configuration.MapPut("/dns/records/{name}/{type}", (string name, string type, DnsRecordRequestDto request, MailLabServer runtime) =>
            {
                var dns = runtime.World.Dns;
                try
                {
                    DnsRecordChange.Apply(dns, name, type, request.Value ?? string.Empty, request.Preference);
                }
                catch (ArgumentException e)
                {
                    return Results.BadRequest(new ProblemDto(e.Message));
                }

                return Results.Ok(Dns(dns).Records.Where(r => r.Name.Equals(name.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && r.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).ToArray());
            })
            .WithName("SetDnsRecord")
            .WithSummary("Replaces NAME's records of TYPE (A or MX) with one: {value, preference (MX only, default 10)}, as dnscmd /recorddelete and /recordadd do; the name's records of that type afterwards.");
    }

    private static DnsDto Dns(DnsDirectory dns)
    {
        var records = dns.All.Select(r => new DnsRecordDto(r.Name, r.Type, r.Value, r.Preference)).ToArray();
        var domains = records.Where(r => r.Type == "MX").Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(domain => new MailDomainDto(domain, dns.LookupMx(domain)
                .Select(mx => new MxTargetDto(mx.Preference, mx.Exchange, dns.LookupA(mx.Exchange).Select(a => a.ToString()).ToArray()))
                .ToArray()))
            .ToArray();
        return new DnsDto(records, domains);
    }
}

public sealed record DnsRecordRequestDto(string? Value, int? Preference = null);

public sealed record DnsDto(IReadOnlyList<DnsRecordDto> Records, IReadOnlyList<MailDomainDto> MailDomains);

public sealed record MailDomainDto(string Domain, IReadOnlyList<MxTargetDto> Mx);

public sealed record MxTargetDto(int Preference, string Exchange, IReadOnlyList<string> Addresses);
