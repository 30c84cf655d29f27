using System.Net;
using System.Net.Sockets;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>
/// winpop set takes effect without a restart: set port moves the POP3 listener at once (a port that
/// cannot be bound keeps the old one); the logon settings apply from the next connection.
/// </summary>
public sealed class Pop3SettingsChangeTests
{
    [Fact]
    public async Task SetPort_RebindsTheListener_ClientsLogOnAtTheNewPort_TheOldOneRefuses_OpenSessionsGoOn()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var oldPort = world.Pop3EndPoint(world.Rosnou).Port;
        var newPort = Pop3TestSupport.FreePort();
        Pop3TestSupport.Seed(world.Rosnou, "student@rosnou.ru", "before the move");
        pop3.AddMailbox("petr@rosnou.ru", "Secret1");
        using var earlier = await world.ConnectPop3Async(world.Rosnou);
        await earlier.AuthenticateAsync("student", "student123");

        Winpop.Run(pop3, ["set", "port", newPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .Should().Be(new WinpopResult(0, $"port set to {newPort}.\n", ""));

        world.Pop3EndPoint(world.Rosnou).Port.Should().Be(newPort);
        Winpop.Run(pop3, ["get", "port"]).Output.Should().Be($"port: {newPort}\n");
        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
            await client.DisconnectAsync(true);
        }

        using var old = new TcpClient();
        var connect = () => old.ConnectAsync(IPAddress.Loopback, oldPort);
        await connect.Should().ThrowAsync<SocketException>("nothing listens on the old port any more");

        // The session opened before the move is not cut off: it reads, deletes and QUITs as usual.
        (await earlier.GetMessageAsync(0)).Subject.Should().Be("before the move");
        await earlier.DeleteMessageAsync(0);
        await earlier.DisconnectAsync(true);
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
    }

    [Fact]
    public async Task SetPort_ToAPortInUse_IsRefusedInOneLine_AndTheServiceStaysWhereItWas()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var before = world.Pop3EndPoint(world.Rosnou);
        var taken = world.EndPoint(world.Rosnou).Port;

        var result = Winpop.Run(pop3, ["set", "port", taken.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().StartWith($"winpop: Cannot listen on port {taken}:").And.EndWith("\n").And.NotContain("Usage");
        pop3.Port.Should().Be(0, "the configured port is kept (tests use port 0)");
        world.Pop3EndPoint(world.Rosnou).Should().Be(before);
        using var client = await world.ConnectPop3Async(world.Rosnou);
        await client.AuthenticateAsync("student", "student123");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task SetSpaRequired_AppliesToTheNextConnection_AndSettingItBackRestoresCleartextLogons()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var endPoint = world.Pop3EndPoint(world.Rosnou);

        Winpop.Run(pop3, ["set", "sparequired", "1"]).ExitCode.Should().Be(0);
        await using (var raw = await ConnectAsync(endPoint))
        {
            (await raw.SendAsync("USER student")).Should().StartWith("-ERR [AUTH]", "USER/PASS is refused outside TLS");
        }

        Winpop.Run(pop3, ["set", "sparequired", "0"]).ExitCode.Should().Be(0);
        await using (var raw = await ConnectAsync(endPoint))
        {
            (await raw.SendAsync("USER student")).Should().StartWith("+OK");
            (await raw.SendAsync("PASS student123")).Should().StartWith("+OK");
        }
    }

    private static async Task<RawPop3> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        var raw = new RawPop3(new NetworkStream(socket, ownsSocket: true));
        (await raw.ReadLineAsync()).Should().StartWith("+OK");
        return raw;
    }
}
