using System.Net;
using MailLab.Integration.Tests.Admin;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>The LDAP Routing tab through the admin API: PATCH and GET by setting name, the password write-only.</summary>
public sealed class LdapRoutingApiTests : AdminApiTestBase
{
    [Fact]
    public async Task TheTab_RoundTrips_AndThePasswordIsNeverEchoed()
    {
        var changes = new Dictionary<string, object?>
        {
            ["ldapRoutingEnabled"] = true,
            ["ldapServer"] = "127.0.0.1:3890",
            ["ldapSchema"] = "exchange",
            ["ldapBinding"] = "plainText",
            ["ldapUserName"] = "cn=admin,dc=rosnou,dc=ru",
            ["ldapPassword"] = "Top-Secret-42",
            ["ldapBase"] = "dc=rosnou,dc=ru",
        };

        var patch = await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", changes);
        var patchedText = await patch.Content.ReadAsStringAsync();
        var readResponse = await Http.GetAsync($"{DefaultVs}/settings");
        var readText = await readResponse.Content.ReadAsStringAsync();

        patch.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var text in new[] { patchedText, readText })
        {
            text.Should().NotContain("Top-Secret-42");
            var tab = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("ldapRouting");
            tab.GetProperty("ldapRoutingEnabled").GetBoolean().Should().BeTrue();
            tab.GetProperty("ldapServer").GetString().Should().Be("127.0.0.1:3890");
            tab.GetProperty("ldapSchema").GetString().Should().Be("exchange");
            tab.GetProperty("ldapBinding").GetString().Should().Be("plainText");
            tab.GetProperty("ldapUserName").GetString().Should().Be("cn=admin,dc=rosnou,dc=ru");
            tab.GetProperty("ldapPassword").GetString().Should().Be("********");
            tab.GetProperty("ldapBase").GetString().Should().Be("dc=rosnou,dc=ru");
        }

        // The mask sent back (what the page does with an untouched box) keeps the password.
        (await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new Dictionary<string, object?> { ["ldapPassword"] = "********" })).StatusCode.Should().Be(HttpStatusCode.OK);
        TestWorld.Vs(World.Rosnou).Settings.LdapRouting.Password.Should().Be("Top-Secret-42");
    }

    [Fact]
    public async Task ABadSchema_Is400_NamingTheChoices()
    {
        var response = await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new Dictionary<string, object?> { ["ldapSchema"] = "novell" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("expected activeDirectory, siteServer or exchange");
    }
}
