using System.Net;
using MailLab.Integration.Tests.Admin;
using MailLab.Integration.Tests.Pop3;
using MailLab.Mail.Exchange;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>A store's Mailboxes and Logons nodes, Move Mailbox, and the Limits tab through the admin API.</summary>
public sealed class ExchangeMailboxApiTests : AdminApiTestBase
{
    private const string Server = "/api/servers/rosnou.ru/exchange";
    private const string Store = Server + "/stores/Mailbox%20Store%20(ROSNOU)";

    [Fact]
    public async Task TheMailboxesNode_ShowsSizeItemsAndLastLogon()
    {
        var exchange = Install();
        await SendAsIvanAsync("student@rosnou.ru", "Counted");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var rows = await Json(await Http.GetAsync(Store + "/mailboxes"), HttpStatusCode.OK);

        var student = rows.EnumerateArray().Single(r => r.GetProperty("address").GetString() == "student@rosnou.ru");
        student.GetProperty("displayName").GetString().Should().Be("student");
        student.GetProperty("totalItems").GetInt32().Should().Be(1);
        student.GetProperty("sizeKb").GetInt64().Should().BeGreaterThan(0);
        student.GetProperty("store").GetString().Should().Be("Mailbox Store (ROSNOU)");
        student.GetProperty("lastLogonTime").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var store = (await Json(await Http.GetAsync(Server), HttpStatusCode.OK)).GetProperty("storageGroups")[0].GetProperty("stores")[0];
        store.GetProperty("mailboxCount").GetInt32().Should().Be(World.Rosnou.Accounts.All.Count);
        store.GetProperty("totalItems").GetInt32().Should().Be(1);
        store.GetProperty("streamingFile").GetProperty("bytes").GetInt64().Should().BeGreaterThan(Mail.Exchange.ExchangeStore.EmptyDatabaseBytes, "the .stm grew with the message");
        exchange.Services.SetStartupType(ExchangeServiceNames.Pop3, Mail.Services.ServiceStartupType.Automatic);
        exchange.Services.Start(ExchangeServiceNames.Pop3);

        using (var pop3 = await World.ConnectPop3Async(World.Rosnou))
        {
            await pop3.AuthenticateAsync("student@rosnou.ru", "student123");
            var logons = await Json(await Http.GetAsync(Store + "/logons"), HttpStatusCode.OK);
            logons.EnumerateArray().Should().ContainSingle().Which.GetProperty("protocol").GetString().Should().Be("POP3");
            logons[0].GetProperty("user").GetString().Should().Be("student@rosnou.ru");
            logons[0].GetProperty("clientAddress").GetString().Should().Be("127.0.0.1");
            await pop3.DisconnectAsync(true);
        }

        await Pop3TestSupport.WaitUnlockedAsync(World.Rosnou, "student@rosnou.ru");
        rows = await Json(await Http.GetAsync(Store + "/mailboxes"), HttpStatusCode.OK);
        rows.EnumerateArray().Single(r => r.GetProperty("address").GetString() == "student@rosnou.ru").GetProperty("lastLogonTime").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);
        (await Json(await Http.GetAsync(Store + "/logons"), HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task MoveMailbox_ToAStoreOfAnotherServer_Or_AnUnknownOne_IsRefused_AndToTheSameStoreIs409()
    {
        Install();

        (await Error(await SendAsync(HttpMethod.Post, Server + "/mailboxes/student@rosnou.ru/move", new { store = "Nowhere" }), HttpStatusCode.NotFound)).Should().Be("No store \"Nowhere\" on ROSNOU.");
        (await Error(await SendAsync(HttpMethod.Post, Server + "/mailboxes/student@rosnou.ru/move", new { store = "Public Folder Store (ROSNOU)" }), HttpStatusCode.Conflict)).Should().Contain("is not a mailbox store");
        (await Error(await SendAsync(HttpMethod.Post, Server + "/mailboxes/student@rosnou.ru/move", new { store = "Mailbox Store (ROSNOU)" }), HttpStatusCode.Conflict)).Should().Contain("already on");
        (await Error(await SendAsync(HttpMethod.Post, Server + "/mailboxes/student@rosnou.ru/move", new { }), HttpStatusCode.BadRequest)).Should().Contain("store is required");
    }

    [Fact]
    public async Task TheLimitsTab_IsReadAndChanged_AllOrNothing()
    {
        Install();

        var limits = await Json(await Http.GetAsync(Store + "/limits"), HttpStatusCode.OK);
        limits.GetProperty("keepDeletedItemsDays").GetInt64().Should().Be(7);
        limits.GetProperty("keepDeletedMailboxesDays").GetInt64().Should().Be(30);
        limits.GetProperty("prohibitSendAndReceiveKb").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var changed = await Json(await SendAsync(HttpMethod.Put, Store + "/limits", new { issueWarningKb = 90000, prohibitSendAndReceiveKb = 120000 }), HttpStatusCode.OK);
        changed.GetProperty("prohibitSendAndReceiveKb").GetInt64().Should().Be(120000);

        (await Error(await SendAsync(HttpMethod.Put, Store + "/limits", new { issueWarningKb = 1, prohibitSend = 2 }), HttpStatusCode.BadRequest)).Should().Contain("prohibitSendKb");
        (await Json(await Http.GetAsync(Store + "/limits"), HttpStatusCode.OK)).GetProperty("issueWarningKb").GetInt64().Should().Be(90000, "a refused change changes nothing");
        (await Error(await SendAsync(HttpMethod.Put, Store + "/limits", new { keepDeletedItemsDays = -1 }), HttpStatusCode.BadRequest)).Should().Contain("keepDeletedItemsDays");
    }

    [Fact]
    public async Task TheMaintenanceInterval_IsMidnightTo4ByDefault_ChangedThroughTheStoresTable_AndShownOnTheStore()
    {
        Install();

        (await Json(await Http.GetAsync(Store + "/limits"), HttpStatusCode.OK)).GetProperty("maintenanceInterval").GetString().Should().Be("00:00-04:00");
        var changed = await Json(await SendAsync(HttpMethod.Put, Store + "/limits", new { maintenanceInterval = "23:00-03:00" }), HttpStatusCode.OK);
        changed.GetProperty("maintenanceInterval").GetString().Should().Be("23:00-03:00");
        var store = (await Json(await Http.GetAsync(Server), HttpStatusCode.OK)).GetProperty("storageGroups")[0].GetProperty("stores")[0];
        store.GetProperty("maintenanceInterval").GetString().Should().Be("23:00-03:00");

        (await Error(await SendAsync(HttpMethod.Put, Store + "/limits", new { maintenanceInterval = "01:10-05:00" }), HttpStatusCode.BadRequest)).Should().Contain("maintenanceInterval").And.Contain("HH:MM-HH:MM");
        (await Error(await SendAsync(HttpMethod.Put, Store + "/limits", new { maintenanceInterval = "02:00-02:00" }), HttpStatusCode.BadRequest)).Should().Contain("maintenanceInterval");
        (await Json(await SendAsync(HttpMethod.Put, Store + "/limits", new { maintenanceInterval = "never" }), HttpStatusCode.OK)).GetProperty("maintenanceInterval").GetString().Should().Be("never");
    }

    [Fact]
    public async Task AUsersStorageLimits_AreReadAndChanged()
    {
        Install();
        var url = Server + "/mailboxes/student@rosnou.ru/limits";

        (await Json(await Http.GetAsync(url), HttpStatusCode.OK)).GetProperty("useStoreDefaults").GetBoolean().Should().BeTrue();
        var changed = await Json(await SendAsync(HttpMethod.Put, url, new { useStoreDefaults = false, prohibitSendAndReceiveKb = 50 }), HttpStatusCode.OK);

        changed.GetProperty("useStoreDefaults").GetBoolean().Should().BeFalse();
        changed.GetProperty("prohibitSendAndReceiveKb").GetInt64().Should().Be(50);
        (await Error(await Http.GetAsync(Server + "/mailboxes/nobody@rosnou.ru/limits"), HttpStatusCode.NotFound)).Should().Be("nobody@rosnou.ru has no mailbox on ROSNOU.");
    }

    [Fact]
    public async Task TheQueue_NamesTheLocalDeliveryQueue_AndWhyTheMessageWaits()
    {
        var exchange = Install();
        exchange.Dismount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        await SendAsIvanAsync("student@rosnou.ru", "Waiting");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var queue = await Json(await Http.GetAsync("/api/servers/rosnou.ru/queue"), HttpStatusCode.OK);

        var entry = queue.EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("queue").GetString().Should().Be("rosnou.ru (Local Delivery)");
        entry.GetProperty("state").GetString().Should().Be("Retry");
        entry.GetProperty("lastErrors").GetProperty("student@rosnou.ru").GetString().Should().Contain("The store \"Mailbox Store (ROSNOU)\" is dismounted");
    }

    [Fact]
    public async Task DeleteMailbox_BouncesLaterMailWith511_KeepsItDisconnected_AndCreateMailboxGivesANewOne()
    {
        var exchange = Install();
        await SendAsIvanAsync("student@rosnou.ru", "Before");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var deleted = await Json(await SendAsync(HttpMethod.Delete, Server + "/mailboxes/student@rosnou.ru"), HttpStatusCode.OK);
        deleted.GetProperty("store").GetString().Should().Be("Mailbox Store (ROSNOU)");
        (deleted.GetProperty("purgeAfter").GetDateTimeOffset() - deleted.GetProperty("deleted").GetDateTimeOffset()).Should().Be(TimeSpan.FromDays(30));
        await SendAsIvanAsync("student@rosnou.ru", "After");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var ndr = World.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle(m => m.Sender.Length == 0).Subject;
        System.Text.Encoding.ASCII.GetString(ndr.Data).Should().Contain("Status: 5.1.1").And.Contain("The e-mail account does not exist at the organization");
        var disconnected = await Json(await Http.GetAsync(Store + "/deleted-mailboxes"), HttpStatusCode.OK);
        disconnected.EnumerateArray().Should().ContainSingle().Which.GetProperty("totalItems").GetInt32().Should().Be(1);
        (await Json(await Http.GetAsync(Store + "/mailboxes"), HttpStatusCode.OK)).EnumerateArray().Select(m => m.GetProperty("address").GetString()).Should().NotContain("student@rosnou.ru");
        (await Error(await SendAsync(HttpMethod.Delete, Server + "/mailboxes/student@rosnou.ru"), HttpStatusCode.NotFound)).Should().Be("student@rosnou.ru has no mailbox on ROSNOU.");

        var created = await SendAsync(HttpMethod.Post, Server + "/mailboxes", new { address = "student@rosnou.ru", store = "Mailbox Store (ROSNOU)" });
        (await Json(created, HttpStatusCode.Created)).GetProperty("totalItems").GetInt32().Should().Be(0, "a new mailbox, not the disconnected one");
        exchange.StoreOf("student@rosnou.ru")!.Name.Should().Be("Mailbox Store (ROSNOU)");
        (await Json(await SendAsync(HttpMethod.Post, Store + "/deleted-mailboxes/student@rosnou.ru/purge"), HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
        (await Error(await SendAsync(HttpMethod.Post, Store + "/deleted-mailboxes/student@rosnou.ru/purge"), HttpStatusCode.Conflict)).Should().Contain("no disconnected mailbox");
    }

    [Fact]
    public async Task Reconnect_GivesTheUserTheDisconnectedMailboxWithItsMessages_AndRefusesAsExchangeDoes()
    {
        var exchange = Install();
        World.Rosnou.AddAccount("teacher@rosnou.ru", "teacher123");
        exchange.CreateMailbox("teacher@rosnou.ru", exchange.FindStore("Mailbox Store (ROSNOU)")!);
        await SendAsIvanAsync("student@rosnou.ru", "Before the delete");
        await World.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await SendAsync(HttpMethod.Delete, Server + "/mailboxes/student@rosnou.ru");
        var reconnect = Store + "/deleted-mailboxes/student@rosnou.ru/reconnect";

        (await Error(await SendAsync(HttpMethod.Post, reconnect, new { user = "nobody@rosnou.ru" }), HttpStatusCode.NotFound)).Should().StartWith("There is no user nobody@rosnou.ru");
        (await Error(await SendAsync(HttpMethod.Post, Server + "/stores/Nowhere/deleted-mailboxes/student@rosnou.ru/reconnect", new { }), HttpStatusCode.NotFound)).Should().Be("No store \"Nowhere\" on ROSNOU.");
        (await Error(await SendAsync(HttpMethod.Post, reconnect, new { user = "teacher@rosnou.ru" }), HttpStatusCode.Conflict)).Should().Contain("teacher@rosnou.ru already has a mailbox");
        (await Error(await SendAsync(HttpMethod.Post, reconnect, new { user = 5 }), HttpStatusCode.BadRequest)).Should().Be("user has the wrong type or is malformed.");
        exchange.Dismount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        (await Error(await SendAsync(HttpMethod.Post, reconnect, new { }), HttpStatusCode.Conflict)).Should().Be("The mailbox cannot be reconnected: The store \"Mailbox Store (ROSNOU)\" is dismounted.");
        exchange.Mount(exchange.FindStore("Mailbox Store (ROSNOU)")!);

        var back = await Json(await Http.PostAsync(reconnect, content: null), HttpStatusCode.OK);
        back.GetProperty("address").GetString().Should().Be("student@rosnou.ru");
        back.GetProperty("totalItems").GetInt32().Should().Be(1, "the messages came back with the mailbox");
        (await Json(await Http.GetAsync(Store + "/deleted-mailboxes"), HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
        (await Error(await SendAsync(HttpMethod.Post, reconnect, new { }), HttpStatusCode.Conflict)).Should().Be("There is no disconnected mailbox student@rosnou.ru on \"Mailbox Store (ROSNOU)\".");
        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("Before the delete");
    }

    [Fact]
    public async Task CreateMailbox_RefusesAnUnknownStoreOrUser_AnExistingMailbox_AndATakenAlias_ButTakesADismountedStore()
    {
        var exchange = Install();
        var url = Server + "/mailboxes";

        (await Error(await SendAsync(HttpMethod.Post, url, new { address = "student@rosnou.ru", store = "Nowhere" }), HttpStatusCode.NotFound)).Should().Be("No store \"Nowhere\" on ROSNOU.");
        (await Error(await SendAsync(HttpMethod.Post, url, new { address = "nobody@rosnou.ru", store = "Mailbox Store (ROSNOU)" }), HttpStatusCode.NotFound)).Should().Contain("There is no user nobody@rosnou.ru");
        (await Error(await SendAsync(HttpMethod.Post, url, new { address = "student@rosnou.ru", store = "Mailbox Store (ROSNOU)" }), HttpStatusCode.Conflict)).Should().Be("student@rosnou.ru already has a mailbox on \"Mailbox Store (ROSNOU)\".");
        (await Error(await SendAsync(HttpMethod.Post, url, new { address = "student@rosnou.ru" }), HttpStatusCode.BadRequest)).Should().Contain("address and store are required");

        World.Rosnou.AddAccount("petrov@rosnou.ru", "petrov123");
        (await Error(await SendAsync(HttpMethod.Post, url, new { address = "petrov@rosnou.ru", store = "Mailbox Store (ROSNOU)", alias = "student" }), HttpStatusCode.Conflict)).Should().StartWith("The alias \"student\" is already used by");
        exchange.Dismount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        var made = await Json(await SendAsync(HttpMethod.Post, url, new { address = "petrov@rosnou.ru", store = "Mailbox Store (ROSNOU)", alias = "petr" }), HttpStatusCode.Created);

        made.GetProperty("store").GetString().Should().Be("Mailbox Store (ROSNOU)");
        (await Json(await Http.GetAsync("/api/servers/rosnou.ru/directory/recipients/petr"), HttpStatusCode.OK)).GetProperty("account").GetString().Should().Be("petrov@rosnou.ru");
    }

    [Fact]
    public async Task ExchangeAdvanced_IsChangedThroughTheUsersSettings_AndMailboxRightsAreReadOnly()
    {
        Install();
        var settings = "/api/servers/rosnou.ru/directory/recipients/student/settings";

        var changed = await Json(await SendAsync(HttpMethod.Put, settings, new { simpleDisplayName = "Student", hideFromAddressLists = true, customAttribute2 = "Group 101" }), HttpStatusCode.OK);

        (changed.GetProperty("simpleDisplayName").GetString(), changed.GetProperty("hideFromAddressLists").GetBoolean(), changed.GetProperty("customAttribute2").GetString())
            .Should().Be(("Student", true, "Group 101"));
        changed.GetProperty("customAttribute1").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await Error(await SendAsync(HttpMethod.Put, settings, new { customAttribute2 = "x", simpleDisplayName = "Студент" }), HttpStatusCode.BadRequest)).Should().Contain("ASCII");
        (await Json(await Http.GetAsync(settings), HttpStatusCode.OK)).GetProperty("customAttribute2").GetString().Should().Be("Group 101", "all or nothing");

        var rights = await Json(await Http.GetAsync(Server + "/mailboxes/student@rosnou.ru/rights"), HttpStatusCode.OK);
        var self = rights.EnumerateArray().First();
        self.GetProperty("trustee").GetString().Should().Be("SELF");
        self.GetProperty("allow").EnumerateArray().Select(a => a.GetString()).Should().Contain("Full mailbox access");
        rights.EnumerateArray().Skip(1).Should().OnlyContain(r => r.GetProperty("deny").EnumerateArray().Any(d => d.GetString() == "Full mailbox access"));
        (await Error(await Http.GetAsync(Server + "/mailboxes/nobody@rosnou.ru/rights"), HttpStatusCode.NotFound)).Should().Contain("has no mailbox");
    }

    /// <summary>The default world's rosnou.ru as an Exchange server with its accounts' mailboxes on setup's store.</summary>
    private ExchangeServer Install()
    {
        var exchange = ExchangeServer.Install(World.Rosnou.Name, "RosNOU");
        World.Rosnou.Exchange = exchange;
        foreach (var account in World.Rosnou.Accounts.All)
        {
            exchange.CreateMailbox(account.Address, exchange.FindStore(exchange.DefaultMailboxStoreName)!);
        }

        return exchange;
    }
}
