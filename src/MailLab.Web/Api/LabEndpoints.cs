using MailLab.Hosting;
using MailLab.Mail.Topology;
using MailLab.Scenarios.Labs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// The courseware's labs (courseware/labs, found by <see cref="LabFolders"/>, read on each request so
/// a teacher's edit shows at once): the list, one lab's instructions, checking the running world
/// against a lab's tasks (read-only), and starting a lab (the running world reset to its topology).
/// </summary>
internal static class LabEndpoints
{
    /// <summary>Real time a check may take (each task waits at most a few seconds for deliveries in flight).</summary>
    public static readonly TimeSpan CheckLimit = TimeSpan.FromSeconds(60);

    public static void MapLabEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/labs", (string? lang) =>
            {
                if (LanguageProblem(lang) is { } problem)
                {
                    return problem;
                }

                var set = LabLoader.LoadAll(LabFolders.Find());
                return Results.Ok(new LabListDto(set.Folder,
                    set.Labs.Select(l => new LabSummaryDto(l.Id, l.Slide, l.SlideTitle, l.Title.For(lang), l.Minutes, l.Tasks.Count)).ToArray(),
                    set.Problems));
            })
            .Produces<LabListDto>()
            .WithName("ListLabs")
            .WithSummary("The labs of courseware/labs (or the folder MAILLAB_LABS names), titles in ?lang=ru|en (default en), with the problems of lab folders that did not load.");

        api.MapGet("/labs/{id}", (string id, string? lang) =>
            {
                if (LanguageProblem(lang) is { } problem)
                {
                    return problem;
                }

                if (Find(id) is not { } lab)
                {
                    return NotFound(id);
                }

                return Results.Ok(new LabDto(lab.Id, lab.Slide, lab.SlideTitle, lab.Title.For(lang), lab.Minutes, LabLanguage.Of(lang), lab.Instructions(lang),
                    lab.Tasks.Select(t => new LabTaskDto(t.Id, t.Text.For(lang), t.Check)).ToArray()));
            })
            .Produces<LabDto>()
            .WithName("GetLab")
            .WithSummary("One lab: its instructions (Markdown, ru.md or en.md) and tasks in ?lang=ru|en. 404: no such lab.");

        api.MapPost("/labs/{id}/check", async (string id, string? lang, MailLabServer runtime) =>
            {
                if (LanguageProblem(lang) is { } problem)
                {
                    return problem;
                }

                if (Find(id) is not { } lab)
                {
                    return NotFound(id);
                }

                // Wall-clock on purpose: a limit on the request, not on a simulated world's time.
                return Results.Ok(await new LabChecker().CheckAsync(lab, runtime, lang).WaitAsync(CheckLimit, TimeProvider.System));
            })
            .Produces<LabReport>()
            .WithName("CheckLab")
            .WithSummary("Checks the running world against the lab's tasks, each a read-only Then step: passed, or failed with the step's message, expected and actual, all in ?lang=ru|en (default en) like the task texts; values such as settings and addresses as the world prints them. Changes nothing: no clock moves, no mailbox is opened by a client. 404: no such lab.");

        api.MapPost("/labs/{id}/start", async (string id, HttpContext context, MailLabServer runtime) =>
            {
                if (Find(id) is not { } lab)
                {
                    return NotFound(id);
                }

                foreach (var host in runtime.World.Hosts)
                {
                    if (AdminAuthorization.AuthorizeAdministrator(context, host, $"start the lab {lab.Id} (it resets the whole world)") is { } refused)
                    {
                        return refused;
                    }
                }

                // An instance started with --any-port (every listener on port 0) keeps picking free ports.
                var anyPort = runtime.World.Hosts.SelectMany(h => h.Smtp.VirtualServers).All(v => v.Port == 0);
                try
                {
                    await runtime.ResetAsync(clock => TopologyLoader.LoadFile(lab.TopologyPath, clock, anyPort));
                }
                catch (TopologyException e)
                {
                    return Results.Conflict(new ProblemDto($"The lab's topology {lab.TopologyPath} has errors: {e.Message}"));
                }

                return Results.Ok(new LabStartedDto(lab.Id, ClockEndpoints.State(runtime)));
            })
            .Produces<LabStartedDto>()
            .WithName("StartLab")
            .WithSummary("Resets the running world to the lab's starting topology (mailboxes, queues and trace emptied; hosts that were there keep their ports), which later resets return to. Only members of Administrators (no Authorization header: the built-in Administrator; 401/403 otherwise). 404: no such lab; 409: its topology has errors.");
    }

    private static Lab? Find(string id) => LabLoader.LoadAll(LabFolders.Find()).Find(id);

    private static IResult? LanguageProblem(string? lang) =>
        LabLanguage.IsKnown(lang) ? null : JsonBody.BadRequest($"lang \"{lang}\" is not a language of the labs: use ru or en.");

    private static IResult NotFound(string id) =>
        Results.NotFound(new ProblemDto($"There is no lab \"{id}\" in {LabFolders.Find()} (GET /api/labs lists them)."));
}
