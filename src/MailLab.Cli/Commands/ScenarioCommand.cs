using System.CommandLine;
using System.Text;
using MailLab.Scenarios.Runner;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab scenario run PATH... [--format text|json] [--verbose]</c>: runs Gherkin feature files
/// at run time with the same step library as the SpecFlow tests (edit a file, run it; no compile
/// step). Exit code 0 when every scenario passes (one without steps is a warning), 1 when one
/// fails, has an undefined step or a feature cannot be read, 2 when a path does not exist or names
/// no feature file.
/// </summary>
public static class ScenarioCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Feature files, or folders searched for *.feature (e.g. scenarios).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (each step with ✓/✗, the default) or json (for machines).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also show what each administration command printed (winpop stat, maillab smtp ...), for passing steps too.",
        };

        var run = new Command("run", "Run Gherkin feature files (English or # language: ru) against a fresh simulated world per scenario.");
        run.Arguments.Add(paths);
        run.Options.Add(format);
        run.Options.Add(verbose);
        run.SetAction((parse, _) => RunAsync(parse.GetValue(paths) ?? [], parse.GetValue(format) == "json", Console.Out, Console.Error, parse.GetValue(verbose)));

        var command = new Command("scenario", "Gherkin scenarios: the step library of scenarios/STEPS.md, run at run time.");
        command.Subcommands.Add(run);
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter error, bool verbose = false)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            Console.OutputEncoding = Encoding.UTF8;
        }

        IReadOnlyList<string> files;
        try
        {
            files = FeatureRunner.FindFeatureFiles(paths);
        }
        catch (FileNotFoundException e)
        {
            await error.WriteLineAsync($"maillab scenario run: {e.Message}");
            return 2;
        }

        if (files.Count == 0)
        {
            await error.WriteLineAsync($"maillab scenario run: no .feature files in {string.Join(", ", paths)}");
            return 2;
        }

        var runner = new FeatureRunner();
        if (!json)
        {
            runner.FeatureFinished += feature => TextReport.WriteFeature(output, feature, verbose);
        }

        var report = await runner.RunAsync(files);
        if (json)
        {
            await output.WriteLineAsync(JsonReport.Write(report, verbose));
        }
        else
        {
            TextReport.WriteSummary(output, report);
        }

        return report.Passed ? 0 : 1;
    }
}
