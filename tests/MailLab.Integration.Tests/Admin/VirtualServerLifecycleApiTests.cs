using System.Net;
using System.Net.Sockets;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Admin;

/// <summary>The New SMTP Virtual Server wizard and Delete over the API, checked on the wire.</summary>
public sealed class VirtualServerLifecycleApiTests : AdminApiTestBase
{
    private static object Wizard(string name = "Second SMTP Virtual Server", int port = 0, string defaultDomain = "second.rosnou.ru") =>
        new { name, ipAddress = "127.0.0.1", port, homeDirectory = @"C:\Inetpub\mailroot2", defaultDomain };

    [Fact]
    public async Task Create_ListensAtOnce_AndAcceptsMailForItsDefaultDomain_WithMailKit()
    {
        var created = await Json(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard()), HttpStatusCode.Created);
        created.GetProperty("name").GetString().Should().Be("Second SMTP Virtual Server");
        created.GetProperty("state").GetString().Should().Be("Running");
        created.GetProperty("homeDirectory").GetString().Should().Be(@"C:\Inetpub\mailroot2");
        created.GetProperty("defaultDomain").GetString().Should().Be("second.rosnou.ru");
        var endPoint = IPEndPoint.Parse(created.GetProperty("endpoint").GetString()!);
        endPoint.Port.Should().NotBe(0).And.NotBe(World.EndPoint(World.Rosnou).Port);

        using (var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, endPoint))
        {
            await smtp.SendAsync(Message("ivan@mail.ru", "anyone@second.rosnou.ru", "to the new virtual server", "hello"));
            await smtp.DisconnectAsync(true);
        }

        await World.World.Work.WhenIdleAsync();
        var drop = await Json(await Http.GetAsync("/api/servers/rosnou.ru/smtp/Second%20SMTP%20Virtual%20Server/folders/Drop"), HttpStatusCode.OK);
        drop.EnumerateArray().Select(f => f.GetProperty("message").GetProperty("subject").GetString()).Should().Equal("to the new virtual server");

        var server = await Json(await Http.GetAsync("/api/servers/rosnou.ru"), HttpStatusCode.OK);
        server.GetProperty("listeners").EnumerateArray().Where(l => l.GetProperty("protocol").GetString() == "smtp").Select(l => l.GetProperty("virtualServer").GetString())
            .Should().Equal("Default SMTP Virtual Server", "Second SMTP Virtual Server");
    }

    [Fact]
    public async Task Delete_ClosesTheListener_ConnectionsAreRefused_AndItIsGone()
    {
        var created = await Json(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard()), HttpStatusCode.Created);
        var endPoint = IPEndPoint.Parse(created.GetProperty("endpoint").GetString()!);
        await using (var open = await RawSmtpClient.ConnectAsync(endPoint))
        {
            (await open.ReadReplyAsync()).Should().StartWith("220");
        }

        (await SendAsync(HttpMethod.Delete, "/api/servers/rosnou.ru/smtp/Second%20SMTP%20Virtual%20Server")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var connect = () => RawSmtpClient.ConnectAsync(endPoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        (await Http.GetAsync("/api/servers/rosnou.ru/smtp/Second%20SMTP%20Virtual%20Server/settings")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, "/api/servers/rosnou.ru/smtp/Second%20SMTP%20Virtual%20Server")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The name is free again.
        (await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard())).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_TakenNameOrIpAndPort_Is409()
    {
        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard(name: "default smtp virtual server")), HttpStatusCode.Conflict))
            .Should().Be("A virtual server named \"default smtp virtual server\" already exists on rosnou.ru.");

        await Json(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard(name: "Fixed", port: FreePort())), HttpStatusCode.Created);
        var fixedPort = (await Json(await Http.GetAsync("/api/servers/rosnou.ru"), HttpStatusCode.OK))
            .GetProperty("smtp").GetProperty("virtualServers")[1].GetProperty("port").GetInt32();
        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard(name: "Clash", port: fixedPort)), HttpStatusCode.Conflict))
            .Should().Be($"127.0.0.1:{fixedPort} is already used by another virtual server on rosnou.ru.");

        // A port held by something else on this machine (here mail.ru's listener) is a conflict too, and leaves nothing behind.
        var mailRuPort = World.EndPoint(World.MailRu).Port;
        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", Wizard(name: "Busy", port: mailRuPort)), HttpStatusCode.Conflict))
            .Should().Be($"port {mailRuPort} is already in use on this machine by another program.");
        World.Rosnou.Smtp.Find("Busy").Should().BeNull();
    }

    [Theory]
    [InlineData("""{"ipAddress": "127.0.0.1", "port": 0, "homeDirectory": "C:\\m", "defaultDomain": "a.example"}""", "name is required: the virtual server's name, e.g. Second SMTP Virtual Server.")]
    [InlineData("""{"name": "N", "ipAddress": "127.0.0.300", "port": 0, "homeDirectory": "C:\\m", "defaultDomain": "a.example"}""", "ipAddress \"127.0.0.300\" is not an IP address such as 127.0.0.1.")]
    [InlineData("""{"name": "N", "homeDirectory": "C:\\m", "defaultDomain": "a.example"}""", "port is required: the TCP port to listen on (0: any free port).")]
    [InlineData("""{"name": "N", "port": 70000, "homeDirectory": "C:\\m", "defaultDomain": "a.example"}""", "port 70000 is not a TCP port: use 0 to 65535.")]
    [InlineData("""{"name": "N", "port": "twenty", "homeDirectory": "C:\\m", "defaultDomain": "a.example"}""", "port has the wrong type or is malformed.")]
    [InlineData("""{"name": "N", "port": 0, "defaultDomain": "a.example"}""", "homeDirectory is required, e.g. C:\\Inetpub\\mailroot2.")]
    [InlineData("""{"name": "N", "port": 0, "homeDirectory": "C:\\m", "defaultDomain": "not a domain"}""", "defaultDomain \"not a domain\" is not a domain name such as second.rosnou.ru.")]
    [InlineData("""not json""", "The request body is not valid JSON.")]
    public async Task Create_BadInput_Is400NamingTheField(string body, string error) =>
        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", body), HttpStatusCode.BadRequest)).Should().Be(error);

    [Fact]
    public async Task Create_OnAnUnknownServer_Is404() =>
        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/yandex.ru/smtp", Wizard()), HttpStatusCode.NotFound)).Should().Be("No server \"yandex.ru\".");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
