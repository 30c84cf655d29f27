using System.Net;
using MailLab.Integration.Tests.Admin;
using MailLab.Mail.Exchange;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>Active Directory Users and Computers with the Exchange tabs through the admin API, on rosnou.ru made an Exchange server.</summary>
public sealed class DirectoryApiTests : AdminApiTestBase
{
    private const string Directory = "/api/servers/rosnou.ru/directory";

    [Fact]
    public async Task AUserGetsThePolicysAddresses_AndAnAddedProxyReceivesMail()
    {
        Install();
        var user = await Json(await SendAsync(HttpMethod.Post, Directory + "/users", new { address = "student@rosnou.ru", firstName = "Petr", lastName = "Sidorov" }), HttpStatusCode.OK);
        user.GetProperty("primaryAddress").GetString().Should().Be("student@rosnou.ru");

        var added = await Json(await SendAsync(HttpMethod.Post, Directory + "/recipients/student/proxy-addresses", new { address = "smtp:p.sidorov@rosnou.ru" }), HttpStatusCode.OK);
        added.GetProperty("proxyAddresses").EnumerateArray().Select(p => p.GetString()).Should().Equal("SMTP:student@rosnou.ru", "smtp:p.sidorov@rosnou.ru");
        await SendAsIvanAsync("p.sidorov@rosnou.ru", "to the new proxy");
        await World.World.Work.WhenIdleAsync();

        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("to the new proxy");
        var primary = await Json(await Http.PostAsync(Directory + "/recipients/student@rosnou.ru/proxy-addresses/p.sidorov@rosnou.ru/primary", null), HttpStatusCode.OK);
        primary.GetProperty("primaryAddress").GetString().Should().Be("p.sidorov@rosnou.ru");
        (await Error(await Http.DeleteAsync(Directory + "/recipients/student/proxy-addresses/p.sidorov@rosnou.ru"), HttpStatusCode.BadRequest)).Should().Contain("primary SMTP address");
    }

    [Fact]
    public async Task AGroupWithAContact_ExpandsOnDelivery()
    {
        Install();
        await Json(await SendAsync(HttpMethod.Post, Directory + "/contacts", new { name = "Ivan (mail.ru)", alias = "ivan.mailru", externalAddress = "ivan@mail.ru" }), HttpStatusCode.Created);
        await Json(await SendAsync(HttpMethod.Post, Directory + "/groups", new { name = "students", members = new[] { "student@rosnou.ru" } }), HttpStatusCode.Created);
        var group = await Json(await SendAsync(HttpMethod.Post, Directory + "/groups/students/members", new { member = "ivan.mailru" }), HttpStatusCode.OK);
        group.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Should().Equal("student@rosnou.ru", "Ivan (mail.ru)");

        await SendAsIvanAsync("students@rosnou.ru", "to the group");
        await World.World.Work.WhenIdleAsync();

        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle();
        World.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("to the group");
        (await Error(await SendAsync(HttpMethod.Post, Directory + "/groups/students/members", new { member = "nobody" }), HttpStatusCode.BadRequest))
            .Should().Be("There is no user, contact or group \"nobody\" in the directory rosnou.ru.");
        await Json(await Http.DeleteAsync(Directory + "/groups/students/members/ivan.mailru"), HttpStatusCode.OK);
        (await Json(await Http.GetAsync(Directory + "/groups"), HttpStatusCode.OK))[0].GetProperty("members").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Settings_AreReadAndChangedByName_AndEnforcedOnDelivery()
    {
        Install();
        var settings = Directory + "/recipients/student@rosnou.ru/settings";
        var before = await Json(await Http.GetAsync(settings), HttpStatusCode.OK);
        before.GetProperty("pop3").GetString().Should().Be("enabled");
        before.GetProperty("maxReceivingSizeKb").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var after = await Json(await SendAsync(HttpMethod.Put, settings, new { rejectMessagesFrom = "ivan@mail.ru", pop3 = "disabled" }), HttpStatusCode.OK);
        after.GetProperty("rejectMessagesFrom").EnumerateArray().Select(e => e.GetString()).Should().Equal("ivan@mail.ru");
        after.GetProperty("pop3").GetString().Should().Be("disabled");
        await SendAsIvanAsync("student@rosnou.ru", "rejected");
        await World.World.Work.WhenIdleAsync();

        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().BeEmpty();
        World.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().StartWith("Delivery Status Notification");
        (await Error(await SendAsync(HttpMethod.Put, settings, new { maxSize = "1" }), HttpStatusCode.BadRequest)).Should().Contain("Unknown setting \"maxSize\"").And.Contain("maxReceivingSizeKb");
        (await Error(await SendAsync(HttpMethod.Put, settings, new { deliverToBoth = true }), HttpStatusCode.BadRequest)).Should().Be("deliverToBoth needs a forwardingAddress.");
    }

    [Fact]
    public async Task EstablishEmailAddresses_SendsTheUsersMailToItsExternalAddress()
    {
        Install();
        var user = await Json(await SendAsync(HttpMethod.Post, Directory + "/recipients/student/email-address", new { externalAddress = "ivan@mail.ru" }), HttpStatusCode.OK);
        user.GetProperty("externalAddress").GetString().Should().Be("ivan@mail.ru");

        await SendAsIvanAsync("student@rosnou.ru", "for the external address");
        await World.World.Work.WhenIdleAsync();

        World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().BeEmpty();
        World.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("for the external address");
        (await Error(await Http.GetAsync(Directory + "/recipients/nobody"), HttpStatusCode.NotFound)).Should().Contain("nobody");
        (await Error(await Http.GetAsync("/api/servers/nowhere.ru/directory"), HttpStatusCode.NotFound)).Should().Contain("nowhere.ru");
    }

    private void Install() => World.Rosnou.Exchange = ExchangeServer.Install(World.Rosnou.Name, "RosNOU");
}
