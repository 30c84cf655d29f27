using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Web.Tests.Infrastructure;

namespace MailLab.Web.Tests;

/// <summary><c>POST /api/scenarios/run</c> over HTTP: a passing feature with each step's events, a failing expectation, and bad text.</summary>
public sealed class ScenarioApiTests : IAsyncLifetime
{
    /// <summary>The canonical send (issue 2): Ivan's message relayed from mail.ru to rosnou.ru, then the mailbox checked.</summary>
    public const string CanonicalFeature = """
        Feature: Canonical send

          Scenario: Ivan's message reaches rosnou.ru
            Given the default topology
            When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Hello from Ivan"
            Then the mailbox "student@rosnou.ru" contains a message with subject "Hello from Ivan"

          Scenario: A wrong count
            When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Only one"
            Then the mailbox "student@rosnou.ru" contains 2 messages
            And the queue of "mail.ru" holds 0 messages
        """;

    private SimulatedWebApp _web = null!;

    public async Task InitializeAsync() => _web = await SimulatedWebApp.StartAsync(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task PassingScenario_ReportsEachStepWithItsTraceEvents_IncludingTheRelayToRosnou()
    {
        var run = await RunAsync(CanonicalFeature);

        run.GetProperty("feature").GetString().Should().Be("Canonical send");
        var scenario = run.GetProperty("scenarios")[0];
        scenario.GetProperty("name").GetString().Should().Be("Ivan's message reaches rosnou.ru");
        scenario.GetProperty("status").GetString().Should().Be("passed");
        scenario.GetProperty("passed").GetBoolean().Should().BeTrue();
        var steps = scenario.GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => $"{s.GetProperty("keyword").GetString()} {s.GetProperty("status").GetString()}").Should().Equal("Given passed", "When passed", "Then passed");

        var send = steps[1].GetProperty("events").EnumerateArray().ToArray();
        send.Should().Contain(e => e.GetProperty("kind").GetString() == "Relayed" && e.GetProperty("host").GetString() == "mail.ru"
            && e.GetProperty("peer").GetString() != null && e.GetProperty("sessionId").GetInt64() > 0);
        send.Should().Contain(e => e.GetProperty("kind").GetString() == "DeliveredToMailbox" && e.GetProperty("host").GetString() == "rosnou.ru");
        send.Should().Contain(e => e.GetProperty("kind").GetString() == "ClientLine" && e.GetProperty("text").GetString()!.StartsWith("MAIL FROM:<ivan@mail.ru>"));
        send.Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder();
        // Each step reports only what it produced: the check reads the mailbox, it sends nothing.
        steps[2].GetProperty("events").EnumerateArray().Should().NotContain(e => e.GetProperty("kind").GetString() == "Relayed");
        steps[2].GetProperty("time").GetDateTimeOffset().Should().BeOnOrAfter(steps[1].GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task FailingExpectation_FailsItsStepWithTheMessage_AndSkipsTheRest_InAFreshWorld()
    {
        var scenario = (await RunAsync(CanonicalFeature)).GetProperty("scenarios")[1];

        scenario.GetProperty("status").GetString().Should().Be("failed");
        scenario.GetProperty("passed").GetBoolean().Should().BeFalse();
        var steps = scenario.GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => s.GetProperty("status").GetString()).Should().Equal("passed", "failed", "skipped");
        steps[1].GetProperty("error").GetString().Should().Contain("student@rosnou.ru");
        steps[1].GetProperty("expected").GetString().Should().Contain("2");
        // A fresh world: the first scenario's message is not in this one's mailbox.
        steps[1].GetProperty("actual").GetString().Should().Contain("1");
        steps[2].GetProperty("events").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task BadFeatureText_Is400WithTheParsersLineAndColumn()
    {
        using var response = await PostAsync("Feature: Broken\n  Scenario: One\n    Given the default topology\n  this line is no step\n");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        error.Should().StartWith("scenario.feature:4:");
    }

    /// <summary>A teacher's scenario showing what winpop stat prints, and a scenario not written yet (no steps).</summary>
    public const string WinpopStatFeature = """
        Feature: Showing winpop stat
          Scenario: The teacher shows a domain's statistics
            When the administrator runs "winpop add lab.example"
            And the administrator runs "winpop add petr@lab.example /createuser Secret1"
            And the administrator runs "winpop stat lab.example"

          Scenario: Not written yet
        """;

    [Fact]
    public async Task Verbose_CarriesWhatAnAdminCommandPrinted_AndAScenarioWithoutStepsIsEmpty()
    {
        var verbose = await RunAsync(WinpopStatFeature, "?verbose=true");
        var quiet = await RunAsync(WinpopStatFeature);

        verbose.GetProperty("language").GetString().Should().Be("en");
        var stat = verbose.GetProperty("scenarios")[0].GetProperty("steps")[2];
        stat.GetProperty("status").GetString().Should().Be("passed");
        stat.GetProperty("output").GetString().Should().StartWith("Domain lab.example: 1 mailbox(es), 0 message(s), 0 bytes");
        quiet.GetProperty("scenarios")[0].GetProperty("steps")[2].GetProperty("output").ValueKind.Should().Be(JsonValueKind.Null);
        var empty = verbose.GetProperty("scenarios")[1];
        empty.GetProperty("status").GetString().Should().Be("empty");
        empty.GetProperty("passed").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task RussianStepsWithoutTheLanguageLine_Are400_SayingToAddIt()
    {
        using var response = await PostAsync("Feature: No header\n  Scenario: Письмо\n    Допустим топология по умолчанию\n");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should()
            .Be("scenario.feature:3:5: \"Допустим топология по умолчанию\" reads as a step in Russian, but this feature is in English, so Gherkin takes it for description text and would not run it: put \"# language: ru\" on the first line");
    }

    [Fact]
    public async Task EmptyAndOversizedBodies_AreRefusedWithClearErrors()
    {
        using var empty = await PostAsync("   ");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Contain(".feature");

        using var large = await PostAsync("Feature: Large\n" + new string('#', 300 * 1024));
        large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await large.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Contain("256 KB");
    }

    private async Task<JsonElement> RunAsync(string feature, string query = "")
    {
        using var response = await PostAsync(feature, query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostAsync(string text, string query = "") =>
        _web.Http.PostAsync("/api/scenarios/run" + query, new StringContent(text, Encoding.UTF8, "text/plain"));
}
