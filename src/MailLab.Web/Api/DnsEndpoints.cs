using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>The world's DNS: every record, and for each mail domain its MX hosts in the order a sender tries them.</summary>
internal static class DnsEndpoints
{
    public static void MapDnsEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/dns", (MailLabServer runtime) =>
            {
                var dns = runtime.World.Dns;
                var records = dns.All.Select(r => new DnsRecordDto(r.Name, r.Type, r.Value, r.Preference)).ToArray();
                var domains = records.Where(r => r.Type == "MX").Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(domain => new MailDomainDto(domain, dns.LookupMx(domain)
                        .Select(mx => new MxTargetDto(mx.Preference, mx.Exchange, dns.LookupA(mx.Exchange).Select(a => a.ToString()).ToArray()))
                        .ToArray()))
                    .ToArray();
                return new DnsDto(records, domains);
            })
            .WithName("GetDns")
            .WithSummary("The DNS records (MX and A) and, per mail domain, its MX hosts lowest preference first (RFC 5321 §5.1) with their addresses.");
    }
}

public sealed record DnsDto(IReadOnlyList<DnsRecordDto> Records, IReadOnlyList<MailDomainDto> MailDomains);

public sealed record MailDomainDto(string Domain, IReadOnlyList<MxTargetDto> Mx);

public sealed record MxTargetDto(int Preference, string Exchange, IReadOnlyList<string> Addresses);
