using System.CommandLine;
using MailLab.Hosting;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using MailLab.Web;

namespace MailLab.Cli.Commands;

/// <summary><c>maillab up</c>: starts a topology (the embedded default unless --topology names a file) and its admin API; Ctrl-C stops it.</summary>
public static class UpCommand
{
    public static Command Create()
    {
        var apiPort = new Option<int>("--api-port")
        {
            Description = "TCP port of the admin API and web page on 127.0.0.1 (0 picks a free port).",
            DefaultValueFactory = _ => MailLabWebApp.DefaultPort,
        };
        apiPort.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--api-port must be between 0 and 65535.");
            }
        });

        var topology = new Option<string?>("--topology")
        {
            Description = $"A topology file (scenarios/topologies/*.yaml). Default: the built-in {DefaultTopology.FileName} (mail.ru → rosnou.ru).",
            HelpName = "FILE",
        };

        var command = new Command("up", "Start a topology in memory (by default mail.ru → rosnou.ru), with SMTP listeners and the admin API on 127.0.0.1.");
        command.Options.Add(apiPort);
        command.Options.Add(topology);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(apiPort), parse.GetValue(topology), Console.Out, Console.Error, cancellation));
        return command;
    }

    /// <summary>Runs the embedded default topology.</summary>
    public static Task<int> RunAsync(int apiPort, TextWriter output, CancellationToken cancellation) =>
        RunAsync(apiPort, topologyPath: null, output, Console.Error, cancellation);

    /// <summary>
    /// Runs the topology in <paramref name="topologyPath"/> (the embedded default when null). An
    /// invalid file is reported on <paramref name="error"/> with exit code 2, before anything starts.
    /// </summary>
    public static async Task<int> RunAsync(int apiPort, string? topologyPath, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        MailWorld world;
        try
        {
            world = topologyPath is null ? DefaultTopology.Create(TimeProvider.System) : TopologyLoader.LoadFile(topologyPath, TimeProvider.System);
        }
        catch (TopologyException e)
        {
            await error.WriteLineAsync("maillab: invalid topology:");
            foreach (var problem in e.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return 2;
        }

        var topologyName = topologyPath ?? $"built-in {DefaultTopology.FileName}";
        await using var runtime = new MailLabServer(world);
        try
        {
            await runtime.StartAsync();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await error.WriteLineAsync($"maillab: cannot open an SMTP listener: {e.Message}. Is another MailLab (or mail server) already running?");
            return 1;
        }

        await using var web = MailLabWebApp.Build(runtime, apiPort);
        try
        {
            await web.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"maillab: cannot open the admin API on 127.0.0.1:{apiPort}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"MailLab is up (topology: {topologyName}; hosts {string.Join(", ", world.Hosts.Select(h => h.Name))}).");
        var width = Math.Max(10, world.Hosts.Select(h => h.Name.Length + 1).DefaultIfEmpty(0).Max());
        foreach (var host in world.Hosts)
        {
            foreach (var vs in host.Smtp.VirtualServers)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} SMTP  {runtime.GetEndPoint(vs)}  \"{vs.Name}\" (domain {vs.Domains.Default.Name})");
            }

            foreach (var account in host.Accounts.All)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} account {account.Address}");
            }
        }

        var address = MailLabWebApp.GetAddress(web);
        await output.WriteLineAsync($"  admin API  {address}api/servers  (OpenAPI: {address}openapi/v1.json)");
        await output.WriteLineAsync("Press Ctrl-C to stop.");
        await output.FlushAsync(CancellationToken.None);

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellation);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping MailLab...");
        }

        await web.StopAsync(CancellationToken.None);
        return 0;
    }
}
