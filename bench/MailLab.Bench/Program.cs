using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MailLab.Bench;

// dotnet run -c Release --project bench/MailLab.Bench -- [--quick] [--pipelining] [--only TEXT] [--times FACTOR] [--target 127.0.0.1:PORT] [--repeat N] [--no-transcripts]
// dotnet run -c Release --project bench/MailLab.Bench -- micro [BenchmarkDotNet arguments]
// dotnet run -c Release --project bench/MailLab.Bench -- relay [--quick] [--no-transcripts] [--direct] [--messages N] [--hops N] [--per-connection N]
// dotnet run -c Release --project bench/MailLab.Bench -- pop3 [--quick]
// dotnet run -c Release --project bench/MailLab.Bench -- fixture [--starts N] | fixture throughput [--messages N] [--sessions N] | fixture waits [--tests N]
// dotnet run -c Release --project bench/MailLab.Bench -- memory [--messages N] [--size OCTETS] [--sessions N] [--new-connections] [--limit RATIO] [--census]
if (args.Length > 0 && args[0] == "micro")
{
    // In-process: no second build of a generated project, short runs (this is a 2-core machine).
    // Results and logs go beside the binary (bin/), not into the directory it was started from.
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    var summaries = BenchmarkRunner.Run([typeof(SessionBenchmarks), typeof(MailLayerBenchmarks)], config, args[1..]);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

if (args.Length > 0 && args[0] == "fixture")
{
    return await FixtureBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pop3")
{
    return await Pop3Bench.RunAsync(sessions: args.Contains("--quick") ? 2_000 : 20_000, clients: 20);
}

if (args.Length > 0 && args[0] == "memory")
{
    var memoryMessages = 150_000;
    var size = 1024;
    var sessions = 20;
    var limit = 1.2;
    for (var i = 1; i < args.Length - 1; i++)
    {
        // --messages N, --size OCTETS (of body, as smtp-source's -l), --sessions N, --limit RATIO.
        _ = args[i] switch
        {
            "--messages" => int.TryParse(args[i + 1], out memoryMessages),
            "--size" => int.TryParse(args[i + 1], out size),
            "--sessions" => int.TryParse(args[i + 1], out sessions),
            "--limit" => double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out limit),
            _ => false,
        };
    }

    return await MemoryBench.RunAsync(memoryMessages, size, sessions, reuse: !args.Contains("--new-connections"), limit, census: args.Contains("--census"));
}

if (args.Length > 0 && args[0] == "relay")
{
    var relayMessages = args.Contains("--quick") ? 2_000 : 20_000;
    int[] relayHops = [1, 2, 3, 4];
    for (var i = 1; i < args.Length - 1; i++)
    {
        // --messages N: a longer run (e.g. under a profiler); --hops N: only that chain length.
        if (args[i] == "--messages" && int.TryParse(args[i + 1], out var count) && count > 0)
        {
            relayMessages = count;
        }
        else if (args[i] == "--per-connection" && int.TryParse(args[i + 1], out var perConnection) && perConnection > 0)
        {
            RelayBench.PerConnection = perConnection;
        }
        else if (args[i] == "--hops" && int.TryParse(args[i + 1], out var hops) && hops is >= 1 and <= 15)
        {
            relayHops = [hops];
        }
    }

    RelayBench.SampleAllocations = args.Contains("--allocations");
    return await RelayBench.RunAsync(relayMessages, sessions: 20, transcripts: !args.Contains("--no-transcripts"), direct: args.Contains("--direct"), relayHops);
}

string? only = null;
System.Net.IPEndPoint? target = null;
var times = 1.0;
var repeat = 3;
var transcripts = true;
var quick = false;
var pipelining = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--pipelining":
            pipelining = true;
            break;
        case "--no-transcripts":
            transcripts = false;
            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        case "--target" when i + 1 < args.Length && System.Net.IPEndPoint.TryParse(args[i + 1], out target) && System.Net.IPAddress.IsLoopback(target.Address):
            i++;
            break;
        case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out repeat) && repeat > 0:
            i++;
            break;
        case "--times" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out times) && times > 0:
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument: {args[i]}");
            Console.Error.WriteLine("usage: MailLab.Bench [--quick] [--pipelining] [--only TEXT] [--times FACTOR] [--target 127.0.0.1:PORT] [--repeat N] [--no-transcripts] | micro [BenchmarkDotNet arguments]");
            Console.Error.WriteLine("  --only TEXT      run only the scenarios whose name contains TEXT (e.g. \"in-memory\", \"-d\")");
            Console.Error.WriteLine("  --times FACTOR   multiply every message count (e.g. 5 for a longer run under a profiler)");
            Console.Error.WriteLine("  --repeat N       run every scenario N times and show the fastest (default 3; each run is verified)");
            Console.Error.WriteLine("  --no-transcripts turn off the trace log's protocol lines (world.Trace.RecordTranscripts), to see their cost");
            Console.Error.WriteLine("  --target EP      run the TCP shapes against another server on loopback (smtp-sink, `maillab up`)");
            return 2;
    }
}

return await MacroBench.RunAsync(quick, pipelining, only, times, target, repeat, transcripts);
