using System.CommandLine;
using MailLab.Hosting;
using MailLab.Mail.World;
using MailLab.Web;

namespace MailLab.Cli.Commands;

/// <summary><c>maillab up</c>: starts the default topology and its admin API; Ctrl-C stops it.</summary>
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

        var command = new Command("up", "Start the default topology (mail.ru → rosnou.ru) in memory, with SMTP listeners and the admin API on 127.0.0.1.");
        command.Options.Add(apiPort);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(apiPort), Console.Out, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(int apiPort, TextWriter output, CancellationToken cancellation)
    {
        var world = DefaultTopology.Create(TimeProvider.System);
        await using var runtime = new MailLabServer(world);
        try
        {
            await runtime.StartAsync();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await Console.Error.WriteLineAsync($"maillab: cannot open an SMTP listener: {e.Message}. Is another MailLab (or mail server) already running?");
            return 1;
        }

        await using var web = MailLabWebApp.Build(runtime, apiPort);
        try
        {
            await web.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"maillab: cannot open the admin API on 127.0.0.1:{apiPort}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync("MailLab is up (default topology: mail.ru -> rosnou.ru).");
        foreach (var host in world.Hosts)
        {
            foreach (var vs in host.Smtp.VirtualServers)
            {
                await output.WriteLineAsync($"  {host.Name,-10} SMTP  {runtime.GetEndPoint(vs)}  \"{vs.Name}\" (domain {vs.Domains.Default.Name})");
            }

            foreach (var account in host.Accounts.All)
            {
                await output.WriteLineAsync($"  {host.Name,-10} account {account.Address}");
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
