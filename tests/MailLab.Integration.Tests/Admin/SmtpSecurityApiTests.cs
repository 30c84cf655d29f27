using System.Net;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// The Security tab: operators may change a virtual server, others get 403, wrong credentials 401,
/// no credentials act as the built-in Administrator; reads stay open.
/// </summary>
public sealed class SmtpSecurityApiTests : AdminApiTestBase
{
    private static readonly (string, string) Student = ("student@rosnou.ru", "student123");

    [Fact]
    public async Task Default_IsAdministrators_AndNoCredentialsActAsAdministrator()
    {
        (await Json(await Http.GetAsync($"{DefaultVs}/security"), HttpStatusCode.OK)).GetProperty("operators").EnumerateArray()
            .Select(e => e.GetString()).Should().Equal("Administrators");
        (await SendAsync(HttpMethod.Post, $"{DefaultVs}/pause")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NonOperator_Gets403_OnEveryChange_ButReadsWork()
    {
        const string error = "student@rosnou.ru is not an operator of \"Default SMTP Virtual Server\" on rosnou.ru (its operators: Administrators).";
        var changes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, $"{DefaultVs}/pause", null),
            (HttpMethod.Post, "/api/servers/rosnou.ru/smtp/service/stop", null),
            (HttpMethod.Patch, $"{DefaultVs}/settings", new { maxHopCount = 3 }),
            (HttpMethod.Post, $"{DefaultVs}/domains", new { name = "x.example", type = "Alias" }),
            (HttpMethod.Put, $"{DefaultVs}/domains/rosnou.ru", new { isDefault = true }),
            (HttpMethod.Delete, $"{DefaultVs}/domains/rosnou.ru", null),
            (HttpMethod.Put, $"{DefaultVs}/security", new { operators = new[] { "Users" } }),
            (HttpMethod.Delete, DefaultVs, null),
        };
        foreach (var (method, url, body) in changes)
        {
            (await Error(await SendAsync(method, url, body, Student), HttpStatusCode.Forbidden)).Should().Be(error, $"{method} {url}");
        }

        (await Error(await SendAsync(HttpMethod.Post, "/api/servers/rosnou.ru/smtp", new { name = "N", port = 0, homeDirectory = "C:\\m", defaultDomain = "n.example" }, Student), HttpStatusCode.Forbidden))
            .Should().Be("student@rosnou.ru may not create virtual servers on rosnou.ru: only members of Administrators may.");

        World.Rosnou.Smtp.State.ToString().Should().Be("Running");
        (await SendAsync(HttpMethod.Get, $"{DefaultVs}/settings", logon: Student)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, $"{DefaultVs}/domains", logon: Student)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ListedAccount_ByBareName_MayChange_ThenTheAdministratorIsLockedOut()
    {
        var set = await Json(await SendAsync(HttpMethod.Put, $"{DefaultVs}/security", new { operators = new[] { "student" } }), HttpStatusCode.OK);
        set.GetProperty("operators").EnumerateArray().Select(e => e.GetString()).Should().Equal("student@rosnou.ru");

        (await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new { maxHopCount = 3 }, ("student", "student123"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Error(await SendAsync(HttpMethod.Post, $"{DefaultVs}/stop"), HttpStatusCode.Forbidden))
            .Should().Be("Administrator is not an operator of \"Default SMTP Virtual Server\" on rosnou.ru (its operators: student@rosnou.ru).");

        (await SendAsync(HttpMethod.Put, $"{DefaultVs}/security", new { operators = new[] { "Users", "Administrators" } }, Student)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Post, $"{DefaultVs}/stop")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongCredentials_Are401_WithABasicChallenge()
    {
        var wrong = await SendAsync(HttpMethod.Post, $"{DefaultVs}/pause", null, ("student@rosnou.ru", "nope"));
        (await Error(wrong, HttpStatusCode.Unauthorized)).Should().Be("Wrong user name or password for rosnou.ru: log on as one of its accounts.");
        wrong.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"rosnou.ru\", charset=\"UTF-8\"");

        // An account of another host is not an account of this one.
        (await SendAsync(HttpMethod.Post, $"{DefaultVs}/pause", null, ("ivan@mail.ru", "ivan123"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var request = new HttpRequestMessage(HttpMethod.Post, $"{DefaultVs}/pause");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        (await Error(await Http.SendAsync(request), HttpStatusCode.Unauthorized))
            .Should().Be("The Authorization header must be HTTP Basic (RFC 7617): \"Basic \" and base64 of user:password.");
    }

    [Theory]
    [InlineData("""{"operators": []}""", "operators must list at least one account or group: an empty list would lock every administrator out.")]
    [InlineData("""{"operators": ["Administrators", "nobody@rosnou.ru"]}""", "\"nobody@rosnou.ru\" is neither an account of rosnou.ru nor a group (Administrators, Users).")]
    [InlineData("""{"operators": ["ivan@mail.ru"]}""", "\"ivan@mail.ru\" is neither an account of rosnou.ru nor a group (Administrators, Users).")]
    [InlineData("""{"operators": [""]}""", "An operator entry is empty: name an account of the host or a group (Administrators, Users).")]
    [InlineData("""{}""", "operators is required: a list of accounts and groups, e.g. [\"Administrators\", \"petr@rosnou.ru\"].")]
    [InlineData("""{"operators": "Administrators"}""", "operators has the wrong type or is malformed.")]
    public async Task Put_BadList_Is400_AndTheListStays(string body, string error)
    {
        (await Error(await SendAsync(HttpMethod.Put, $"{DefaultVs}/security", body), HttpStatusCode.BadRequest)).Should().Be(error);
        (await Json(await Http.GetAsync($"{DefaultVs}/security"), HttpStatusCode.OK)).GetProperty("operators")[0].GetString().Should().Be("Administrators");
    }

    [Fact]
    public async Task UnknownVirtualServer_Is404() =>
        (await Http.GetAsync("/api/servers/rosnou.ru/smtp/Other/security")).StatusCode.Should().Be(HttpStatusCode.NotFound);
}
