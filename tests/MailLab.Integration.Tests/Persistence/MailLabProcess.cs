using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// The built <c>maillab up</c> as a child process (dotnet maillab.dll up --data-dir DIR [--topology FILE]
/// --api-port 0 --any-port --simulate), with the endpoints it prints, its admin API, and kill -9.
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
    public static async Task<MailLabProcess> StartAsync(string dataDirectory, string? topology)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] source = topology is null ? [] : ["--topology", topology];
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "maillab.dll"), "up", "--data-dir", dataDirectory, .. source, "--api-port", "0", "--any-port", "--simulate"];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var child = new MailLabProcess(Process.Start(info)!);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        child._process.OutputDataReceived += (_, e) => child.Read(e.Data, ready);
        child._process.ErrorDataReceived += (_, e) => child.Read(e.Data, ready);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        var started = await Task.WhenAny(ready.Task, child._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        if (started != ready.Task)
        {
            child.Kill();
            throw new InvalidOperationException($"maillab up did not start:\n{child.Output}");
        }

        var output = child.Output;
        child.MailRuSmtp = IPEndPoint.Parse(SmtpLine().Match(output).Groups[1].Value);
        child.Api = new HttpClient { BaseAddress = new Uri(ApiLine().Match(output).Groups[1].Value), Timeout = TimeSpan.FromSeconds(20) };
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

    public async Task<string[]> FolderAsync(string host, string folder)
    {
        using var json = JsonDocument.Parse(await Api.GetStringAsync($"api/servers/{host}/smtp/Default%20SMTP%20Virtual%20Server/folders/{folder}"));
        return json.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
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

    [GeneratedRegex(@"admin API\s+(http://\S+?/)api/servers")]
    private static partial Regex ApiLine();
}
