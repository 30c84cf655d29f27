using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MailLab.Hosting;
using MailLab.Mail.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailLab.Web.Api;

/// <summary>The trace, read three ways: per message, per message in detail, and live (Server-Sent Events).</summary>
internal static class TraceEndpoints
{
    public static void MapTraceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/traces", (string? after, MailLabServer runtime) =>
            {
                var trace = runtime.World.Trace;
                IReadOnlyList<TraceSummary> summaries = trace.Summaries();
                if (after is not null)
                {
                    var index = summaries.Select(s => s.TraceId).ToList().FindIndex(id => string.Equals(id, after, StringComparison.OrdinalIgnoreCase));
                    if (index < 0)
                    {
                        return ServerEndpoints.NotFound($"No trace \"{after}\" (reset or forgotten): read the whole list.");
                    }

                    summaries = summaries.Skip(index + 1).ToArray();
                }

                if (summaries.Count <= 16)
                {
                    return Results.Ok(summaries.Select(s => ToListItem(s, trace.ForTrace(s.TraceId))).ToArray());
                }

                // One pass over the stages for every message (not one scan of the log per message): 10,000 messages stay fast.
                var stages = trace.Snapshot().Where(e => e.TraceId is not null && !TraceLog.IsProtocol(e.Kind)).ToLookup(e => e.TraceId!);
                return Results.Ok(summaries.Select(s => ToListItem(s, stages[s.TraceId])).ToArray());
            })
            .WithName("ListTraces")
            .WithSummary("One entry per accepted message, in arrival order: id, from, recipients, subject and status (delivered, queued, deferred, bounced). after=ID: only the messages that came after that one.");

        api.MapGet("/traces/{id}", (string id, MailLabServer runtime) =>
            {
                var trace = runtime.World.Trace;
                if (trace.FindSummary(id) is not { } summary)
                {
                    return ServerEndpoints.NotFound($"No trace \"{id}\".");
                }

                var events = trace.ForTrace(summary.TraceId);
                var stages = events.Where(e => !TraceLog.IsProtocol(e.Kind))
                    .Select(e => new StageDto(e.Sequence, e.Time, e.Host, e.Kind.ToString(), e.Text, e.Peer, e.MessageId, e.SessionId))
                    .ToArray();
                return Results.Ok(new TraceDetailDto(ToListItem(summary, events), stages, Hops(trace, summary.TraceId, events)));
            })
            .WithName("GetTrace")
            .WithSummary("A message's stages in order (received, cleanup, queued, MX lookup, relayed, delivered, NDR…) and each SMTP hop with its transcript.");

        api.MapGet("/events", async (HttpContext http, MailLabServer runtime, CancellationToken cancellation) =>
            {
                // Server-Sent Events: subscribe first, then send the headers and a comment at once, so a
                // client that has the headers is sure to see every later event.
                // The stream ends when the world is reset; the browser reconnects (after "retry" ms) to the new one.
                using var subscription = new TraceSubscription(runtime);
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                await http.Response.WriteAsync(": MailLab trace events\nretry: 250\n\n", cancellation);
                await http.Response.Body.FlushAsync(cancellation);
                var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                try
                {
                    await foreach (var e in subscription.ReadAllAsync(cancellation))
                    {
                        await http.Response.WriteAsync($"id: {e.Sequence}\nevent: trace\ndata: {System.Text.Json.JsonSerializer.Serialize(e, json)}\n\n", cancellation);
                        await http.Response.Body.FlushAsync(cancellation);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The client went away.
                }
            })
            .WithName("TraceEvents")
            .WithSummary("Every new trace event as it happens (text/event-stream, event type \"trace\").");
    }

    /// <summary>Status from the stages: bounced once anything failed, else the latest of queued / deferred / delivered.</summary>
    private static TraceListItemDto ToListItem(TraceSummary s, IEnumerable<TraceEvent> events)
    {
        var status = "received";
        foreach (var e in events)
        {
            status = e.Kind switch
            {
                TraceKind.Failed or TraceKind.MovedToBadMail => "bounced",
                _ when status == "bounced" => status,
                TraceKind.Queued => "queued",
                TraceKind.Deferred => "deferred",
                TraceKind.DeliveredToMailbox or TraceKind.DeliveredToDrop => "delivered",
                _ => status,
            };
        }

        return new TraceListItemDto(s.TraceId, s.Host, s.From, s.Recipients, s.Subject, s.Received, status);
    }

    private static IReadOnlyList<HopDto> Hops(TraceLog trace, string traceId, IReadOnlyList<TraceEvent> events) =>
        TraceHops.Of(trace, traceId, events).Select(h => new HopDto(
                h.SessionId,
                h.Host,
                h.Role.ToString().ToLowerInvariant(),
                h.Peer,
                h.Time,
                h.Reply,
                h.Transcript.Select(l => new TranscriptLineDto(l.Time, l.Kind == TraceKind.ServerReply ? "S" : "C", l.Text)).ToArray(),
                h.Reader))
            .ToArray();

    /// <summary>
    /// Trace events appended after it was created, buffered (the oldest dropped past 10,000), each
    /// stamped with the server's wall-clock time so the page can measure how late it sees them.
    /// Completes when the world is reset.
    /// </summary>
    private sealed class TraceSubscription : IDisposable
    {
        private readonly MailLabServer _runtime;
        private readonly TraceLog _trace;
        private readonly Channel<(TraceEvent Event, DateTimeOffset Stamp)> _channel =
            Channel.CreateBounded<(TraceEvent, DateTimeOffset)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

        public TraceSubscription(MailLabServer runtime)
        {
            _runtime = runtime;
            _trace = runtime.World.Trace;
            _trace.Appended += OnAppended;
            runtime.WorldReset += OnWorldReset;
        }

        public async IAsyncEnumerable<TraceEventDto> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellation)
        {
            await foreach (var (e, stamp) in _channel.Reader.ReadAllAsync(cancellation))
            {
                // A message's first acceptance carries its list entry, so the page can add the row without asking.
                var message = e.Kind == TraceKind.Received && e.TraceId is not null && e.TraceId == e.MessageId && _trace.FindSummary(e.TraceId) is { } summary
                    ? new TraceListItemDto(summary.TraceId, summary.Host, summary.From, summary.Recipients, summary.Subject, summary.Received, "received")
                    : null;
                yield return new TraceEventDto(e.Sequence, e.Time, e.Host, e.Kind.ToString(), e.Text, e.SessionId, e.TraceId, e.MessageId, e.Peer, stamp.ToUnixTimeMilliseconds(), message);
            }
        }

        public void Dispose()
        {
            _trace.Appended -= OnAppended;
            _runtime.WorldReset -= OnWorldReset;
        }

        // Wall-clock time on purpose: a latency measurement, the same in live and simulation mode.
        private void OnAppended(TraceEvent e) => _channel.Writer.TryWrite((e, TimeProvider.System.GetUtcNow()));

        private void OnWorldReset(Mail.World.MailWorld world) => _channel.Writer.TryComplete();
    }
}
