using MailLab.Hosting;
using MailLab.Mail.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// Exchange System Manager's Message Tracking Center over the trace: messages by sender, recipient and
/// the time they entered the world, read through <see cref="TraceViews"/> (status as the trace list has it).
/// Exchange 2003 searches its message tracking logs by Sender, Recipients and a Logged Between range
/// (Exchange 2003 help, "Message Tracking Center"); what a server handled while its message tracking
/// was off is in no log, so it is not found.
/// </summary>
internal static class MessageTrackingEndpoints
{
    public static void MapMessageTrackingEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/traces/search", (string? sender, string? recipient, DateTimeOffset? since, DateTimeOffset? until, MailLabServer runtime) =>
            {
                if (since is not null && until is not null && since > until)
                {
                    return JsonBody.BadRequest("since must not be after until.");
                }

                var found = runtime.World.Trace.Views.Messages().Where(s =>
                    (string.IsNullOrWhiteSpace(sender) || Contains(s.From, sender))
                    && (string.IsNullOrWhiteSpace(recipient) || s.Recipients.Any(r => Contains(r, recipient)))
                    && (since is null || s.Received >= since)
                    && (until is null || s.Received <= until)
                    && Tracked(runtime.World, s));
                return Results.Ok(found.Select(s => TraceListItemDto.Of(s)).ToArray());
            })
            .WithName("TrackMessages")
            .WithSummary("Message Tracking Center: the messages whose sender and one of whose recipients contain the given text (any case), received between since and until (ISO 8601, each optional), as GET /traces lists them. A message that passed Exchange servers is found only when one of them had \"Enable message tracking\" on as it passed (GET /servers/{server}/exchange/properties).");
    }

    /// <summary>
    /// Whether a tracking log has the message: Exchange logs only while "Enable message tracking" is on
    /// (KB 821905, docs/EXCHANGE-2003.md [90]), so a message that passed Exchange servers is found when
    /// one of them was tracking as it passed. A message that passed none is the trace's own (MailLab's
    /// world view, as before) and always found.
    /// </summary>
    private static bool Tracked(Mail.World.MailWorld world, TraceSummary summary)
    {
        if (world.Trace.Views.Trace(summary.TraceId) is not { } trace)
        {
            return true;
        }

        var exchangeEvents = trace.Events
            .Select(e => (Event: e, Exchange: world.FindHost(e.Host)?.Exchange))
            .Where(e => e.Exchange is not null)
            .ToList();
        return exchangeEvents.Count == 0 || exchangeEvents.Any(e => e.Exchange!.WasTracking(e.Event.Sequence));
    }

    private static bool Contains(string address, string part) => address.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase);
}
