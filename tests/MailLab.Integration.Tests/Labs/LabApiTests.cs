using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp;

namespace MailLab.Integration.Tests.Labs;

/// <summary>
/// The labs over the admin API of a running instance, beyond what <see cref="LabSolutionApiTests"/> plays for
/// every lab: a check before any start, a lab's own topology replacing the world, the Russian texts of a
/// failed task with what was expected and what is there, a solution through the page's POP3 settings; the
/// list and the refusals. A check changes nothing: the trace and the clock are where they were.
/// </summary>
public sealed class LabApiTests : ApiTestBase
{
    [Fact]
    public async Task Lab25_StartsItsOwnTopology_FailsInRussian_AndPassesAfterThePop3Settings()
    {
        (await Http.PostAsync("/api/labs/25-pop3-authentication-method/check", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        World.Server.World.FindHost("rosnou.ru")!.Pop3.Domains.Should().NotBeEmpty("the default topology has rosnou.ru's POP3 domain");
        await StartAsync("25-pop3-authentication-method");
        World.Server.World.FindHost("rosnou.ru")!.Pop3.Domains.Should().BeEmpty("the lab's topology has no POP3 domain yet");

        var failing = await ReportAsync("25-pop3-authentication-method", "ru");
        failing.GetProperty("language").GetString().Should().Be("ru");
        failing.GetProperty("passed").GetBoolean().Should().BeFalse();
        var first = failing.GetProperty("tasks")[0];
        first.GetProperty("text").GetString().Should().StartWith("Выберите для службы POP3 на rosnou.ru метод проверки подлинности");
        first.GetProperty("message").GetString().Should().Be("У службы POP3 на rosnou.ru authentication = local");
        first.GetProperty("expected").GetString().Should().Be("passwordFile");
        first.GetProperty("actual").GetString().Should().Be("local");

        var patch = await Http.PatchAsJsonAsync("/api/servers/rosnou.ru/pop3/settings", new { authentication = "passwordFile", requireSpa = true });
        patch.StatusCode.Should().Be(HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());

        (await CheckAsync("25-pop3-authentication-method")).Should().Equal(("password-file", true), ("require-spa", true));
    }

    [Fact]
    public async Task Checking_ChangesNothing_NeitherTheTraceNorTheClock()
    {
        var mailRu = World.Server.World.FindHost("mail.ru")!;
        await MailKitClients.SubmitAsIvanAsync(World.Server, World.Server.GetEndPoint(mailRu.Smtp.VirtualServers[0])!, "student@rosnou.ru", "Before the check");
        await World.Server.World.Work.WhenIdleAsync();
        var events = World.Server.World.Trace.Views.LastSequence();
        var now = World.Server.World.Clock.GetUtcNow();
        var messages = World.Server.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Count;

        await CheckAsync("10-virtual-server-states");
        await CheckAsync("11-smtp-service-states");

        World.Server.World.Trace.Views.LastSequence().Should().Be(events);
        World.Server.World.Clock.GetUtcNow().Should().Be(now);
        World.Server.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Messages.Count.Should().Be(messages);
        World.Server.World.FindHost("rosnou.ru")!.Smtp.VirtualServers[0].State.Should().Be(VirtualServerState.Running);
    }

    [Fact]
    public async Task TheList_TheInstructions_AndTheRefusals()
    {
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/labs?lang=ru");
        var labs = list.GetProperty("labs").EnumerateArray().ToArray();
        labs.Select(l => l.GetProperty("id").GetString()).Should().Contain(["10-virtual-server-states", "11-smtp-service-states", "25-pop3-authentication-method"]);
        labs.First(l => l.GetProperty("id").GetString() == "10-virtual-server-states").GetProperty("title").GetString().Should().Be("Состояния виртуального сервера SMTP");
        list.GetProperty("problems").GetArrayLength().Should().Be(0);

        var lab = await Http.GetFromJsonAsync<JsonElement>("/api/labs/25-pop3-authentication-method?lang=en");
        lab.GetProperty("instructions").GetString().Should().StartWith("# The POP3 service's authentication method");
        lab.GetProperty("tasks")[1].GetProperty("check").GetString().Should().Be("on \"rosnou.ru\" the POP3 service's \"requireSpa\" is \"true\"");

        (await Http.GetAsync("/api/labs/99-nothing")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.PostAsync("/api/labs/99-nothing/check", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var badLanguage = await Http.GetAsync("/api/labs?lang=de");
        badLanguage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badLanguage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be("lang \"de\" is not a language of the labs: use ru or en.");
    }

    [Fact]
    public async Task Starting_NeedsAnAdministrator()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/labs/11-smtp-service-states/start");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ivan@mail.ru:wrong")));
        (await Http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var asIvan = new HttpRequestMessage(HttpMethod.Post, "/api/labs/11-smtp-service-states/start");
        asIvan.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ivan@mail.ru:ivan123")));
        var refused = await Http.SendAsync(asIvan);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()
            .Should().Be("ivan@mail.ru may not start the lab 11-smtp-service-states (it resets the whole world) on mail.ru: only members of Administrators may.");
        World.Server.World.Should().BeSameAs(World.World, "nothing was reset");
    }

    private async Task StartAsync(string id)
    {
        var response = await Http.PostAsync($"/api/labs/{id}/start", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ReportAsync(string id, string lang = "en")
    {
        var response = await Http.PostAsync($"/api/labs/{id}/check?lang={lang}", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(string Id, bool Passed)[]> CheckAsync(string id) =>
        (await ReportAsync(id)).GetProperty("tasks").EnumerateArray()
            .Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("passed").GetBoolean())).ToArray();
}
