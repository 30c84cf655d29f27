using System.Net;
using System.Text.Json;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tests.Settings;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// The API's shape comes from the settings table: GET /api/settings/schema lays out the property sheet
/// with each setting's labels, and every setting PATCHed away from its default reads back the same.
/// </summary>
public sealed class SettingsTableApiTests : AdminApiTestBase
{
    [Theory]
    [MemberData(nameof(SettingSamples.Names), MemberType = typeof(SettingSamples))]
    public async Task EverySetting_RoundTripsThroughTheApi(string name)
    {
        var setting = VirtualServerSettings.Find(name);
        var (text, expected) = SettingSamples.For(setting);

        var patched = await Json(await SendAsync(HttpMethod.Patch, $"{DefaultVs}/settings", new Dictionary<string, string> { [name] = text }), HttpStatusCode.OK);
        var read = await Json(await Http.GetAsync($"{DefaultVs}/settings"), HttpStatusCode.OK);

        foreach (var answer in new[] { patched, read })
        {
            var value = answer.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(setting.Tab.ToString())).GetProperty(name);
            setting.Type.Format(setting.Type.Parse(name, SettingJson.ToText(name, value))).Should().Be(expected);
        }
    }

    [Fact]
    public async Task Schema_LaysOutEverySettingOnce_WithItsLabelsHelpAndDefault()
    {
        var schema = await Json(await Http.GetAsync("/api/settings/schema"), HttpStatusCode.OK);

        var tabs = schema.GetProperty("tabs").EnumerateArray().ToArray();
        tabs.Select(t => t.GetProperty("name").GetString()).Should().Equal("general", "access", "messages", "delivery", "ldapRouting");
        var settings = tabs.SelectMany(t => t.GetProperty("groups").EnumerateArray()).SelectMany(g => g.GetProperty("settings").EnumerateArray()).ToArray();
        settings.Select(s => s.GetProperty("name").GetString()).Should().BeEquivalentTo(VirtualServerSettings.All.Select(s => s.Name));
        var size = settings.Single(s => s.GetProperty("name").GetString() == "maxMessageSizeKb");
        size.GetProperty("editor").GetString().Should().Be("limit");
        size.GetProperty("labels").GetProperty("ru").GetString().Should().Be("Ограничить размер сообщения до (КБ)");
        size.GetProperty("labels").GetProperty("en").GetString().Should().Be("Limit message size to (KB)");
        size.GetProperty("default").GetInt64().Should().Be(2048);
        size.GetProperty("schema").GetProperty("minimum").GetInt64().Should().Be(1);
        settings.Single(s => s.GetProperty("name").GetString() == "relayOnlyListed").GetProperty("editor").GetString().Should().Be("onlyListed");
    }

    [Fact]
    public async Task TheServerList_ShowsLimitsAndAccessByTheirTableNames()
    {
        var servers = await Json(await Http.GetAsync("/api/servers"), HttpStatusCode.OK);
        var vs = servers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "rosnou.ru")
            .GetProperty("smtp").GetProperty("virtualServers")[0];

        vs.GetProperty("limits").EnumerateObject().Select(p => p.Name)
            .Should().Equal(VirtualServerSettings.All.Where(s => s.Section == SettingSection.Limits).Select(s => s.Name));
        vs.GetProperty("limits").GetProperty("connectionTimeoutMinutes").GetDouble().Should().Be(10);
        vs.GetProperty("access").GetProperty("relayList").ValueKind.Should().Be(JsonValueKind.Array);
    }
}
