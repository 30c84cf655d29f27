using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The built <c>maillab up</c> as a child process (dotnet maillab.dll up --data-dir DIR --topology FILE
/// --api-port 0 --any-port --simulate; without a FILE it starts from DIR/topology.yaml), with the
/// endpoints it prints, its admin API, and kill -9.
/// </summary>
public sealed partial class MailLabProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private MailLabProcess(Process process)
    {
        _process = process;
    }

    public IPEndPoint MailRuSmtp { get; private set; } = null!;

    public IPEndPoint MailRuPop3 { get; private set; } = null!;

    /// <summary>rosnou.ru's IMAP listener; null when the topology runs none.</summary>
    public IPEndPoint? RosnouImap { get; private set; }

    public HttpClient Api { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts it on <paramref name="dataDirectory"/>; without <paramref name="topology"/>, on the configuration saved there (or the built-in one).</summary>
    public static Task<MailLabProcess> StartAsync(string dataDirectory, string? topology) =>
        topology is null
            ? StartWithAsync("--data-dir", dataDirectory, "--simulate")
            : StartWithAsync("--data-dir", dataDirectory, "--topology", topology, "--simulate");

    /// <summary><c>maillab up --api-port 0 --any-port</c> with these further arguments.</summary>
    public static async Task<MailLabProcess> StartWithAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "maillab.dll"), "up", "--api-port", "0", "--any-port" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        var child = new MailLabProcess(Process.Start(info)!);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        child._process.OutputDataReceived += (_, e) => child.Read(e.Data, ready);
        child._process.ErrorDataReceived += (_, e) => child.Read(e.Data, ready);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        var started = await Task.WhenAny(ready.Task, child._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != ready.Task)
        {
            child.Kill();
            throw new InvalidOperationException($"maillab up did not start:\n{child.Output}");
        }

        var output = child.Output;
        child.MailRuSmtp = IPEndPoint.Parse(SmtpLine().Match(output).Groups[1].Value);
        child.MailRuPop3 = IPEndPoint.Parse(Pop3Line().Match(output).Groups[1].Value);
        var imap = RosnouImapLine().Match(output);
        child.RosnouImap = imap.Success ? IPEndPoint.Parse(imap.Groups[1].Value) : null;
        child.Api = new HttpClient { BaseAddress = new Uri(ApiLine().Match(output).Groups[1].Value), Timeout = TimeSpan.FromSeconds(60) };
        return child;
    }

    /// <summary>kill -9 of the whole process tree: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async Task<string[]> SubjectsAsync(string address)
    {
        using var json = JsonDocument.Parse(await Api.GetStringAsync($"api/mailboxes/{address}/messages"));
        return json.RootElement.EnumerateArray().Select(m => m.GetProperty("subject").GetString()!).ToArray();
    }

    public async Task<string[]> FolderAsync(string host, string folder, string virtualServer = "Default SMTP Virtual Server")
    {
        using var json = JsonDocument.Parse(await Api.GetStringAsync($"api/servers/{host}/smtp/{Uri.EscapeDataString(virtualServer)}/folders/{folder}"));
        return json.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
    }

    /// <summary>Across a process boundary there is no completion signal to wait on: ask the API until it holds, for at most 10 s.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    public async Task PostAsync(string path) => (await Api.PostAsync(path, content: null)).EnsureSuccessStatusCode();

    public ValueTask DisposeAsync()
    {
        Kill();
        Api?.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Read(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line == "Press Ctrl-C to stop.")
        {
            ready.TrySetResult();
        }
    }

    [GeneratedRegex(@"^\s+mail\.ru\s+SMTP\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex SmtpLine();

    [GeneratedRegex(@"^\s+mail\.ru\s+POP3\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex Pop3Line();

    [GeneratedRegex(@"^\s+rosnou\.ru\s+IMAP\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex RosnouImapLine();

    [GeneratedRegex(@"admin API\s+(http://\S+?/)api/servers")]
    private static partial Regex ApiLine();
}
