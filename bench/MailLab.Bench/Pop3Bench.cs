using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MailLab.Hosting;
using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Bench;

/// <summary>
/// POP3 over TCP: 20 clients, each connecting, logging on (USER/PASS) to its own mailbox,
/// retrieving a 1 KB message with RETR and quitting (nothing deleted), as many times as asked.
/// Prints logons + RETR per second.
/// </summary>
internal static class Pop3Bench
{
    public static async Task<int> RunAsync(int sessions, int clients)
    {
        var world = DefaultTopology.Create(TimeProvider.System, portOffsetToZero: true);
        world.Trace.RecordTranscripts = false;
        var host = world.FindHost("rosnou.ru")!;
        var body = new StringBuilder("From: ivan@mail.ru\r\nTo: someone@rosnou.ru\r\nSubject: pop3 bench\r\n\r\n");
        while (body.Length < 1024)
        {
            body.Append(new string('x', 78)).Append("\r\n");
        }

        var data = Encoding.ASCII.GetBytes(body.ToString());
        for (var c = 0; c < clients; c++)
        {
            var address = $"user{c}@rosnou.ru";
            host.Pop3.AddMailbox(address, "secret"); // a mailbox of rosnou.ru's POP3 domain, with its user (/createuser)
            var mailbox = host.Mailboxes.Find(address)!;
            host.Mailboxes.Deliver(mailbox, new StoredMessage(world.NextMessageSequence(), host.Name, "ivan@mail.ru", [address], data, world.Clock.GetUtcNow()));
        }

        await using var runtime = new MailLabServer(world);
        await runtime.StartAsync();
        var endPoint = runtime.GetPop3EndPoint(host.Pop3)!;
        var failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < sessions / clients; i++)
            {
                try
                {
                    await OneSessionAsync(endPoint, $"user{c}@rosnou.ru", data.Length);
                }
                catch (IOException e)
                {
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        clock.Stop();
        var done = sessions / clients * clients;
        Console.WriteLine($"POP3 over TCP, {clients} clients, USER/PASS + RETR of a 1 KB message + QUIT, a new connection each");
        Console.WriteLine($"{done} sessions in {clock.Elapsed.TotalSeconds:N2} s: {done / clock.Elapsed.TotalSeconds:N0} logons+RETR per second, {failures} failed{(firstFailure is null ? string.Empty : $" (the first: {firstFailure})")}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task OneSessionAsync(System.Net.IPEndPoint endPoint, string user, int size)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await Expect(reader, "+OK");
        foreach (var command in new[] { $"USER {user}", "PASS secret", "RETR 1" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await Expect(reader, "+OK");
        }

        var octets = 0;
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && line != ".")
        {
            octets += line.Length + 2;
        }

        if (octets < size)
        {
            throw new IOException($"RETR returned {octets} octets, expected at least {size}");
        }

        await stream.WriteAsync("QUIT\r\n"u8.ToArray());
        await Expect(reader, "+OK");
    }

    private static async Task Expect(StreamReader reader, string prefix)
    {
        var line = await reader.ReadLineAsync();
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new IOException($"expected {prefix}, got: {line ?? "(closed)"}");
        }
    }
}
