using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace MailLab.Bench;

/// <summary>
/// What the managed heap holds, by type: a dump of this process with its heap (written by the
/// runtime's own createdump through the diagnostics port) read back with ClrMD. For the memory
/// bench's <c>--census</c>: the types that take most room, with their counts and average sizes.
/// </summary>
internal static class HeapCensus
{
    private const double Mb = 1024 * 1024;

    /// <summary>The <paramref name="top"/> largest types by total size, one line each, or why there is no census.</summary>
    public static IReadOnlyList<string> Take(int top)
    {
        var path = Path.Combine(Path.GetTempPath(), $"maillab-bench-{Environment.ProcessId}.dmp");
        try
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true); // only live objects in the dump
            new DiagnosticsClient(Environment.ProcessId).WriteDump(DumpType.WithHeap, path);
            using var target = DataTarget.LoadDump(path);
            using var runtime = target.ClrVersions[0].CreateRuntime();
            var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var arrays = new Dictionary<string, int>(StringComparer.Ordinal);
            long total = 0;
            foreach (var item in runtime.Heap.EnumerateObjects())
            {
                if (!item.IsValid || item.IsFree)
                {
                    continue;
                }

                var name = item.Type?.Name ?? "?";
                var size = (long)item.Size;
                var (count, bytes) = byType.GetValueOrDefault(name);
                byType[name] = (count + 1, bytes + size);
                total += size;
                if (item.Type?.IsString == true)
                {
                    var text = item.AsString(40) ?? "?";
                    strings[text] = strings.GetValueOrDefault(text) + 1;
                }
                else if (name == "System.String[]")
                {
                    var array = item.AsArray();
                    var key = $"length {array.Length}, first {(array.Length == 0 ? "-" : array.GetObjectValue(0) is { IsNull: false } first ? first.AsString(30) : "null")}";
                    arrays[key] = arrays.GetValueOrDefault(key) + 1;
                }
            }

            return [
                $"{total / Mb:F1} MB in {byType.Values.Sum(v => v.Count):N0} objects; the largest types:",
                .. byType.OrderByDescending(t => t.Value.Bytes).Take(top).Select(t =>
                    string.Create(CultureInfo.InvariantCulture, $"  {t.Value.Bytes / Mb,8:F2} MB {t.Value.Count,10:N0} x {(double)t.Value.Bytes / t.Value.Count,7:F0}  {t.Key}")),
                "  strings by value, most frequent:",
                .. strings.OrderByDescending(t => t.Value).Take(12).Select(t => $"    {t.Value,8:N0} x {t.Key}"),
                "  string arrays, most frequent:",
                .. arrays.OrderByDescending(t => t.Value).Take(12).Select(t => $"    {t.Value,8:N0} x {t.Key}"),
            ];
        }
        catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or IOException or InvalidOperationException or ClrDiagnosticsException)
        {
            return [$"no census: {e.GetType().Name}: {e.Message}"];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
