using System.Diagnostics;
using System.Net;
using System.Text;
using MailLab.Hosting;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp.Client;

namespace MailLab.Bench;

/// <summary>
/// End-to-end deliveries per second through a chain of servers over the in-memory network: the
/// client submits to the first server, each server relays to the next (smart host), the last one
/// stores the message in student@rosnou.ru's mailbox. One hop is local delivery only; two hops is
/// the default topology's mail.ru → rosnou.ru. The difference between rows is the cost of a hop.
/// </summary>
internal static class RelayBench
{
    private const string Recipient = "student@rosnou.ru";

    /// <summary>Messages the submitting client sends on one connection (`--per-connection N`, with `--direct`).</summary>
    public static int PerConnection { get; set; } = 1;

    /// <summary>Sample allocations by type during each row (`--allocations`) and print the largest after it.</summary>
    public static bool SampleAllocations { get; set; }

    /// <param name="direct">
    /// Submit with the sans-I/O client run against the first server in process (one loop per core),
    /// instead of a client over the in-memory network's pipes (<paramref name="sessions"/> tasks).
    /// </param>
    public static async Task<int> RunAsync(int messages, int sessions, bool transcripts, bool direct, IReadOnlyList<int> chains)
    {
        var how = direct ? $"submitted in process by {Environment.ProcessorCount} loops" : $"submitted over in-memory pipes by {sessions} client tasks";
        Console.WriteLine($"end-to-end in-memory deliveries, {messages} messages of 1 KB, {how}, transcripts {(transcripts ? "on" : "off")}");
        Console.WriteLine($"{"hops",4} {"seconds",8} {"msg/s",9} {"us/msg",8} {"us/extra hop",13} {"cpu us/msg",11} {"KB alloc/msg",13} {"GC pause",9} {"GCs 0/1/2",12} {"delivered",10}");
        // Untimed: a 4-hop chain JIT-compiles the relay path (tiered compilation), so the first timed
        // multi-hop row does not pay for it.
        await RunChainAsync(4, messages / 2, direct ? Environment.ProcessorCount : sessions, transcripts, direct);
        double? previous = null;
        var ok = true;
        foreach (var hops in chains)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            using var sampler = SampleAllocations ? new AllocationSampler() : null;
            var (elapsed, delivered) = await RunChainAsync(hops, messages, direct ? Environment.ProcessorCount : sessions, transcripts, direct);
            var sampled = sampler?.Stop(top: 25) ?? [];
            // CPU time per message (all threads): steadier than wall time on a busy machine.
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / messages;
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / messages;
            var perMessage = elapsed.TotalMicroseconds / messages;
            // Share of the wall time during which the GC had every thread stopped.
            var paused = (GC.GetTotalPauseDuration() - pausedBefore) / elapsed;
            var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
            var extra = previous is { } p ? $"{perMessage - p,13:N1}" : $"{"-",13}";
            Console.WriteLine($"{hops,4} {elapsed.TotalSeconds,8:N2} {messages / elapsed.TotalSeconds,9:N0} {perMessage,8:N1} {extra} {cpu,11:N1} {allocated,13:N1} {paused,9:P0} {collections,12} {delivered,10}{(delivered == messages ? string.Empty : "  FAIL")}");
            foreach (var line in sampled)
            {
                Console.WriteLine(line);
            }

            ok &= delivered == messages;
            previous = perMessage;
        }

