using MailLab.Hosting;
using MailLab.Mail.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>The whole world: start it again from its topology.</summary>
internal static class WorldEndpoints
{
    public static void MapWorldEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/world/reset", async (MailLabServer runtime) =>
            {
                try
                {
                    await runtime.ResetAsync();
                }
                catch (TopologyException e)
                {
                    return Results.Conflict(new ProblemDto($"The world cannot be rebuilt from its topology: {e.Message}"));
                }

                return Results.Ok(ClockEndpoints.State(runtime));
            })
            .WithName("ResetWorld")
            .WithSummary("Rebuilds the world from the topology it started with: empty mailboxes, queues and trace; in simulation mode a fresh clock at the start time. Answers with the clock.");
    }
}
