using System.Runtime.InteropServices;

namespace MailLab.Mail.Persistence;

/// <summary>
/// Crash-safe file writes: the bytes go to a temporary file in the same folder, are flushed to the
/// disk (fsync), renamed over the final name (atomic on one file system), and then the folder
/// itself is fsynced so the new name survives a power cut. On Windows the last step does not
/// exist (NTFS journals the rename); elsewhere it is fsync(2) on the directory.
/// </summary>
internal static class DurableFile
{
    /// <summary>Temporary files start with a dot and end with this; loaders skip and delete them.</summary>
    public const string TempSuffix = ".tmp";

    public static void Write(string path, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> data)
    {
        var folder = Path.GetDirectoryName(path)!;
        EnsureFolder(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(prefix);
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        SyncFolder(folder);
    }

    /// <summary>
    /// Appends to a file and fsyncs it; a file created by the append also has its folder fsynced.
    /// A crash mid-append can leave a last line cut short: readers of appended files must expect it.
    /// </summary>
    public static void Append(string path, ReadOnlySpan<byte> data)
    {
        var folder = Path.GetDirectoryName(path)!;
        EnsureFolder(folder);
        var created = !File.Exists(path);
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0))
        {
            stream.Write(data);
            stream.Flush(flushToDisk: true);
        }

        if (created)
        {
            SyncFolder(folder);
        }
    }

    /// <summary>Deletes a file (missing is fine) and makes the deletion durable.</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
            SyncFolder(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>Renames a folder (atomic on one file system) and makes the new name durable in its parent.</summary>
    public static void MoveFolder(string from, string to)
    {
        Directory.Move(from, to);
        SyncFolder(Path.GetDirectoryName(to)!);
    }

    /// <summary>Creates a folder (and its parents) if needed; a new folder's entry is made durable in its parent.</summary>
    public static void EnsureFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        var parent = Path.GetDirectoryName(folder);
        if (parent is not null)
        {
            EnsureFolder(parent);
        }

        Directory.CreateDirectory(folder);
        if (parent is not null)
        {
            SyncFolder(parent);
        }
    }

    /// <summary>Leftovers of a write cut short by a crash: never renamed, so never part of the store.</summary>
    public static bool IsTemp(string name) => name.StartsWith('.') && name.EndsWith(TempSuffix, StringComparison.Ordinal);

    private static bool _canSyncFolders = !OperatingSystem.IsWindows();

    private static void SyncFolder(string folder)
    {
        if (!_canSyncFolders)
        {
            return;
        }

        int fd;
        try
        {
            fd = Open(folder, 0 /* O_RDONLY */);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _canSyncFolders = false; // a platform without libc's open/fsync: the rename is all we have
            return;
        }

        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
