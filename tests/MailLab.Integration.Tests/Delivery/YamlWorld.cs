using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Mail.Smtp;
using MailLab.Mail.Topology;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A world loaded from topology YAML on a fake clock, served in memory (and over TCP on port 0
/// when asked). Mail is submitted with MailKit over the in-memory network.
/// </summary>
internal sealed class YamlWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Real time allowed for the world to settle: a loop or a hang fails the test instead of blocking it.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    private YamlWorld(FakeTimeProvider clock, MailWorld world, MailLabServer server)
    {
        Clock = clock;
        World = world;
        Server = server;
    }

    public FakeTimeProvider Clock { get; }

    public MailWorld World { get; }

    public MailLabServer Server { get; }

    public static async Task<YamlWorld> StartAsync(string yaml, bool listenOnTcp = false)
    {
        var clock = new FakeTimeProvider(Epoch);
        var world = TopologyLoader.LoadText(yaml, "test.yaml", clock, portsToZero: true);
        var server = new MailLabServer(world, listenOnTcp);
        await server.StartAsync();
        return new YamlWorld(clock, world, server);
    }

    public MailHost Host(string name) => World.FindHost(name) ?? throw new InvalidOperationException($"No host {name}.");

    public SmtpVirtualServer Vs(string host) => Host(host).Smtp.VirtualServers[0];

    public IPEndPoint TcpEndPoint(string host) =>
        Server.GetEndPoint(Vs(host)) ?? throw new InvalidOperationException($"{host} has no TCP listener.");

    /// <summary>
    /// Submits one message with MailKit over the in-memory network; returns the id the server gave
    /// it, which is the trace id that follows the message across hops.
    /// </summary>
    public async Task<string> SendAsync(string host, string from, IReadOnlyList<string> to, string subject, string? user = null, string? password = null)
    {
        var stream = Server.InMemory.Connect(Vs(host), IPAddress.Loopback);
        using var client = new SmtpClient { Timeout = 20_000 };
        await client.ConnectAsync(stream, host, 25, SecureSocketOptions.None);
        if (user is not null)
        {
            await client.AuthenticateAsync(user, password ?? string.Empty);
        }

        var message = new MimeMessage();
        message.From.Add(from.Length == 0 ? new MailboxAddress("Mail Delivery Subsystem", $"postmaster@{host}") : MailboxAddress.Parse(from));
        message.To.AddRange(to.Select(t => MailboxAddress.Parse(t)));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Hello from the delivery tests." };
        var sender = from.Length == 0 ? new MailboxAddress(string.Empty, string.Empty) : MailboxAddress.Parse(from);
        var response = await client.SendAsync(message, sender, to.Select(t => MailboxAddress.Parse(t)));
        await client.DisconnectAsync(true);

        // "<ML0000000A@mail.ru> Queued mail for delivery"
        var start = response.IndexOf('<', StringComparison.Ordinal) + 1;
        return response[start..response.IndexOf('@', start)];
    }

    /// <summary>Submits as Ivan (authenticated, so mail.ru relays for him).</summary>
    public Task<string> SendAsIvanAsync(string subject, params string[] to) =>
        SendAsync("mail.ru", "ivan@mail.ru", to, subject, "ivan@mail.ru", "ivan123");

    /// <summary>Waits for deliveries and retries in flight, within a real-time limit.</summary>
    public Task IdleAsync() => World.Work.WhenIdleAsync().WaitAsync(SettleLimit);

    /// <summary>Moves the virtual clock in <paramref name="step"/>s, letting each step's work finish.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        await IdleAsync();
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            Clock.Advance(step);
            await IdleAsync();
        }
    }

    /// <summary>The delivery stages of a trace as "host Kind", protocol lines left out.</summary>
    public string[] Stages(string traceId) => StageEvents(traceId).Select(e => $"{e.Host} {e.Kind}").ToArray();

    /// <summary>The delivery stages of a trace as "host Kind: text".</summary>
    public string[] StageTexts(string traceId) => StageEvents(traceId).Select(e => $"{e.Host} {e.Kind}: {e.Text}").ToArray();

    public IReadOnlyList<TraceEvent> StageEvents(string traceId) =>
        World.Trace.ForTrace(traceId).Where(e => e.Kind is not (TraceKind.ClientLine or TraceKind.ServerReply or TraceKind.ClientData
            or TraceKind.ConnectionOpened or TraceKind.ConnectionClosed)).ToArray();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
