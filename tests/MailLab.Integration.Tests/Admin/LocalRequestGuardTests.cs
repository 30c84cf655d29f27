using System.Net;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Smtp;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// The API refuses what a web page elsewhere could make a local browser send: changes from another
/// origin (CSRF) and requests for another host name (DNS rebinding). Its own page and clients
/// without an Origin header (curl, the CLI) are served.
/// </summary>
public sealed class LocalRequestGuardTests : ApiTestBase
{
    private const string PauseRosnou = "/api/servers/rosnou.ru/smtp/Default%20SMTP%20Virtual%20Server/pause";

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ChangeFromAnotherOrigin_IsRefusedWith403_AndChangesNothing(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PauseRosnou);
        request.Headers.Add(header, value);

        using var response = await Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Cross-site request refused");
        TestWorld.Vs(World.Rosnou).State.Should().Be(VirtualServerState.Running);
    }

    [Fact]
    public async Task ChangeFromItsOwnPage_OrWithoutOrigin_IsServed()
    {
        using var own = new HttpRequestMessage(HttpMethod.Post, PauseRosnou);
        own.Headers.Add("Origin", Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        (await Http.SendAsync(own)).StatusCode.Should().Be(HttpStatusCode.OK);
        TestWorld.Vs(World.Rosnou).State.Should().Be(VirtualServerState.Paused);

        (await Http.PostAsync(PauseRosnou.Replace("/pause", "/start", StringComparison.Ordinal), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        TestWorld.Vs(World.Rosnou).State.Should().Be(VirtualServerState.Running);
    }

    [Fact]
    public async Task ReadsFromAnotherOrigin_AreServed_ButNotForAnotherHostName()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/servers");
        read.Headers.Add("Origin", "http://evil.example");
        (await Http.SendAsync(read)).StatusCode.Should().Be(HttpStatusCode.OK, "a cross-origin page cannot read the answer without CORS, which is not offered");

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/servers");
        rebound.Headers.Host = "evil.example";
        using var response = await Http.SendAsync(rebound);
        response.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("answers only to 127.0.0.1");
    }
}
