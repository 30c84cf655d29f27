using System.Diagnostics;
using System.Globalization;
using MailLab.Hosting;
using MailLab.Mail.World;

namespace MailLab.Bench;

/// <summary>
/// Resident memory per stored byte: the default world with its TCP listeners in this process, a
/// load of <c>--messages</c> messages of <c>--size</c> octets of body sent over real TCP on loopback
/// (the bench's own smtp-source-like client, <c>-d -s 20</c>: 20 sessions that each keep their
/// connection) into student@rosnou.ru's mailbox, then a full blocking, compacting collection; it
/// prints the resident set size (VmRSS) at start and after, the stored bytes and
/// (RSS after - RSS at start) / stored bytes, and what the managed heap holds.
/// </summary>
internal static class MemoryBench
{
    private const string Recipient = "student@rosnou.ru";
    private const double Mb = 1024 * 1024;

    // The warm-up's share of the measured count, and its most: enough to go round the trace's
    // stage ring and past its summaries' capacity (100,000 stage events, 20,000 messages), so
    // those paths are compiled and tiered up before the measurement too.
    private const int WarmUpShare = 5;
    private const int MaxWarmUpMessages = 30_000;

    public static async Task<int> RunAsync(int messages, int size, int sessions, bool reuse, double limit, bool census = false)
    {
        var work = new SmtpWorkload(size, recipient: Recipient);

        // The code paths run first (JIT and its tiers, pools) in a world of their own, as in a server
        // that has answered its first clients; the measured world starts empty after it.
        var warmUpMessages = Math.Clamp(messages / WarmUpShare, 200, MaxWarmUpMessages);
        var (compiledInWarmUp, warmWorld) = await WarmUpAsync(work, warmUpMessages, size, sessions, reuse);

        // The warm-up's disposal can finish on a thread that then runs this method on inline, above
        // the disposal's frames, whose locals keep the disposed world reachable: go on from a fresh
        // stack so that the world is collected before the start is measured.
        await Task.Yield();

        await using var started = await StartAsync();
        var (server, vs, mailbox) = started;
        var world = server.World;
        var endPoint = server.GetEndPoint(vs)!;
        FullCollection(GCCollectionMode.Aggressive);
        var warmCollected = !warmWorld.IsAlive;
        var rssStart = ResidentBytes();
        var compiledAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        var heapStart = GC.GetTotalMemory(false);
        var committedStart = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
        var statusStart = Status();
        var mapsStart = Mappings();
        Console.WriteLine($"memory: {messages:N0} messages of {size:N0} octets of body over TCP to {endPoint} ({sessions} sessions, {(reuse ? "connection reused (-d)" : "a connection per message")}), server GC {System.Runtime.GCSettings.IsServerGC}, conserve memory {AppContext.GetData("GCConserveMemory") ?? "0"}");

        var failures = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var sent = await MacroBench.RunClientsAsync(
            new Shape("memory", Transport.Tcp, sessions, messages, size, ReuseConnection: reuse),
            work,
            () => MacroBench.ConnectTcpAsync(endPoint, CancellationToken.None),
            e =>
            {
                if (Interlocked.Increment(ref failures) == 1)
                {
                    firstError = $"{e.GetType().Name}: {e.Message}";
                }
            },
            CancellationToken.None);
        await world.Work.WhenIdleAsync();
        clock.Stop();
        var compiledInRun = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledAtStart;
        var peak = PeakResidentBytes();

        FullCollection(GCCollectionMode.Forced);
        var rssForced = ResidentBytes();
        var committedForced = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
        FullCollection(GCCollectionMode.Aggressive);
        var rssAfter = ResidentBytes();
        var statusAfter = Status();
        var mapsAfter = Mappings();
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var heapAfter = GC.GetTotalMemory(false);
        var (count, storedBytes) = StoredBytes(mailbox);
        var growth = rssAfter - rssStart;
        var ratio = storedBytes == 0 ? double.PositiveInfinity : (double)growth / storedBytes;
        IReadOnlyList<string> types = census ? HeapCensus.Take(top: 30) : [];

        // A census of the heap: what goes when the mailbox's messages go is the store; the rest of
        // the growth is the trace and whatever else the load left.
        RemoveEvery(mailbox);
        FullCollection(GCCollectionMode.Aggressive);
        var heapWithoutStore = GC.GetTotalMemory(false);
        var rssWithoutStore = ResidentBytes();
        GC.KeepAlive(world);

        Console.WriteLine($"warm-up: {warmUpMessages:N0} messages in a world {(warmCollected ? "collected" : "STILL ALIVE")} before the start; the JIT compiled {compiledInWarmUp:N0} methods during it, {compiledInRun:N0} during the measured run");
        Console.WriteLine($"sent {sent:N0} in {clock.Elapsed.TotalSeconds:F1} s ({sent / clock.Elapsed.TotalSeconds:N0} msg/s), stored {count:N0}{(failures == 0 ? string.Empty : $", {failures} errors, first: {firstError}")}");
        Console.WriteLine($"RSS at start        {rssStart / Mb,9:F1} MB");
        Console.WriteLine($"RSS after (full GC) {rssAfter / Mb,9:F1} MB   (an aggressive full GC; after a forced one {rssForced / Mb:F1} MB with {committedForced / Mb:F1} MB committed; peak {peak / Mb:F1} MB)");
        Console.WriteLine($"stored bytes        {storedBytes / Mb,9:F1} MB   ({(double)storedBytes / Math.Max(1, count):F0} octets per message)");
        Console.WriteLine($"RSS growth / stored {ratio,9:F3}      (limit {limit.ToString("F2", CultureInfo.InvariantCulture)})");
        // Issue 12's figure: the growth against what the limit allows for these stored bytes.
        Console.WriteLine($"issue 12's limit    RSS growth {growth / Mb:F1} MB against {limit.ToString("F2", CultureInfo.InvariantCulture)} x {storedBytes / Mb:F1} MB = {limit * storedBytes / Mb:F1} MB allowed: {(growth <= limit * storedBytes ? "within it" : $"{(growth - (limit * storedBytes)) / Mb:F1} MB over")}; {(double)growth / Math.Max(1, count):F0} resident octets per message of {(double)storedBytes / Math.Max(1, count):F0}");
        Console.WriteLine();
        Console.WriteLine("managed heap after the full GC:");
        Console.WriteLine($"  heap size {info.HeapSizeBytes / Mb:F1} MB, fragmented {info.FragmentedBytes / Mb:F1} MB, committed {info.TotalCommittedBytes / Mb:F1} MB; by generation (size after): {string.Join(", ", info.GenerationInfo.ToArray().Select((g, i) => $"{(i < 3 ? $"gen{i}" : i == 3 ? "LOH" : "POH")} {g.SizeAfterBytes / Mb:F1}"))} MB");
        Console.WriteLine($"  growth {(heapAfter - heapStart) / Mb:F1} MB = {(double)(heapAfter - heapStart) / Math.Max(1, count):F0} octets per message; the store's messages {(heapAfter - heapWithoutStore) / Mb:F1} MB ({(double)(heapAfter - heapWithoutStore - storedBytes) / Math.Max(1, count):F0} octets per message beyond their bytes); the rest (trace and others) {(heapWithoutStore - heapStart) / Mb:F1} MB");
        var kept = world.Trace.Snapshot();
        var stages = kept.Where(e => !Mail.Tracing.TraceLog.IsProtocol(e.Kind)).ToList();
        Console.WriteLine($"  trace: {world.Trace.Summaries().Count:N0} summaries, {kept.Count:N0} events kept ({stages.Count:N0} stage events, their texts {(double)stages.Sum(e => System.Text.Encoding.UTF8.GetByteCount(e.Text)) / Math.Max(1, stages.Count):F1} octets of UTF-8 on average); RSS without the store's messages {rssWithoutStore / Mb:F1} MB");
        foreach (var e in census ? stages.GroupBy(e => e.Kind).Select(g => g.First()) : [])
        {
            // With the census: one stage event of each kind, as the ring keeps it.
            Console.WriteLine($"    {e.Kind} {e.Host} session {e.SessionId} trace {e.TraceId} message {e.MessageId} peer {e.Peer} rcpts {e.Recipients?.Count}: {e.Text}");
        }

        Console.WriteLine($"  outside the managed heap (RSS - committed): at start {(rssStart - committedStart) / Mb:F1} MB, after {(rssAfter - info.TotalCommittedBytes) / Mb:F1} MB");
        Console.WriteLine($"  process at start: {statusStart}; after: {statusAfter} (MB)");
        Console.WriteLine($"  resident growth by mapping (/proc/self/smaps): {GrowthOutsideHeap(mapsStart, mapsAfter)}");
        foreach (var line in types)
        {
            Console.WriteLine(line);
        }

        var ok = failures == 0 && count == messages && ratio <= limit && warmCollected;
        Console.WriteLine(ok ? "RESULT: ok" : $"RESULT: FAIL{(count == messages ? string.Empty : $" (stored {count} of {messages})")}{(ratio <= limit ? string.Empty : $" (ratio {ratio:F3} > {limit:F2})")}{(warmCollected ? string.Empty : " (the warm-up's world was still alive at the start: the growth is not the measured world's)")}");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// The warm-up in a world of its own, disposed at the end; a method of its own, so that no
    /// frame of the caller's keeps that world reachable. Returns how many methods the JIT compiled.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<(long Compiled, WeakReference World)> WarmUpAsync(SmtpWorkload work, int messages, int size, int sessions, bool reuse)
    {
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        WeakReference world;
        await using (var warm = await StartAsync())
        {
            world = new WeakReference(warm.Server.World);
            var endPoint = warm.Server.GetEndPoint(warm.Vs)!;
            await MacroBench.RunClientsAsync(new Shape("warm-up", Transport.Tcp, sessions, messages, size, ReuseConnection: reuse), work, () => MacroBench.ConnectTcpAsync(endPoint, CancellationToken.None), e => throw e, CancellationToken.None);
            await warm.Server.World.Work.WhenIdleAsync();
        }

        return (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled, world);
    }

    /// <summary>
    /// The INBOX's message count and bytes. Not inlined: the snapshot of the messages lives in this
    /// frame only, not in a stack slot of the caller's that would keep every message alive through
    /// the census after the expunge.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (int Count, long Bytes) StoredBytes(Mail.Stores.Mailbox mailbox)
    {
        var stored = mailbox.Messages;
        return (stored.Count, stored.Sum(m => (long)m.Data.Length));
    }

    /// <summary>
    /// One expunge of every UID, as a POP3 QUIT applies its DELEs (removing the messages one by one
    /// would scan the folder once per message). Not inlined, for the same reason as <see cref="StoredBytes"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RemoveEvery(Mail.Stores.Mailbox mailbox) =>
        mailbox.Remove(mailbox.Inbox, mailbox.Inbox.Messages.Select(m => m.Uid).ToArray());

    private static async Task<Started> StartAsync()
    {
        var world = DefaultTopology.Create(TimeProvider.System, portOffsetToZero: true);
        var rosnou = world.FindHost("rosnou.ru")!;
        var server = new MailLabServer(world, listenOnTcp: true);
        await server.StartAsync();
        return new Started(server, rosnou.Smtp.VirtualServers[0], rosnou.Mailboxes.Find(Recipient)!);
    }

    /// <summary>The resident set's parts (anonymous memory, mapped files) in MB, from /proc/self/status.</summary>
    private static string Status() =>
        string.Join(", ", new[] { "RssAnon:", "RssFile:", "VmData:" }.Select(f => $"{f} {StatusKilobytes(f) / Mb:F1}"));

    private sealed record Started(MailLabServer Server, Mail.Smtp.SmtpVirtualServer Vs, Mail.Stores.Mailbox Mailbox) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    /// <summary>
    /// A full, blocking, compacting collection (the large object heap too), finalizers run. Forced
    /// keeps the regions it emptied committed for later allocations; Aggressive also gives them back
    /// to the operating system, so the resident set is then the live heap and what is outside it.
    /// </summary>
    private static void FullCollection(GCCollectionMode mode)
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, mode, blocking: true, compacting: true);
    }

    /// <summary>Each mapping's address range, resident kilobytes and file name, from /proc/self/smaps (empty off Linux).</summary>
    private static List<Mapping> Mappings()
    {
        var mappings = new List<Mapping>();
        if (!File.Exists("/proc/self/smaps"))
        {
            return mappings;
        }

        (long Start, long End, string Name)? range = null;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                var bounds = fields[0].Split('-');
                range = (Convert.ToInt64(bounds[0], 16), Convert.ToInt64(bounds[1], 16), fields.Length > 5 ? Path.GetFileName(fields[5]) : "anonymous");
            }
            else if (range is { } r && fields.Length > 1 && fields[0] == "Rss:")
            {
                mappings.Add(new Mapping(r.Start, r.End, long.Parse(fields[1], CultureInfo.InvariantCulture), r.Name));
            }
        }

        return mappings;
    }

    /// <summary>
    /// Where the resident set grew outside the managed heap's reservation: the runs of adjacent
    /// anonymous mappings around objects of the small, large and pinned object heaps are the heap
    /// (the GC reserves one range and commits regions in it); the growth there, then the mappings
    /// outside it that grew most.
    /// </summary>
    private static string GrowthOutsideHeap(List<Mapping> before, List<Mapping> after)
    {
        var ordered = after.OrderBy(m => m.Start).ToList();
        var heap = new List<(long Start, long End)>();
        foreach (var array in new[] { new byte[16], new byte[100_000], GC.AllocateArray<byte>(16, pinned: true) })
        {
            var handle = System.Runtime.InteropServices.GCHandle.Alloc(array, System.Runtime.InteropServices.GCHandleType.Pinned);
            var address = (long)handle.AddrOfPinnedObject();
            handle.Free();
            var at = ordered.FindIndex(m => m.Start <= address && address < m.End);
            if (at < 0)
            {
                continue;
            }

            var (low, high) = (at, at);
            while (low > 0 && ordered[low - 1].End == ordered[low].Start && ordered[low - 1].Name == "anonymous")
            {
                low--;
            }

            while (high < ordered.Count - 1 && ordered[high + 1].Start == ordered[high].End && ordered[high + 1].Name == "anonymous")
            {
                high++;
            }

            heap.Add((ordered[low].Start, ordered[high].End));
        }

        bool InHeap(Mapping m) => heap.Any(h => m.Start >= h.Start && m.End <= h.End);
        var heapGrowth = after.Where(InHeap).Sum(m => m.RssKb) - before.Where(InHeap).Sum(m => m.RssKb);
        var outside = after.Where(m => !InHeap(m))
            .Select(m => (Mapping: m, Growth: m.RssKb - before.Where(b => b.Start == m.Start).Sum(b => b.RssKb)))
            .Where(m => m.Growth != 0)
            .OrderByDescending(m => Math.Abs(m.Growth))
            .ToList();
        return $"in the heap's reservation {heapGrowth / 1024.0:+0.0;-0.0} MB; outside it {outside.Sum(m => m.Growth) / 1024.0:+0.0;-0.0} MB, largest: "
            + string.Join("; ", outside.Take(8).Select(m => $"{m.Mapping.Name} {m.Mapping.Start:x} ({(m.Mapping.End - m.Mapping.Start) / 1048576.0:F1} MB mapped) {m.Growth / 1024.0:+0.0;-0.0}"));
    }

    private sealed record Mapping(long Start, long End, long RssKb, string Name);

    private static long ResidentBytes() => StatusKilobytes("VmRSS:") ?? Environment.WorkingSet;

    private static long PeakResidentBytes() => StatusKilobytes("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>A line of /proc/self/status in kB, as bytes (null off Linux).</summary>
    private static long? StatusKilobytes(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
