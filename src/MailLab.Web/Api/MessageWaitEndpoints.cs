using System.Globalization;
using MailLab.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>One delivery in <c>GET /api/messages</c>: its cursor, the stored message's id, where it was stored, and its summary.</summary>
public sealed record ArrivalDto(long Cursor, string Id, string Host, string Mailbox, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset Received);

/// <summary>The deliveries found and the cursor to pass as <c>after</c> next time.</summary>
public sealed record ArrivalsDto(IReadOnlyList<ArrivalDto> Messages, long Next);

/// <summary>
/// <c>GET /api/messages</c>: the deliveries after a cursor, filtered by recipient and subject, with a
/// long-poll (<c>wait</c>) that answers as soon as a matching one is stored, for tests in any language.
/// </summary>
internal static class MessageWaitEndpoints
{
    /// <summary>The longest <c>wait</c> accepted, in seconds: below common HTTP client and proxy timeouts.</summary>
    public const int MaxWaitSeconds = 60;

    public static void MapMessageWaitEndpoints(this IEndpointRouteBuilder api, MailLabServer runtime)
    {
        // Made at mapping time, so deliveries from the start on are in it.
        var feed = new ArrivalFeed(runtime);
        api.MapGet("/messages", async (HttpRequest request, CancellationToken aborted) =>
            {
                if (Parse(request.Query) is not { } query)
                {
                    return Results.BadRequest(new ProblemDto(Problem(request.Query)!));
                }

                return Results.Ok(await WaitAsync(feed, query, aborted));
            })
            .WithName("WaitForMessages")
            .WithSummary("Deliveries after a cursor, filtered by recipient (to) and subject; with wait=SECONDS, answers as soon as one matches, else with an empty list at the end of the wait.")
            .WithDescription($"Query: to=ADDRESS (a mailbox or envelope recipient, case-insensitive), subject=TEXT (contained, case-insensitive), after=CURSOR (default 0: from the first delivery since start), wait=SECONDS (0 to {MaxWaitSeconds}, default 0). Each delivery into a mailbox has a cursor; the answer's next is the cursor to pass as after to see only later mail. 400 with a reason for a bad parameter.")
            .Produces<ArrivalsDto>()
            .Produces<ProblemDto>(StatusCodes.Status400BadRequest);
    }

    private sealed record Query(string? To, string? Subject, long After, TimeSpan Wait)
    {
        public bool Matches(Arrival arrival) =>
            (To is null
                || string.Equals(arrival.Mailbox, To, StringComparison.OrdinalIgnoreCase)
                || arrival.Recipients.Contains(To, StringComparer.OrdinalIgnoreCase))
            && (Subject is null || arrival.Subject.Contains(Subject, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Woken by a matching delivery (<see cref="ArrivalFeed"/>), never by a polling timer; the wait's end is a timer on the system clock, as a client's timeout is real time even in simulation mode.</summary>
    private static async Task<ArrivalsDto> WaitAsync(ArrivalFeed feed, Query query, CancellationToken aborted)
    {
        var (matches, latest) = feed.After(query.After, query.Matches);
        if (matches.Count == 0 && query.Wait > TimeSpan.Zero)
        {
            using var timeout = new CancellationTokenSource(query.Wait, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
            try
            {
                await feed.WaitAsync(query.After, query.Matches, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The wait ended (or the client went away) with nothing that matches: an empty list.
            }

            (matches, latest) = feed.After(query.After, query.Matches);
        }

        return new ArrivalsDto(matches.Select(ToDto).ToArray(), matches.Count > 0 ? matches[^1].Cursor : Math.Max(latest, query.After));
    }

    private static ArrivalDto ToDto(Arrival a) =>
        new(a.Cursor, a.Id, a.Host, a.Mailbox, a.From, a.Recipients, a.Subject, a.Received);

    private static Query? Parse(IQueryCollection q) =>
        Problem(q) is null
            ? new Query(Text(q, "to"), Text(q, "subject"), Number(q, "after") ?? 0, TimeSpan.FromSeconds(Number(q, "wait") ?? 0))
            : null;

    private static string? Problem(IQueryCollection q)
    {
        foreach (var (name, values) in q)
        {
            if (name is not ("to" or "subject" or "after" or "wait"))
            {
                return $"Unknown parameter \"{name}\": use to, subject, after and wait.";
            }

            if (values.Count > 1)
            {
                return $"\"{name}\" is given {values.Count} times.";
            }
        }

        if (q.ContainsKey("to") && Text(q, "to") is null)
        {
            return "\"to\" must be an address, such as student@rosnou.ru.";
        }

        if (q.ContainsKey("after") && Number(q, "after") is null)
        {
            return $"\"after\" must be a cursor: a whole number from 0 (got \"{q["after"]}\").";
        }

        if (q.ContainsKey("wait") && Number(q, "wait") is not (>= 0 and <= MaxWaitSeconds))
        {
            return $"\"wait\" must be whole seconds from 0 to {MaxWaitSeconds} (got \"{q["wait"]}\").";
        }

        return null;
    }

    private static string? Text(IQueryCollection q, string name) =>
        q[name].ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static long? Number(IQueryCollection q, string name) =>
        long.TryParse(q[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
