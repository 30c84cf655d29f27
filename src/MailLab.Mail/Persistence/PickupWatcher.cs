using System.Collections.Concurrent;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The Pickup folder on disk: a file that appears there (a FileSystemWatcher, plus a scan at
/// start-up, after a watcher overflow and when a stopped virtual server starts) is read, sent by
/// <see cref="PickupAgent"/> and then deleted. As with IIS, write the file elsewhere and move it in;
/// a file still held open by a .NET writer is retried a few times, an empty one waits for its
/// content. Order: the message is stored or queued (durably) before the file is deleted, so a
/// crash in between sends it again rather than losing it.
/// </summary>
internal sealed class PickupWatcher : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private const int Attempts = 20;

    private readonly SmtpVirtualServer _server;
    private readonly string _folder;
    private readonly DataDirectoryReport _report;
    private readonly ConcurrentDictionary<string, byte> _taking = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher _watcher;

    public PickupWatcher(SmtpVirtualServer server, string folder, DataDirectoryReport report)
    {
        _server = server;
        _folder = folder;
        _report = report;
        DurableFile.EnsureFolder(folder);
        _watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Created += (_, e) => Take(e.FullPath);
        _watcher.Changed += (_, e) => Take(e.FullPath);
        _watcher.Renamed += (_, e) => Take(e.FullPath);
        _watcher.Error += (_, _) => Scan();
        server.Service.StateChanged += OnStateChanged;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Sends every file waiting in the folder; returns how many it found.</summary>
    public int Scan()
    {
        var files = Directory.Exists(_folder) ? Directory.GetFiles(_folder) : [];
        foreach (var path in files)
        {
            Take(path);
        }

        return files.Length;
    }

    public void Dispose()
    {
        _server.Service.StateChanged -= OnStateChanged;
        _watcher.Dispose();
    }

    private void OnStateChanged(SmtpVirtualServer server)
    {
        if (server == _server && server.State != VirtualServerState.Stopped)
        {
            Scan();
        }
    }

    private void Take(string path)
    {
        var name = Path.GetFileName(path);
        if (DurableFile.IsTemp(name) || _server.State == VirtualServerState.Stopped || !_taking.TryAdd(name, 0))
        {
            return;
        }

        _server.Host.World.Work.Run(async () =>
        {
            try
            {
                await SendAsync(path, name).ConfigureAwait(false);
            }
            finally
            {
                _taking.TryRemove(name, out _);
            }
        });
    }

    private async Task SendAsync(string path, string name)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            byte[] content;
            try
            {
                // FileShare.None: not while a writer still has it open (on Unix, .NET's advisory lock).
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None))
                {
                    content = new byte[stream.Length];
                    stream.ReadExactly(content);
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                return; // taken already, or a folder
            }
            catch (IOException) when (attempt < Attempts)
            {
                // Real time, not the world's: this waits for another program's file, not for mail.
                await Task.Delay(RetryDelay, TimeProvider.System).ConfigureAwait(false);
                continue;
            }
            catch (IOException e)
            {
                _report.Problem($"{path}: {e.Message}");
                return;
            }

            if (content.Length == 0)
            {
                return; // still being written: its Changed event brings it back
            }

            PickupAgent.Send(_server, content, name);
            File.Delete(path);
            return;
        }
    }
}
