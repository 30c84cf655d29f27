using MailLab.Hosting;
using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// Scenario files from the page (issue 6): the .feature text is run with the runtime runner, each
/// scenario in a fresh simulated world of its own (the server's world is not touched).
/// </summary>
internal static class ScenarioEndpoints
{
    /// <summary>The largest .feature text accepted.</summary>
    public const int MaxFeatureBytes = 256 * 1024;

    /// <summary>Real time a whole run may take (each step's settling is also bounded, by ScenarioWorld).</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(30);

    /// <summary>Runs at once; a run that outlived its request still holds its slot until it ends.</summary>
    public const int MaxConcurrentRuns = 4;

    private static readonly SemaphoreSlim Runs = new(MaxConcurrentRuns, MaxConcurrentRuns);

    public static void MapScenarioEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/scenarios/run", async (HttpRequest request, MailLabServer runtime, bool? verbose) =>
            {
                if (request.ContentLength > MaxFeatureBytes)
                {
                    return TooLarge();
                }

                var (text, tooLarge) = await ReadTextAsync(request);
                if (tooLarge)
                {
                    return TooLarge();
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    return JsonBody.BadRequest("The request body must be the text of a .feature file (Feature:, then its scenarios).");
                }

                var feature = FeatureParser.Parse(text, "scenario.feature");
                if (feature.Errors.Count > 0)
                {
                    return JsonBody.BadRequest(string.Join(Environment.NewLine, feature.Errors));
                }

                if (feature.Scenarios.Count == 0)
                {
                    return JsonBody.BadRequest("The feature has no scenarios to run.");
                }

                if (!Runs.Wait(0))
                {
                    return Results.Json(new ProblemDto($"{MaxConcurrentRuns} scenario runs are already in progress: try again when one ends."), statusCode: StatusCodes.Status429TooManyRequests);
                }

                // Topology steps read only the shipped scenario folders and this world's data directory.
                var folders = TopologyFolders.ShippedAnd(runtime.Data?.Path);
                var run = new ScenarioRecorder(folders, verbose == true).RunAsync(feature);
                _ = run.ContinueWith(_ => Runs.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                try
                {
                    // Wall-clock on purpose: a limit on the request, not on the simulated worlds' virtual time.
                    return Results.Ok(await run.WaitAsync(RunLimit, TimeProvider.System));
                }
                catch (TimeoutException)
                {
                    return Results.Json(new ProblemDto($"The scenarios did not finish within {RunLimit.TotalSeconds:0} seconds: run fewer at a time."), statusCode: StatusCodes.Status408RequestTimeout);
                }
            })
            .Accepts<string>("text/plain")
            .Produces<ScenarioRunDto>()
            .WithName("RunScenarios")
            .WithSummary("Runs the .feature text in the body (text/plain, at most 256 KB): every scenario in a fresh simulated world, each step with its status, message, virtual time and the trace events it produced. A topology step may only name a file in the shipped scenario folders or the world's data directory. ?verbose=true: each step also carries what its administration commands printed (output). 400: the parser's message; 413: too large; 408: over 30 seconds; 429: too many runs at once.");
    }

    private static IResult TooLarge() =>
        Results.Json(new ProblemDto($"The feature text is larger than {MaxFeatureBytes / 1024} KB."), statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body as UTF-8 text, reading no more than one byte past the limit.</summary>
    private static async Task<(string Text, bool TooLarge)> ReadTextAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFeatureBytes)
            {
                return (string.Empty, true);
            }
        }

        return (System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }
}