        return ok ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, int Delivered)> RunChainAsync(int hops, int messages, int sessions, bool transcripts, bool direct)
    {
        var world = new MailWorld(TimeProvider.System);
        world.Trace.RecordTranscripts = transcripts;
        var last = AddServer(world, "rosnou.ru", 10);
        last.Host.AddAccount(Recipient, "student123");
        var next = last;
        for (var i = hops - 1; i >= 1; i--)
        {
            var relay = AddServer(world, i == 1 ? "mail.ru" : $"relay{i}.example", 10 + i);
            relay.Domains.Add("rosnou.ru", SmtpDomainType.Remote).AllowRelay = true;
            var smartHost = next.Host.Name;
            relay.Configure(s => s with { Delivery = s.Delivery with { SmartHost = smartHost } });
            next = relay;
        }

        await using var runtime = new MailLabServer(world, listenOnTcp: false);
        await runtime.StartAsync();
        var first = next;
        var body = Message();
        var mailbox = last.Host.Mailboxes.Find(Recipient)!;
        var clock = Stopwatch.StartNew();
        var perTask = messages / sessions;
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(t => Task.Run(async () =>
        {
            var count = t == sessions - 1 ? messages - (perTask * (sessions - 1)) : perTask;
            for (var i = 0; i < count; i++)
            {
                if (direct)
                {
                    var batch = Math.Min(PerConnection, count - i);
                    await SendDirectAsync(first, body, batch);
                    i += batch - 1;

                    // Back to the end of the thread pool's queue: the relays this message started
                    // run before the next submission, instead of waiting for the pool to grow.
                    await Task.Yield();
                    continue;
                }

                await using var stream = runtime.InMemory.Connect(first);
                await SendAsync(stream, body);
            }
        })));
        await world.Work.WhenIdleAsync();
        clock.Stop();
        return (clock.Elapsed, mailbox.Count);
    }

    private static SmtpVirtualServer AddServer(MailWorld world, string name, int octet)
    {
        var host = world.AddHost(name);
        host.Address = IPAddress.Parse($"192.0.2.{octet}");
        world.Dns.AddA(name, host.Address);
        world.Dns.AddMx(name, 10, name);
        var vs = host.Smtp.AddVirtualServer("Default SMTP Virtual Server", IPAddress.Loopback, 0, @"C:\Inetpub\mailroot", name);
        vs.Configure(s => s with { Access = s.Access with { Relay = s.Access.Relay.With(AccessRule.Parse("127.0.0.1")) } });
        return vs;
    }

    private static byte[] Message()
    {
        var text = new StringBuilder("From: ivan@mail.ru\r\nTo: student@rosnou.ru\r\nSubject: bench\r\n\r\n");
        while (text.Length < 1024)
        {
            text.Append(new string('x', 78)).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task SendDirectAsync(SmtpVirtualServer first, byte[] body, int count)
    {
        var transactions = Enumerable.Range(0, count).Select(_ => new SmtpClientTransaction("ivan@mail.ru", [Recipient], body)).ToArray();
        using var client = new SmtpClientSession("bench.test", transactions);
        await InProcessSmtpWire.RunAsync(first, new IPEndPoint(IPAddress.Loopback, 50000), tlsAvailable: false, client);
        foreach (var result in client.Results)
        {
            if (result.ConnectionError is { } error || !result.RecipientReplies[Recipient].IsPositive)
            {
                throw new IOException($"submission failed: {result.ConnectionError ?? result.RecipientReplies[Recipient]}");
            }
        }
    }

    /// <summary>One transaction, one command at a time, checking each reply's code.</summary>
    private static async Task SendAsync(Stream stream, byte[] body)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        await Expect(reader, "220");
        foreach (var (command, code) in new[] { ("EHLO bench.test", "250"), ("MAIL FROM:<ivan@mail.ru>", "250"), ($"RCPT TO:<{Recipient}>", "250"), ("DATA", "354") })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await Expect(reader, code);
        }

        await stream.WriteAsync(body);
        await stream.WriteAsync("\r\n.\r\nQUIT\r\n"u8.ToArray());
        await Expect(reader, "250");
        await Expect(reader, "221");
    }

    private static async Task Expect(StreamReader reader, string code)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync() ?? throw new IOException($"connection closed, expected {code}");
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"expected {code}, got: {line}");
            }

            if (line.Length < 4 || line[3] != '-')
            {
                return;
            }
        }
    }
}
