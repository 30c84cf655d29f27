using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// Postfix's smtp-sink (smtp-sink(1)): a real SMTP server from Debian's postfix package that accepts
/// every transaction and dumps each one (its envelope as X- headers, then the content) into a folder
/// of its own. It listens on loopback, on a free port or the one asked for, until disposed. It is the
/// "server outside MailLab" of the relay tests and of lab 06's solution; scripts/test.sh installs postfix.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    /// <summary>Where Debian and a source build put the program.</summary>
    public static readonly IReadOnlyList<string> Locations = ["/usr/sbin/smtp-sink", "/usr/bin/smtp-sink", "/usr/local/sbin/smtp-sink"];

    private readonly Process _process;
    private readonly string _folder;
    private readonly FileStream? _portClaim;

    private SmtpSink(Process process, string folder, int port, FileStream? portClaim)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _portClaim = portClaim;
    }

    public int Port { get; }

    /// <summary>The installed program, or null.</summary>
    public static string? Program => Locations.FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts smtp-sink on 127.0.0.1:<paramref name="port"/> (0: a free port) with smtp-sink's own
    /// <paramref name="options"/> (e.g. <c>-r RCPT</c>: answer every RCPT with 450), once it accepts connections.
    /// </summary>
    public static async Task<SmtpSink> StartAsync(int port = 0, params string[] options)
    {
        var program = Program
            ?? throw new InvalidOperationException($"Postfix's smtp-sink is not installed (looked for {string.Join(", ", Locations)}): run scripts/test.sh, which installs postfix, or apt-get install postfix.");

        // A port asked for (lab 06's 2725) may be asked for by another process's test at the same time:
        // the claim makes the second wait until the first sink has gone, instead of finding the port taken.
        var claim = port == 0 ? null : await ClaimAsync(port).ConfigureAwait(false);
        try
        {
            port = port == 0 ? FreePort() : FreeOrThrow(port);
        }
        catch
        {
            claim?.Dispose();
            throw;
        }

        var folder = Directory.CreateTempSubdirectory("maillab-smtp-sink-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // smtp-sink drops root for nobody, who writes the dumps
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.UserName == "root")
        {
            // smtp-sink refuses to run as root without -u.
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(Path.Combine(folder, "msg."));
        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("16");
        var process = Process.Start(start);
        if (process is null)
        {
            claim?.Dispose();
            throw new InvalidOperationException($"{program} did not start.");
        }

        var sink = new SmtpSink(process, folder, port, claim);
        try
        {
            await sink.WaitListeningAsync().ConfigureAwait(false);
        }
        catch
        {
            await sink.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return sink;
    }

    /// <summary>The transactions received so far, one dump each.</summary>
    public IReadOnlyList<string> Dumps() => Directory.GetFiles(_folder).Select(File.ReadAllText).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
        _portClaim?.Dispose();
    }

    /// <summary>
    /// An exclusive claim on a fixed port among the processes of this machine: a lock file in the temporary
    /// folder, open without sharing (an advisory lock on Unix), held until the sink is disposed. Waits up to
    /// two minutes for another holder; a claim is given back when its process ends, even by kill -9.
    /// </summary>
    private static async Task<FileStream> ClaimAsync(int port)
    {
        var path = Path.Combine(Path.GetTempPath(), $"maillab-port-{port}.lock");
        var giveUp = TimeProvider.System.GetTimestamp() + (2 * 60 * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                if (TimeProvider.System.GetTimestamp() > giveUp)
                {
                    throw new InvalidOperationException($"127.0.0.1:{port} stayed claimed by another smtp-sink of MailLab's for two minutes ({path}).", e);
                }
            }

            // The lock has no signal to wait on across processes: look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System).ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// The port, when nothing listens on it yet: else smtp-sink would exit on its bind error while a
    /// connection to whatever holds the port already looked like smtp-sink listening.
    /// </summary>
    private static int FreeOrThrow(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return port;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException($"127.0.0.1:{port} is already in use (another server listens there).", e);
        }
    }

    /// <summary>Until smtp-sink accepts a connection (it binds right after starting), or it exits (a port in use, say).</summary>
    private async Task WaitListeningAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20), TimeProvider.System);
        while (true)
        {
            if (_process.HasExited)
            {
                var error = await _process.StandardError.ReadToEndAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"smtp-sink on 127.0.0.1:{Port} exited with {_process.ExitCode}: {error.Trim()}");
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port, limit.Token).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, limit.Token).ConfigureAwait(false);
            }
        }
    }
}
