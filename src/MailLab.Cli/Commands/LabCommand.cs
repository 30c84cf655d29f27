using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Scenarios.Labs;
using MailLab.Scenarios.Runner;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab lab list|show|start|check</c>: the courseware's labs (courseware/labs, or --labs DIR, or
/// MAILLAB_LABS). list and show read the lab folders; start runs <c>maillab up</c> on a lab's topology,
/// or resets a running one to it (--server); check asks a running instance to check its world against
/// the lab's tasks and prints one line per task. Exit codes of check: 0 every task done, 1 some not,
/// 2 a usage error, an unknown lab or an unreachable server.
/// </summary>
public static class LabCommand
{
    public static Command Create()
    {
        var command = new Command("lab", "The courseware's labs: instructions, a starting topology, and a check of what you configured (courseware/README.md).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Start());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Option<string> Language()
    {
        var lang = new Option<string>("--lang") { Description = "ru or en (the default): the lab's texts and the report's words.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong([.. LabLanguage.All]);
        return lang;
    }

    private static Option<string?> LabsFolder() => new("--labs")
    {
        Description = $"The labs folder (default: {LabFolders.Variable}, else courseware/labs beside maillab or above the current folder).",
        HelpName = "DIR",
    };

    private static Option<string> Server() => new("--server") { Description = "The running MailLab's admin API.", DefaultValueFactory = _ => WinpopCommand.DefaultServer };

    private static Argument<string> Id() => new("ID") { Description = "The lab's id, e.g. 10-virtual-server-states (maillab lab list shows them)." };

    private static Command List()
    {
        var (lang, labs) = (Language(), LabsFolder());
        var list = new Command("list", "The labs: id, slide and title.") { lang, labs };
        list.SetAction(parse => ListLabs(parse.GetValue(labs), parse.GetValue(lang), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return list;
    }

    private static Command Show()
    {
        var (id, lang, labs) = (Id(), Language(), LabsFolder());
        var show = new Command("show", "A lab's instructions (Markdown) and its tasks.") { id, lang, labs };
        show.SetAction(parse => ShowLab(parse.GetValue(labs), parse.GetValue(id)!, parse.GetValue(lang), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return show;
    }

    private static Command Start()
    {
        var (id, labs) = (Id(), LabsFolder());
        var server = new Option<string?>("--server") { Description = "Reset this running MailLab to the lab's topology instead of starting one (asks first)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "With --server: do not ask." };
        var apiPort = new Option<int>("--api-port") { Description = "Without --server: the admin API's port (0 picks a free one).", DefaultValueFactory = _ => Web.MailLabWebApp.DefaultPort };
        var anyPort = new Option<bool>("--any-port") { Description = "Without --server: listen on free ports (several students on one machine)." };
        var start = new Command("start", "Start the lab: maillab up on its topology, or with --server reset a running MailLab to it.") { id, server, yes, apiPort, anyPort, labs };
        start.SetAction((parse, token) => StartLabAsync(parse.GetValue(labs), parse.GetValue(id)!, parse.GetValue(server), parse.GetValue(yes), parse.GetValue(apiPort), parse.GetValue(anyPort),
            Console.In, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token));
        return start;
    }

    private static Command Check()
    {
        var (id, lang, server) = (Id(), Language(), Server());
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (for a learning platform; its shape: courseware/README.md)." };
        var check = new Command("check", "Check a running MailLab against the lab's tasks: ✓ or ✗ per task. Exit code 0 when every task is done, 1 otherwise, 2 on an error.") { id, server, lang, json };
        check.SetAction((parse, token) => CheckAsync(parse.GetValue(server)!, parse.GetValue(id)!, parse.GetValue(lang), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token));
        return check;
    }

    public static int ListLabs(string? folder, string? lang, TextWriter output, TextWriter error)
    {
        var set = LabLoader.LoadAll(LabFolders.Find(folder));
        var width = set.Labs.Select(l => l.Id.Length).DefaultIfEmpty(0).Max();
        foreach (var lab in set.Labs)
        {
            output.WriteLine($"{lab.Id.PadRight(width)}  {(LabLanguage.Of(lang) == "ru" ? "слайд" : "slide")} {lab.Slide,2}  {lab.Title.For(lang)}");
        }

        foreach (var problem in set.Problems)
        {
            error.WriteLine($"maillab lab: {problem}");
        }

        return set.Problems.Count == 0 ? 0 : 1;
    }

    public static int ShowLab(string? folder, string id, string? lang, TextWriter output, TextWriter error)
    {
        if (FindLab(folder, id, error) is not { } lab)
        {
            return 2;
        }

        var ru = LabLanguage.Of(lang) == "ru";
        output.WriteLine($"{lab.Id}: {lab.Title.For(lang)} ({(ru ? "слайд" : "slide")} {lab.Slide} «{lab.SlideTitle}», {lab.Minutes} {(ru ? "мин" : "min")})");
        output.WriteLine();
        output.WriteLine(lab.Instructions(lang).TrimEnd());
        output.WriteLine();
        output.WriteLine(ru ? "Задания:" : "Tasks:");
        foreach (var task in lab.Tasks)
        {
            output.WriteLine($"  {task.Id}: {task.Text.For(lang)}");
        }

        return 0;
    }

    public static async Task<int> StartLabAsync(string? folder, string id, string? server, bool yes, int apiPort, bool anyPort, TextReader input, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (FindLab(folder, id, error) is not { } lab)
        {
            return 2;
        }

        if (server is null)
        {
            output.WriteLine($"Lab {lab.Id}: {lab.Title.En}. Starting MailLab on {lab.TopologyPath}");
            return await UpCommand.RunAsync(new UpOptions(apiPort, lab.TopologyPath, AnyPort: anyPort), output, error, token);
        }

        if (!yes)
        {
            output.Write($"Reset the MailLab at {server} to the topology of lab {lab.Id}? Its mailboxes, queues and settings are replaced. [y/N] ");
            var answer = (await input.ReadLineAsync(token))?.Trim();
            if (answer is not ("y" or "Y" or "yes" or "д" or "Д" or "да"))
            {
                output.WriteLine("Nothing was changed.");
                return 1;
            }
        }

        var (status, body) = await PostAsync(server, $"/api/labs/{Uri.EscapeDataString(lab.Id)}/start", error, token);
        if (status is null)
        {
            return 2;
        }

        if (status != HttpStatusCode.OK)
        {
            error.WriteLine($"maillab lab start: {(int)status} {WinpopCommand.Problem(body)}");
            return status == HttpStatusCode.NotFound ? 2 : 1;
        }

        output.WriteLine($"{server} now runs lab {lab.Id}'s starting topology.");
        return 0;
    }

    public static async Task<int> CheckAsync(string server, string id, string? lang, bool json, TextWriter output, TextWriter error, CancellationToken token = default)
    {
        var (status, body) = await PostAsync(server, $"/api/labs/{Uri.EscapeDataString(id)}/check?lang={LabLanguage.Of(lang)}", error, token);
        if (status is null)
        {
            return 2;
        }

        if (status != HttpStatusCode.OK)
        {
            error.WriteLine($"maillab lab check: {(int)status} {WinpopCommand.Problem(body)}");
            return 2;
        }

        var report = JsonSerializer.Deserialize<LabReport>(body, JsonSerializerOptions.Web)!;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, ReportJson));
        }
        else
        {
            WriteReport(report, output);
        }

        return report.Passed ? 0 : 1;
    }

    /// <summary>One line per task (✓ / ✗, its id and text), under a failed one the step's message, expected and actual; then the count.</summary>
    public static void WriteReport(LabReport report, TextWriter output)
    {
        var words = RunnerWords.For(report.Language);
        var ru = report.Language == "ru";
        output.WriteLine($"{report.Lab}: {report.Title}");
        foreach (var task in report.Tasks)
        {
            output.WriteLine($"  {(task.Passed ? "✓" : "✗")} {task.Id}: {task.Text}");
            if (!task.Passed)
            {
                output.WriteLine($"      {task.Message}");
                if (task.Expected is not null)
                {
                    output.WriteLine($"      {words.Expected}: {task.Expected.ReplaceLineEndings("\n        ")}");
                    output.WriteLine($"      {words.Actual}: {task.Actual?.ReplaceLineEndings("\n        ")}");
                }
            }
        }

        var done = report.Tasks.Count(t => t.Passed);
        output.WriteLine(ru ? $"Выполнено заданий: {done} из {report.Tasks.Count}" : $"{done} of {report.Tasks.Count} tasks done");
    }

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Lab? FindLab(string? folder, string id, TextWriter error)
    {
        var set = LabLoader.LoadAll(LabFolders.Find(folder));
        if (set.Find(id) is { } lab)
        {
            return lab;
        }

        error.WriteLine($"maillab lab: there is no lab \"{id}\" in {set.Folder} (maillab lab list shows them)");
        foreach (var problem in set.Problems)
        {
            error.WriteLine($"maillab lab: {problem}");
        }

        return null;
    }

    /// <summary>POSTs with no body; a null status when MailLab cannot be reached (said on <paramref name="error"/>).</summary>
    private static async Task<(HttpStatusCode? Status, string Body)> PostAsync(string server, string path, TextWriter error, CancellationToken token)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri))
        {
            error.WriteLine($"maillab lab: --server \"{server}\" is not a URL such as {WinpopCommand.DefaultServer}");
            return (null, "");
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(90) };
        try
        {
            using var response = await http.PostAsync(path, null, token);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(token));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"maillab lab: cannot reach MailLab at {server} ({e.Message}); start it with `maillab up` or `maillab lab start ID`");
            return (null, "");
        }
    }
}
