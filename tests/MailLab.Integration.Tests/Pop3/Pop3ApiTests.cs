using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>The POP3 part of the admin API: quotas, the directory, and winpop set port over HTTP.</summary>
public sealed class Pop3ApiTests : ApiTestBase
{
    [Fact]
    public async Task PutQuota_CreatesTheQuotaFile_GetShowsIt_AndSmtpEnforcesIt()
    {
        var put = await Http.PutAsJsonAsync("/api/servers/rosnou.ru/pop3/mailboxes/student@rosnou.ru/quota", new { limitBytes = 1 });
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetRawText().Should().Be("""{"owner":"student","limitBytes":1,"usedBytes":0}""");

        var service = await Http.GetFromJsonAsync<JsonElement>("/api/servers/rosnou.ru/pop3");
        var mailbox = service.GetProperty("domains")[0].GetProperty("mailboxes")[0];
        mailbox.GetProperty("quota").GetProperty("limitBytes").GetInt64().Should().Be(1);
        service.GetProperty("directory").GetProperty("name").GetString().Should().Be("rosnou.ru");
        service.GetProperty("defaultQuotaBytes").GetInt64().Should().Be(10L * 1024 * 1024);

        await Pop3TestSupport.SendDirectAsync(World, "student@rosnou.ru", "fills one byte and more");
        var refused = () => Pop3TestSupport.SendDirectAsync(World, "student@rosnou.ru", "refused");
        (await refused.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ExceededStorageAllocation);
    }

    [Fact]
    public async Task PutQuota_Refusals_AreOneLine400s_AndUnknownServer404()
    {
        var unknown = await Http.PutAsJsonAsync("/api/servers/rosnou.ru/pop3/mailboxes/nobody@rosnou.ru/quota", new { limitBytes = 10 });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("The mailbox nobody@rosnou.ru does not exist.");

        var zero = await Http.PutAsJsonAsync("/api/servers/rosnou.ru/pop3/default-quota", new { limitBytes = 0 });
        zero.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await zero.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("A quota limit is at least 1 byte.");

        (await Http.PutAsJsonAsync("/api/servers/yandex.ru/pop3/default-quota", new { limitBytes = 5 })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.PutAsJsonAsync("/api/servers/rosnou.ru/pop3/default-quota", new { limitBytes = 5 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Winpop("createquotafile", "student@rosnou.ru")).GetProperty("output").GetString()
            .Should().Be("Created the quota file of student@rosnou.ru for user student: limit 5 bytes, 0 used.\n");
    }

    [Fact]
    public async Task WinpopSetPort_OverHttp_MovesTheListenerThatGetReports()
    {
        var port = Pop3TestSupport.FreePort();

        (await Winpop("set", "port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))).GetProperty("exitCode").GetInt32().Should().Be(0);

        var service = await Http.GetFromJsonAsync<JsonElement>("/api/servers/rosnou.ru/pop3");
        service.GetProperty("endPoint").GetString().Should().Be($"127.0.0.1:{port}");
        using var client = await World.ConnectPop3Async(World.Rosnou);
        await client.AuthenticateAsync("student", "student123");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Servers_ListEachHostsPop3Listener_AndItsPop3ServiceHasTheDefaultDomainAndMailbox()
    {
        var servers = await Http.GetFromJsonAsync<JsonElement>("/api/servers");
        foreach (var (host, mailbox) in new[] { (World.MailRu, "ivan@mail.ru"), (World.Rosnou, "student@rosnou.ru") })
        {
            var server = servers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == host.Name);
            server.GetProperty("listeners").EnumerateArray().Should().ContainSingle(l => l.GetProperty("protocol").GetString() == "pop3")
                .Which.GetProperty("endpoint").GetString().Should().Be(World.Pop3EndPoint(host).ToString());

            var service = await Http.GetFromJsonAsync<JsonElement>($"/api/servers/{host.Name}/pop3");
            var domain = service.GetProperty("domains").EnumerateArray().Should().ContainSingle().Subject;
            domain.GetProperty("name").GetString().Should().Be(host.Name);
            domain.GetProperty("mailboxes").EnumerateArray().Select(m => m.GetProperty("address").GetString()).Should().Equal(mailbox);
        }
    }

    [Theory]
    [InlineData("a/b@rosnou.ru", "A mailbox name cannot contain / \\ : * ? \" < > | or control characters.")]
    [InlineData("../x@rosnou.ru", "A mailbox name cannot contain / \\ : * ? \" < > | or control characters.")]
    [InlineData("/etc@rosnou.ru", "A mailbox name cannot contain / \\ : * ? \" < > | or control characters.")]
    [InlineData("evil\r\nname@rosnou.ru", "A mailbox name cannot contain / \\ : * ? \" < > | or control characters.")]
    [InlineData("..@rosnou.ru", "A mailbox name cannot consist only of dots or spaces.")]
    [InlineData("abcdefghijklmnopqrstu@rosnou.ru", "A mailbox name has 1 to 20 characters with this authentication method.")]
    public async Task AddMailbox_WithANameWindowsRefuses_Is400WithWinpopsReason_AndWinpopRefusesItToo(string address, string reason)
    {
        var post = await Http.PostAsJsonAsync("/api/servers/rosnou.ru/pop3/mailboxes", new { address, password = "Secret1" });
        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be(reason);

        var winpop = await Winpop("add", address, "/createuser", "Secret1");
        winpop.GetProperty("exitCode").GetInt32().Should().Be(1);
        winpop.GetProperty("error").GetString().Should().Be($"winpop: {reason}\n");
        World.Rosnou.Pop3.MailboxesOf(World.Rosnou.Pop3.FindDomain("rosnou.ru")!).Select(m => m.Address).Should().Equal("student@rosnou.ru");
        World.Rosnou.Accounts.All.Should().ContainSingle("no user was created either");
    }

    [Fact]
    public async Task AddMailbox_OverTheApi_CreatesItWithItsUser_ThatLogsOnOverPop3()
    {
        var post = await Http.PostAsJsonAsync("/api/servers/rosnou.ru/pop3/mailboxes", new { address = "a_b@rosnou.ru", password = "Secret1" });
        post.StatusCode.Should().Be(HttpStatusCode.OK);
        (await post.Content.ReadFromJsonAsync<JsonElement>()).GetRawText().Should().Be("""{"address":"a_b@rosnou.ru","locked":false,"messages":0,"bytes":0,"quota":null}""");

        using var client = await World.ConnectPop3Async(World.Rosnou);
        await client.AuthenticateAsync("a_b@rosnou.ru", "Secret1");
        await client.DisconnectAsync(true);
    }

    private async Task<JsonElement> Winpop(params string[] args)
    {
        var response = await Http.PostAsJsonAsync("/api/servers/rosnou.ru/pop3/winpop", new { args });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
