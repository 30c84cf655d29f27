using System.Net;
using MailLab.Integration.Tests.Admin;
using MailLab.Mail.Exchange;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>Exchange System Manager's tree and the Services console through the admin API.</summary>
public sealed class ExchangeApiTests : AdminApiTestBase
{
    private const string Server = "/api/servers/rosnou.ru/exchange";

    [Fact]
    public async Task AHostWithoutExchange_Is404()
    {
        var error = await Error(await Http.GetAsync(Server), HttpStatusCode.NotFound);

        error.Should().Be("\"rosnou.ru\" is not an Exchange server (its topology has no exchange block).");
    }

    [Fact]
    public async Task TheTree_ShowsStorageGroupsStoresAndLogFiles()
    {
        Install();

        var tree = await Json(await Http.GetAsync(Server), HttpStatusCode.OK);

        tree.GetProperty("organization").GetString().Should().Be("RosNOU");
        tree.GetProperty("server").GetString().Should().Be("ROSNOU");
        tree.GetProperty("edition").GetString().Should().Be("Standard");
        var group = tree.GetProperty("storageGroups")[0];
        group.GetProperty("name").GetString().Should().Be("First Storage Group");
        group.GetProperty("logFiles").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Should().Equal("E00.chk", "E00.log", "Res1.log", "Res2.log");
        var stores = group.GetProperty("stores").EnumerateArray().ToList();
        stores.Select(s => (s.GetProperty("name").GetString(), s.GetProperty("databaseFile").GetProperty("name").GetString(), s.GetProperty("mounted").GetBoolean()))
            .Should().Equal(("Mailbox Store (ROSNOU)", "priv1.edb", true), ("Public Folder Store (ROSNOU)", "pub1.edb", true));
    }

    [Fact]
    public async Task StoppingSystemAttendant_AsksAboutItsDependents_ThenDismountsTheStores()
    {
        Install();
        var stop = "/api/servers/rosnou.ru/exchange/services/Microsoft%20Exchange%20System%20Attendant/stop";

        var question = await Json(await Http.PostAsync(stop, null), HttpStatusCode.Conflict);
        question.GetProperty("systemError").GetInt32().Should().Be(1051);
        question.GetProperty("dependentsThatWouldStop").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().BeEquivalentTo(ExchangeServiceNames.InformationStore, ExchangeServiceNames.MtaStacks);

        var stopped = await Json(await Http.PostAsync(stop + "?stopDependents=true", null), HttpStatusCode.OK);
        stopped.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().EndWith(ExchangeServiceNames.SystemAttendant);

        var tree = await Json(await Http.GetAsync(Server), HttpStatusCode.OK);
        tree.GetProperty("storageGroups")[0].GetProperty("stores").EnumerateArray().Should().OnlyContain(s => !s.GetProperty("mounted").GetBoolean());
        var mount = await Error(await Http.PostAsync(Server + "/stores/Mailbox%20Store%20(ROSNOU)/mount", null), HttpStatusCode.Conflict);
        mount.Should().Contain("Information Store service is not running");

        await Json(await Http.PostAsync("/api/servers/rosnou.ru/exchange/services/MSExchangeIS/start", null), HttpStatusCode.OK);
        tree = await Json(await Http.GetAsync(Server), HttpStatusCode.OK);
        tree.GetProperty("storageGroups")[0].GetProperty("stores").EnumerateArray().Should().OnlyContain(s => s.GetProperty("mounted").GetBoolean());
    }

    [Fact]
    public async Task ADisabledService_DoesNotStart_UntilItsStartupTypeChanges()
    {
        Install();
        var pop3 = "/api/servers/rosnou.ru/exchange/services/POP3Svc";

        var refused = await Json(await Http.PostAsync(pop3 + "/start", null), HttpStatusCode.Conflict);
        refused.GetProperty("systemError").GetInt32().Should().Be(1058);

        await Json(await SendAsync(HttpMethod.Put, pop3 + "/startupType", new { startupType = "Manual" }), HttpStatusCode.OK);
        var started = await Json(await Http.PostAsync(pop3 + "/start", null), HttpStatusCode.OK);
        started.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "POP3Svc").GetProperty("status").GetString().Should().Be("Running");
        (await Error(await SendAsync(HttpMethod.Put, pop3 + "/startupType", "{\"startupType\": \"Sometimes\"}"), HttpStatusCode.BadRequest)).Should().Contain("startupType");
    }

    [Fact]
    public async Task DismountThenMount_ChangesTheStore()
    {
        Install();
        var store = Server + "/stores/Public%20Folder%20Store%20(ROSNOU)";

        var dismounted = await Json(await Http.PostAsync(store + "/dismount", null), HttpStatusCode.OK);
        dismounted.GetProperty("storageGroups")[0].GetProperty("stores")[1].GetProperty("mounted").GetBoolean().Should().BeFalse();
        var mounted = await Json(await Http.PostAsync(store + "/mount", null), HttpStatusCode.OK);
        mounted.GetProperty("storageGroups")[0].GetProperty("stores")[1].GetProperty("mounted").GetBoolean().Should().BeTrue();
        (await Error(await Http.PostAsync(Server + "/stores/Nothing/mount", null), HttpStatusCode.NotFound)).Should().Be("No store \"Nothing\" on ROSNOU.");
    }

    private void Install() => World.Rosnou.Exchange = ExchangeServer.Install(World.Rosnou.Name, "RosNOU");
}
