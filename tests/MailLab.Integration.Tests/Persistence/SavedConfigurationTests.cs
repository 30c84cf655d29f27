using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Hosting;
using MailLab.Mail.Persistence;
using MailLab.Mail.World;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>
/// Configuration changed through the real admin API of a MailLabServer with a data directory is
/// saved in DIR/topology.yaml before the answer, and a new server started from that file on the
/// same directory has all of it — with passwords kept as salted hashes only.
/// </summary>
public sealed class SavedConfigurationTests : IAsyncDisposable
{
    private const string DefaultVs = "/api/servers/rosnou.ru/smtp/Default%20SMTP%20Virtual%20Server";
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-config-{Guid.NewGuid():N}");
    private MailLabServer? _server;
    private WebApplication? _web;
    private HttpClient? _http;

    [Fact]
    public async Task ChangesMadeThroughTheApi_AreThereAfterARestart_AndTheNewMailboxsPasswordWorksOverPop3()
    {
        var http = await StartAsync(DefaultTopology.Create(new FakeTimeProvider(Start), portOffsetToZero: true));
        SavedConfiguration.ExistsIn(_dir).Should().BeFalse("nothing changed yet");

        await Expect(http.PostAsJsonAsync("/api/servers/rosnou.ru/smtp", new { name = "Second SMTP Virtual Server", ipAddress = "127.0.0.1", port = 0, homeDirectory = @"C:\Inetpub\mailroot2", defaultDomain = "second.rosnou.ru" }), HttpStatusCode.Created);
        SavedConfiguration.ExistsIn(_dir).Should().BeTrue("a change is on disk before its answer");
        await Expect(http.PostAsJsonAsync($"{DefaultVs}/domains", new { name = "students.rosnou.ru", type = "Alias" }), HttpStatusCode.Created);
        await Expect(http.PatchAsJsonAsync($"{DefaultVs}/settings", new { maxRecipientsPerMessage = 7 }), HttpStatusCode.OK);
        (await Winpop(http, "add", "petr@rosnou.ru", "/createuser", "Secret1")).Should().Be(0);
        await Expect(http.PutAsJsonAsync("/api/servers/rosnou.ru/pop3/mailboxes/petr@rosnou.ru/quota", new { limitBytes = 4096 }), HttpStatusCode.OK);
        await Expect(http.PutAsJsonAsync($"{DefaultVs}/security", new { operators = new[] { "Administrators", "petr" } }), HttpStatusCode.OK);
        await StopAsync();

        var saved = await File.ReadAllTextAsync(SavedConfiguration.PathIn(_dir));
        saved.Should().NotContain("Secret1").And.NotContain("student123").And.NotContain("password:")
            .And.Contain("- {address: petr@rosnou.ru, passwordHash: 'pbkdf2-sha256:100000:");

        http = await StartAsync(SavedConfiguration.Load(_dir, new FakeTimeProvider(Start.AddMinutes(5))));
        var rosnou = _server!.World.FindHost("rosnou.ru")!;
        var vs = rosnou.Smtp.Find("Default SMTP Virtual Server")!;
        rosnou.Smtp.Find("Second SMTP Virtual Server")!.Domains.Default.Name.Should().Be("second.rosnou.ru");
        vs.Domains.Find("students.rosnou.ru")!.Type.Should().Be(Mail.Smtp.SmtpDomainType.LocalAlias);
        vs.Limits.MaxRecipientsPerMessage.Should().Be(7);
        vs.Operators.Names.Should().Equal("Administrators", "petr@rosnou.ru");
        rosnou.Pop3.QuotaOf(rosnou.Pop3.FindMailbox("petr@rosnou.ru")!)!.LimitBytes.Should().Be(4096);

        // The operator logs on over HTTP Basic with the password the hash checks; a wrong one is 401.
        (await Expect(As(http, HttpMethod.Put, $"{DefaultVs}/security", "petr:Secret1", new { operators = new[] { "Administrators", "petr", "Users" } }), HttpStatusCode.OK))
            .GetProperty("operators").EnumerateArray().Select(e => e.GetString()).Should().Equal("Administrators", "petr@rosnou.ru", "Users");
        await Expect(As(http, HttpMethod.Put, $"{DefaultVs}/security", "petr:wrong", new { operators = new[] { "Administrators" } }), HttpStatusCode.Unauthorized);

        // An account of the starting topology, read back with only its hash: MailKit still logs on (with a cleartext mechanism).
        var mailRu = _server.World.FindHost("mail.ru")!;
        using (var smtp = await Infrastructure.MailKitClients.ConnectSmtpAsync(_server, _server.GetEndPoint(mailRu.Smtp.Find("Default SMTP Virtual Server")!)!))
        {
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            await smtp.DisconnectAsync(quit: true);
        }

        using var pop3 = new MailKit.Net.Pop3.Pop3Client { Timeout = 20_000 };
        var endPoint = _server.GetPop3EndPoint(rosnou.Pop3)!;
        await pop3.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, MailKit.Security.SecureSocketOptions.None);
        await pop3.AuthenticateAsync("petr@rosnou.ru", "Secret1");
        pop3.IsAuthenticated.Should().BeTrue();
        await pop3.DisconnectAsync(quit: true);
    }

    [Fact]
    public async Task DirectoryChangesMadeThroughTheApi_AreThereAfterARestart()
    {
        var http = await StartAsync(DefaultTopology.Create(new FakeTimeProvider(Start), portOffsetToZero: true));
        const string directory = "/api/servers/rosnou.ru/directory";

        await Expect(http.PostAsJsonAsync($"{directory}/users", new { address = "student@rosnou.ru", firstName = "Petr", lastName = "Sidorov" }), HttpStatusCode.OK);
        await Expect(http.PostAsJsonAsync($"{directory}/recipients/student/proxy-addresses", new { address = "smtp:petr.sidorov@rosnou.ru" }), HttpStatusCode.OK);
        await Expect(http.PutAsJsonAsync($"{directory}/recipients/student/settings", new { maxReceivingSizeKb = 512, pop3 = "disabled" }), HttpStatusCode.OK);
        await Expect(http.PostAsJsonAsync($"{directory}/contacts", new { name = "Ivan", alias = "ivan.mailru", externalAddress = "ivan@mail.ru" }), HttpStatusCode.Created);
        await Expect(http.PostAsJsonAsync($"{directory}/groups", new { name = "students", members = new[] { "student", "ivan.mailru" } }), HttpStatusCode.Created);
        await StopAsync();

        http = await StartAsync(SavedConfiguration.Load(_dir, new FakeTimeProvider(Start.AddMinutes(5))));
        var ad = _server!.World.Directories.For("rosnou.ru");
        var student = ad.User("student@rosnou.ru");
        student.ProxyAddresses.Select(p => p.ToString()).Should().Equal("SMTP:student@rosnou.ru", "smtp:petr.sidorov@rosnou.ru");
        (student.FirstName, student.LastName, student.Settings.MaxReceivingSizeKb, student.Settings.Pop3Enabled).Should().Be(("Petr", "Sidorov", 512L, false));
        ad.Groups.Single().Members.Should().Equal("student@rosnou.ru", "Ivan");
        (await Expect(http.GetAsync($"{directory}/recipients/ivan.mailru@rosnou.ru"), HttpStatusCode.OK)).GetProperty("externalAddress").GetString().Should().Be("ivan@mail.ru");
    }

    [Fact]
    public async Task AddressAndDnsChangesMadeThroughTheApi_AreThereAfterARestart()
    {
        var http = await StartAsync(DefaultTopology.Create(new FakeTimeProvider(Start), portOffsetToZero: true));
        await Expect(http.PutAsJsonAsync("/api/network/hosts/rosnou.ru/address", new { address = "203.0.113.20", addressing = "dhcp" }), HttpStatusCode.OK);
        await Expect(http.PutAsJsonAsync("/api/dns/records/rosnou.ru/A", new { value = "203.0.113.20" }), HttpStatusCode.OK);
        await StopAsync();

        await StartAsync(SavedConfiguration.Load(_dir, new FakeTimeProvider(Start)));
        var rosnou = _server!.World.FindHost("rosnou.ru")!;
        (rosnou.Address, rosnou.Addressing).Should().Be((IPAddress.Parse("203.0.113.20"), HostAddressing.Dhcp));
        _server.World.Dns.LookupA("rosnou.ru").Should().Equal(IPAddress.Parse("203.0.113.20"));
    }

    [Fact]
    public async Task ARefusedChange_WritesNothing()
    {
        var http = await StartAsync(DefaultTopology.Create(new FakeTimeProvider(Start), portOffsetToZero: true));

        await Expect(http.PatchAsJsonAsync($"{DefaultVs}/settings", new { maxRecipientsPerMessage = -3 }), HttpStatusCode.BadRequest);
        await Expect(http.GetAsync($"{DefaultVs}/settings"), HttpStatusCode.OK);

        SavedConfiguration.ExistsIn(_dir).Should().BeFalse();
    }

    [Fact]
    public async Task AReset_SavesTheStartingConfigurationAgain()
    {
        var http = await StartAsync(DefaultTopology.Create(new FakeTimeProvider(Start), portOffsetToZero: true));
        await Expect(http.PatchAsJsonAsync($"{DefaultVs}/settings", new { maxRecipientsPerMessage = 7 }), HttpStatusCode.OK);

        await Expect(http.PostAsync("/api/world/reset", null), HttpStatusCode.OK);
        await StopAsync();

        await StartAsync(SavedConfiguration.Load(_dir, new FakeTimeProvider(Start)));
        _server!.World.FindHost("rosnou.ru")!.Smtp.Find("Default SMTP Virtual Server")!.Limits.MaxRecipientsPerMessage.Should().Be(100, "the IIS default the world started with");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<HttpClient> StartAsync(MailWorld world)
    {
        _server = new MailLabServer(world, dataDirectory: _dir);
        await _server.StartAsync();
        _web = MailLabWebApp.Build(_server, port: 0);
        await _web.StartAsync();
        _http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(_web) };
        return _http;
    }

    private async Task StopAsync()
    {
        _http?.Dispose();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        (_http, _web, _server) = (null, null, null);
    }

    private static async Task<int> Winpop(HttpClient http, params string[] args)
    {
        var result = await Expect(http.PostAsJsonAsync("/api/servers/rosnou.ru/pop3/winpop", new { args }), HttpStatusCode.OK);
        return result.GetProperty("exitCode").GetInt32();
    }

    private static Task<HttpResponseMessage> As(HttpClient http, HttpMethod method, string url, string logon, object body) =>
        http.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(logon))) },
        });

    private static async Task<JsonElement> Expect(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
