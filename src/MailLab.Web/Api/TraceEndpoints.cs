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
                var views = runtime.World.Trace.Views;
                var summaries = after is null ? views.Messages() : views.MessagesAfter(after);
                if (summaries is null)
                {
                    return ServerEndpoints.NotFound($"No trace \"{after}\" (reset or forgotten): read the whole list.");
                }

                // Each summary's status follows its stages as they are appended: no scan of the log at all.
                return Results.Ok(summaries.Select(s => TraceListItemDto.Of(s)).ToArray());
            })
            .WithName("ListTraces")
            .WithSummary("One entry per accepted message and per delivery status notification MailLab wrote, in arrival order: id, from, recipients, subject, status (received, queued, deferred, delivered, relayed, partial, bounced) with its summary and each recipient's status, kind and the links between a message and its notices. after=ID: only the messages that came after that one.");

        api.MapGet("/traces/{id}", (string id, bool? headers, MailLabServer runtime) =>
            {
                if (runtime.World.Trace.Views.Trace(id) is not { } trace)
                {
                    return ServerEndpoints.NotFound($"No trace \"{id}\".");
                }

                var stages = trace.Stages
                    .Select(e => new StageDto(e.Sequence, e.Time, e.Host, e.Kind.ToString(), e.Text, e.Peer, e.MessageId, e.SessionId))
                    .ToArray();
                var copy = HeaderEndpoints.FurthestCopy(runtime, trace);
                return Results.Ok(new TraceDetailDto(TraceListItemDto.Of(trace.Summary, sequence => trace.EventAt(sequence)?.Text), stages, Hops(trace))
                {
                    StoredCopy = copy?.Id,
                    NoCopyLeft = copy is null ? HeaderEndpoints.NoCopyLeft(trace) : null,
                    Headers = headers == true && copy is not null ? HeaderEndpoints.Describe(copy, trace) : null,
                });
            })
            .WithName("GetTrace")
            .WithSummary("A message's stages in order (received, cleanup, queued, MX lookup, relayed, delivered, NDR…) and each SMTP hop with its transcript; with ?headers=true also the headers of its furthest stored copy, as /headers gives them.");

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

    private static IReadOnlyList<HopDto> Hops(MessageTrace trace) =>
        trace.Hops.Select(h => new HopDto(
                h.SessionId,
                h.Host,
                h.Role.ToString().ToLowerInvariant(),
                h.Peer,
                h.Time,
                h.Reply,
                h.Lines.Select(l => new TranscriptLineDto(l.Time, l.Side, l.Text)).ToArray(),
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
                // A listed message's delivery stage carries its list entry as it stands (status from the
                // trace's reader), so the page adds the row or updates its status without asking.
                var message = e.TraceId is not null && !TraceViews.IsProtocol(e.Kind) && _trace.Views.Message(e.TraceId) is { } summary
                    ? TraceListItemDto.Of(summary)
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
