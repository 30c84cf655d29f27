using System.Xml;
using MailLab.Hosting;
using MailLab.Mail.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>The world's clock: read it in any mode; step and advance it in simulation mode.</summary>
internal static class ClockEndpoints
{
    public static void MapClockEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/clock", (MailLabServer runtime) => Results.Ok(State(runtime)))
            .WithName("GetClock")
            .WithSummary("The current time, the mode (live or simulate), and in simulation the pending timers.");

        api.MapPost("/clock/advance", async (string? by, MailLabServer runtime) =>
            {
                if (Simulator(runtime) is not { } simulator)
                {
                    return LiveMode();
                }

                TimeSpan duration;
                try
                {
                    duration = XmlConvert.ToTimeSpan(by ?? string.Empty);
                }
                catch (FormatException)
                {
                    return Results.BadRequest(new ProblemDto($"\"{by}\" is not an ISO 8601 duration such as PT10M, PT2H or P2D."));
                }

                if (duration < TimeSpan.Zero)
                {
                    return Results.BadRequest(new ProblemDto("Time cannot go backwards."));
                }

                await simulator.AdvanceAsync(duration);
                return Results.Ok(State(runtime));
            })
            .WithName("AdvanceClock")
            .WithSummary("Simulation mode: moves the clock forward (by=PT10M), firing every retry and time-out due on the way.");

        api.MapPost("/clock/step", async (MailLabServer runtime) =>
            {
                if (Simulator(runtime) is not { } simulator)
                {
                    return LiveMode();
                }

                var stepped = await simulator.StepAsync();
                return Results.Ok(State(runtime) with { Stepped = stepped });
            })
            .WithName("StepClock")
            .WithSummary("Simulation mode: jumps to the next timer and fires it.");
    }

    private static Simulator? Simulator(MailLabServer runtime) => runtime.Simulator;

    private static IResult LiveMode() =>
        Results.Conflict(new ProblemDto("The clock is live; start MailLab with --simulate to step or advance it."));

    internal static ClockDto State(MailLabServer runtime) => runtime.World.Clock is SimulationClock sim
        ? new ClockDto(sim.GetUtcNow(), "simulate", sim.PendingTimers, sim.NextDue, null)
        : new ClockDto(runtime.World.Clock.GetUtcNow(), "live", null, null, null);
}

public sealed record ClockDto(DateTimeOffset Now, string Mode, int? PendingTimers, DateTimeOffset? NextDue, bool? Stepped);
