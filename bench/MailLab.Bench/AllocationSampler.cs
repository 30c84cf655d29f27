using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace MailLab.Bench;

/// <summary>
/// What a run allocates, by type and by the MailLab method that allocated it: the runtime's
/// allocation sampling event (GCAllocationTick, about one per 100 KB allocated, naming the type of
/// the object that crossed the mark, with its stack) from an EventPipe session on this process,
/// written to a file and read back with TraceEvent. For the relay bench's <c>--allocations</c>.
/// </summary>
internal sealed class AllocationSampler : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"maillab-bench-{Environment.ProcessId}.nettrace");
    private readonly EventPipeSession _session;
    private readonly Task _copying;

    public AllocationSampler()
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        _session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(provider, requestRundown: true);
        var file = File.Create(_path);
        _copying = Task.Run(async () =>
        {
            await using (file)
            {
                await _session.EventStream.CopyToAsync(file);
            }
        });
    }

    /// <summary>Stops sampling; the <paramref name="top"/> (type, allocating method) pairs by sampled bytes, as "share  type  method".</summary>
    public IReadOnlyList<string> Stop(int top)
    {
        _session.Stop();
        _copying.Wait(TimeSpan.FromSeconds(60));
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        var etlx = TraceLog.CreateFromEventPipeDataFile(_path);
        try
        {
            using var log = new TraceLog(etlx);
            var source = log.Events.GetSource();
            source.Clr.GCAllocationTick += e =>
            {
                // The first frames of MailLab's own code above the allocation: where it comes from.
                var frames = new List<string>();
                for (var frame = e.CallStack(); frame is not null && frames.Count < 2; frame = frame.Caller)
                {
                    var name = frame.CodeAddress.FullMethodName;
                    if (name.StartsWith("MailLab.", StringComparison.Ordinal))
                    {
                        frames.Add(name.Length > 90 ? name[..90] : name);
                    }
                }

                var key = $"{e.TypeName}  {string.Join(" < ", frames)}";
                bytes[key] = bytes.GetValueOrDefault(key) + e.AllocationAmount64;
            };
            source.Process();
        }
        finally
        {
            File.Delete(etlx);
            File.Delete(_path);
        }

        var total = Math.Max(1, bytes.Values.Sum());
        return [.. bytes.OrderByDescending(b => b.Value).Take(top).Select(b => $"  {(double)b.Value / total,6:P1}  {b.Key}")];
    }

    public void Dispose() => _session.Dispose();
}
