using System.CommandLine;
using MailLab.Hosting;
using MailLab.Hosting.Tls;
using MailLab.Mail.Persistence;
using MailLab.Mail.Simulation;
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

        var simulate = new Option<bool>("--simulate")
        {
            Description = "Run on a virtual clock that only moves when told (POST /api/clock/step, /api/clock/advance?by=PT15M): retries, delay notices and expirations happen in one click.",
        };

        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Keep mailboxes, Drop, Badmail and the queues on disk under DIR (IIS layout: DIR/<host>/mailroot/{Queue,Drop,Pickup,Badmail}, POP3 store DIR/<host>/mailroot/Mailbox/<domain>/P3_<user>.mbx) and read them back at start. Files put in a Pickup folder are sent. Configuration changed at run time is saved in DIR/topology.yaml (passwords as salted hashes) and is the starting topology next time, unless --topology is given. Default: in memory only.",
            HelpName = "DIR",
        };

        var anyPort = new Option<bool>("--any-port")
        {
            Description = "Listen on free ports (port 0) instead of the topology's SMTP, POP3 and IMAP ports; the ports chosen are printed. For tests and several MailLabs side by side.",
        };

        var catchAll = new Option<bool>("--catch-all")
        {
            Description = "Catch-all on the receiving hosts (those whose SMTP takes no logons; in the default topology rosnou.ru): their SMTP accepts any recipient, in any domain, and stores it in a mailbox made on first delivery, instead of refusing unknown users with 550. For tests of an app that sends to made-up addresses; wait for its mail with GET /api/messages?to=ADDRESS&wait=SECONDS.",
        };

        var certificate = new Option<string?>("--certificate")
        {
            Description = "The STARTTLS certificate: a PKCS#12 file (.pfx, .p12; password with --certificate-password) or a PEM certificate (key in the same file or in --certificate-key). Default: the topology's certificate, else a self-signed one (for localhost, 127.0.0.1 and every host), kept in the data directory with --data-dir so that it stays the same across restarts.",
            HelpName = "FILE",
        };
        var certificateKey = new Option<string?>("--certificate-key")
        {
            Description = "The PEM private key of --certificate, when it is not in the same file.",
            HelpName = "FILE",
        };
        var certificatePassword = new Option<string?>("--certificate-password")
        {
            Description = "The password of a --certificate .pfx file (or of an encrypted PEM key).",
        };

        var command = new Command("up", "Start a topology in memory (by default mail.ru → rosnou.ru), with SMTP listeners and the admin API on 127.0.0.1.");
        command.Options.Add(apiPort);
        command.Options.Add(topology);
        command.Options.Add(simulate);
        command.Options.Add(dataDir);
        command.Options.Add(anyPort);
        command.Options.Add(catchAll);
        command.Options.Add(certificate);
        command.Options.Add(certificateKey);
        command.Options.Add(certificatePassword);
        command.Validators.Add(r =>
        {
            if (r.GetValue(certificate) is null && (r.GetValue(certificateKey) is not null || r.GetValue(certificatePassword) is not null))
            {
                r.AddError("--certificate-key and --certificate-password go with --certificate FILE.");
            }
        });
        command.SetAction((parse, cancellation) => RunAsync(
            new UpOptions(parse.GetValue(apiPort), parse.GetValue(topology), parse.GetValue(simulate), parse.GetValue(dataDir), parse.GetValue(anyPort))
            {
                CatchAll = parse.GetValue(catchAll),
                Certificate = parse.GetValue(certificate) is { } file ? new CertificateFile(Path.GetFullPath(file), parse.GetValue(certificateKey) is { } key ? Path.GetFullPath(key) : null, parse.GetValue(certificatePassword)) : null,
            },
            Console.Out,
            Console.Error,
            cancellation));
        return command;
    }

    /// <summary>Runs the embedded default topology.</summary>
    public static Task<int> RunAsync(int apiPort, TextWriter output, CancellationToken cancellation) =>
        RunAsync(new UpOptions(apiPort), output, Console.Error, cancellation);

    /// <summary>
    /// Runs the topology in <see cref="UpOptions.TopologyPath"/> (the embedded default when null). An
    /// invalid file is reported on <paramref name="error"/> with exit code 2, before anything starts.
    /// </summary>
    public static async Task<int> RunAsync(UpOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var (apiPort, topologyPath, simulate, dataDir, anyPort) = options;
        TimeProvider clock = simulate ? new SimulationClock(TimeProvider.System.GetUtcNow()) : TimeProvider.System;
        // With --data-dir, the configuration saved there at run time is the starting topology, unless
        // --topology names one explicitly: that one wins and replaces the saved one.
        var saved = dataDir is not null && SavedConfiguration.ExistsIn(dataDir) ? SavedConfiguration.PathIn(dataDir) : null;
        MailWorld world;
        try
        {
            world = topologyPath is not null ? TopologyLoader.LoadFile(topologyPath, clock, anyPort)
                : saved is not null ? SavedConfiguration.Load(dataDir!, clock, anyPort)
                : DefaultTopology.Create(clock, anyPort);
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

        if (options.CatchAll)
        {
            CatchAllReceivers(world);
        }

        var topologyName = (topologyPath ?? (saved is not null ? $"{saved}, saved at run time" : $"built-in {DefaultTopology.FileName}")) + (simulate ? "; simulation mode: the clock moves only through /api/clock" : string.Empty);
        MailLabServer created;
        try
        {
            created = new MailLabServer(world, dataDirectory: dataDir, certificate: options.Certificate is { } given ? ServerCertificate.Load(given) : null);
        }
        catch (CertificateFileException e)
        {
            await error.WriteLineAsync($"maillab: {e.Message}");
            return 2;
        }
        catch (Exception e) when (dataDir is not null && e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"maillab: cannot use the data directory {dataDir}: {e.Message}");
            return 1;
        }

        await using var runtime = created;
        try
        {
            await runtime.StartAsync();
        }
        catch (Exception e) when (dataDir is not null && runtime.Data is null && e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"maillab: cannot use the data directory {dataDir}: {e.Message}");
            return 1;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await error.WriteLineAsync($"maillab: cannot open an SMTP listener: {e.Message}. Is another MailLab (or mail server) already running?");
            return 1;
        }

        if (topologyPath is not null && saved is not null)
        {
            await output.WriteLineAsync($"  --topology {topologyPath} wins over the configuration saved in {saved}, which it replaces.");
            runtime.ConfigurationChanged();
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

            if (host.Pop3 is { } pop3 && runtime.GetPop3EndPoint(pop3) is { } pop3EndPoint)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} POP3  {pop3EndPoint}");
            }

            // IMAP is MailLab's own (Windows Server 2003's POP3 service had none).
            if (runtime.GetImapEndPoint(host.Imap) is { } imapEndPoint)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} IMAP  {imapEndPoint}");
            }

            if (runtime.GetImapsEndPoint(host.Imap) is { } imapsEndPoint)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} IMAPS {imapsEndPoint}");
            }

            foreach (var account in host.Accounts.All)
            {
                await output.WriteLineAsync($"  {host.Name.PadRight(width)} account {account.Address}");
            }
        }

        if (runtime.Data is { } data)
        {
            await output.WriteLineAsync($"  data dir   {data.Path} (read back: {data.Report})");
            foreach (var problem in data.Report.Problems)
            {
                await output.WriteLineAsync($"  data dir   could not read {problem}");
            }
        }

        if (options.CatchAll)
        {
            var hosts = world.Hosts.Where(h => h.Smtp.VirtualServers.Any(v => v.Domains.CatchAll)).Select(h => h.Name);
            await output.WriteLineAsync($"  catch-all  {string.Join(", ", hosts)}: any recipient is accepted and stored, in a mailbox made on first delivery (GET /api/messages?to=ADDRESS&wait=30)");
        }

        await output.WriteLineAsync($"  STARTTLS   certificate {runtime.Certificate.Subject}, SHA-256 {ServerCertificate.Fingerprint(runtime.Certificate)} ({runtime.CertificateOrigin})");
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

    /// <summary>
    /// Switches catch-all on for the receiving virtual servers: those where users do not log on to
    /// submit (Basic authentication off, the IIS default), or every one when all take logons (a
    /// one-host topology). Catch-all makes every domain local, so a submission server in this mode
    /// would keep mail meant for other hosts instead of relaying it. In the default topology that is
    /// rosnou.ru; mail.ru, where ivan@mail.ru submits with AUTH, still relays.
    /// </summary>
    private static void CatchAllReceivers(MailWorld world)
    {
        var all = world.Hosts.SelectMany(h => h.Smtp.VirtualServers).ToArray();
        var receivers = all.Where(v => !v.Access.BasicAuthentication).ToArray();
        foreach (var vs in receivers.Length > 0 ? receivers : all)
        {
            vs.Domains.CatchAll = true;
        }
    }
}

/// <summary>
/// What <c>maillab up</c> runs: the API port, a topology file (null: the built-in one), live or
/// simulated time, a data directory (null: in memory only), whether to take free ports, and the
/// STARTTLS certificate's files (null: the topology's, else a generated one), and catch-all on the
/// receiving virtual servers.
/// </summary>
public sealed record UpOptions(int ApiPort, string? TopologyPath = null, bool Simulate = false, string? DataDirectory = null, bool AnyPort = false)
{
    public bool CatchAll { get; init; }

    public CertificateFile? Certificate { get; init; }
}
