using MailLab.Hosting;
using MailLab.Mail.Faults;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>Fault injection: unreachable or slow hosts and links, chosen replies, dropped connections.</summary>
internal static class NetworkEndpoints
{
    public static void MapNetworkEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/network", (MailLabServer runtime) => Results.Ok(Network(runtime)))
            .WithName("GetNetwork")
            .WithSummary("The hosts' addresses (static or dhcp), the links between hosts (reachable, latency), the unreachable hosts and the DNS records.");

        api.MapPost("/network/hosts/{host}/{reachability}", (string host, string reachability, MailLabServer runtime) =>
            {
                if (runtime.World.FindHost(host) is null)
                {
                    return ServerEndpoints.NotFound($"No server \"{host}\".");
                }

                if (reachability is not ("reachable" or "unreachable"))
                {
                    return Results.BadRequest(new ProblemDto($"Unknown \"{reachability}\": use reachable or unreachable."));
                }

                runtime.World.Links.SetHostReachable(host, reachability == "reachable");
                return Results.Ok(Network(runtime));
            })
            .WithName("SetHostReachability")
            .WithSummary("Makes a host unreachable from everywhere (switched off), or reachable again.");

        api.MapPut("/network/hosts/{host}/address", (string host, HostAddressRequestDto request, MailLabServer runtime) =>
            {
                if (runtime.World.FindHost(host) is not { } found)
                {
                    return ServerEndpoints.NotFound($"No server \"{host}\".");
                }

                try
                {
                    HostAddressChange.Apply(found, request.Addressing ?? "static", request.Address);
                }
                catch (ArgumentException e)
                {
                    return Results.BadRequest(new ProblemDto(e.Message));
                }

                return Results.Ok(ToDto(found));
            })
            .WithName("SetHostAddress")
            .WithSummary("Sets a host's address: {address, addressing: static (default) | dhcp} (netsh interface ip set address … static|dhcp); DHCP without an address keeps the current one as its lease.");

        api.MapPut("/network/links", (LinkDto link, MailLabServer runtime) =>
            {
                foreach (var name in new[] { link.From, link.To })
                {
                    if (runtime.World.FindHost(name) is null)
                    {
                        return ServerEndpoints.NotFound($"No server \"{name}\".");
                    }
                }

                if (link.LatencyMs is < 0)
                {
                    return Results.BadRequest(new ProblemDto("latencyMs cannot be negative."));
                }

                runtime.World.Links.SetLink(link.From, link.To, link.Reachable, TimeSpan.FromMilliseconds(link.LatencyMs));
                return Results.Ok(Network(runtime));
            })
            .WithName("SetLink")
            .WithSummary("Sets one direction of a link: reachable or not, and its latency (on the world's clock).");

        api.MapGet("/faults", (MailLabServer runtime) => runtime.World.Faults.All.Select(ToDto).ToArray())
            .WithName("ListFaults");

        api.MapPost("/faults", (FaultRequestDto request, MailLabServer runtime) =>
            {
                // The body binds without the property too (JSON's missing member is null).
                if (string.IsNullOrWhiteSpace(request.Host))
                {
                    return Results.BadRequest(new ProblemDto("host is required: the server whose SMTP virtual servers get the fault."));
                }

                if (runtime.World.FindHost(request.Host) is null)
                {
                    return ServerEndpoints.NotFound($"No server \"{request.Host}\".");
                }

                if (request.Count < 1)
                {
                    return Results.BadRequest(new ProblemDto("count must be at least 1."));
                }

                var faults = runtime.World.Faults;
                if (request.Kind == "drop")
                {
                    return Results.Ok(ToDto(faults.AddDropDuringData(request.Host, request.Count)));
                }

                if (request.Kind != "reply")
                {
                    return Results.BadRequest(new ProblemDto($"Unknown kind \"{request.Kind}\": use reply or drop."));
                }

                if (!Enum.TryParse<FaultStage>(request.Stage, ignoreCase: true, out var stage))
                {
                    return Results.BadRequest(new ProblemDto($"Unknown stage \"{request.Stage}\": use connect, mail, rcpt or data."));
                }

                if (request.Code is not (>= FaultInjector.MinReplyCode and <= FaultInjector.MaxReplyCode))
                {
                    return Results.BadRequest(new ProblemDto("code must be a 4xx or 5xx SMTP reply code."));
                }

                var text = request.Text ?? FaultInjector.DefaultText;
                if (ConfiguredReply.Check(request.Code.Value, request.EnhancedCode, text, FaultInjector.MinReplyCode, FaultInjector.MaxReplyCode) is { } problem)
                {
                    return Results.BadRequest(new ProblemDto($"{problem.Field} {problem.Reason}."));
                }

                return Results.Ok(ToDto(faults.AddReply(request.Host, stage, new SmtpReply(request.Code.Value, request.EnhancedCode, text), request.Count)));
            })
            .WithName("AddFault")
            .WithSummary("Injects a fault: {kind: reply, host, stage: connect|mail|rcpt|data, code, enhancedCode, text, count} or {kind: drop, host, count} (connection cut during DATA).");

        api.MapDelete("/faults", (MailLabServer runtime) =>
            {
                runtime.World.Faults.Clear();
                return Results.NoContent();
            })
            .WithName("ClearFaults");
    }

    private static NetworkDto Network(MailLabServer runtime)
    {
        var world = runtime.World;
        return new NetworkDto(
            world.Hosts.Select(ToDto).ToArray(),
            world.Links.All.Select(l => new LinkDto(l.From, l.To, l.Reachable, l.Latency.TotalMilliseconds)).ToArray(),
            world.Links.UnreachableHosts.Order(StringComparer.Ordinal).ToArray(),
            world.Dns.All.Select(r => new DnsRecordDto(r.Name, r.Type, r.Value, r.Preference)).ToArray());
    }

    private static NetworkHostDto ToDto(MailHost host) => new(host.Name, host.Address?.ToString(), HostAddressChange.Name(host.Addressing));

    private static FaultDto ToDto(Fault f) =>
        new(f.Id, f.Host, f.DropsConnection ? "drop" : "reply", f.Stage.ToString().ToLowerInvariant(), f.Reply?.ToString(), f.Remaining);
}

public sealed record LinkDto(string From, string To, bool Reachable = true, double LatencyMs = 0);

public sealed record DnsRecordDto(string Name, string Type, string Value, int? Preference);

/// <summary>A host's simulated address and where it comes from: static, or dhcp (the current lease).</summary>
public sealed record NetworkHostDto(string Name, string? Address, string Addressing);

public sealed record HostAddressRequestDto(string? Address, string? Addressing = null);

public sealed record NetworkDto(IReadOnlyList<NetworkHostDto> Hosts, IReadOnlyList<LinkDto> Links, IReadOnlyList<string> UnreachableHosts, IReadOnlyList<DnsRecordDto> Dns);

public sealed record FaultRequestDto(string Kind, string Host, string? Stage = null, int? Code = null, string? EnhancedCode = null, string? Text = null, int Count = 1);

public sealed record FaultDto(long Id, string Host, string Kind, string Stage, string? Reply, int Remaining);
