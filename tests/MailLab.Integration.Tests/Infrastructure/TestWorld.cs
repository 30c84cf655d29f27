using System.Net;
using MailLab.Hosting;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// The default topology on a fake clock, with real TCP listeners on ephemeral loopback ports and
/// the in-memory network. Each test gets a fresh one.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{
    private TestWorld(FakeTimeProvider clock, MailWorld world, MailLabServer server)
    {
        Clock = clock;
        World = world;
        Server = server;
    }

    public FakeTimeProvider Clock { get; }

    public MailWorld World { get; }

    public MailLabServer Server { get; }

    public MailHost MailRu => World.FindHost("mail.ru")!;

    public MailHost Rosnou => World.FindHost("rosnou.ru")!;

    public static async Task<TestWorld> StartAsync(Action<MailWorld>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        var world = DefaultTopology.Create(clock, portOffsetToZero: true);
        configure?.Invoke(world);
        var server = new MailLabServer(world);
        await server.StartAsync();
        return new TestWorld(clock, world, server);
    }

    public static SmtpVirtualServer Vs(MailHost host) => host.Smtp.Find(DefaultTopology.VirtualServerName)!;

    public IPEndPoint EndPoint(MailHost host) =>
        Server.GetEndPoint(Vs(host)) ?? throw new InvalidOperationException($"{host.Name} has no SMTP listener.");

    public Task<RawSmtpClient> ConnectTcpAsync(MailHost host) => RawSmtpClient.ConnectAsync(EndPoint(host));

    public RawSmtpClient ConnectInMemory(MailHost host, IPAddress? clientAddress = null) =>
        new(Server.InMemory.Connect(Vs(host), clientAddress));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
