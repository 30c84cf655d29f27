using System.Net;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.Smtp.Settings;
using MailLab.Mail.Tests.Settings;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// The POP3 service's properties through the admin API, from the same table as the topology file:
/// every setting PATCHed away from its default reads back the same, a bad value or a method change
/// while domains exist is a 400 naming it, and GET /api/settings/schema describes each under <c>pop3</c>.
/// </summary>
public sealed class Pop3SettingsApiTests : AdminApiTestBase
{
    private const string Settings = "/api/servers/rosnou.ru/pop3/settings";

    [Theory]
    [MemberData(nameof(SettingSamples.Pop3Names), MemberType = typeof(SettingSamples))]
    public async Task EveryPop3Setting_RoundTripsThroughTheApi(string name)
    {
        var setting = Pop3Settings.Find(name);
        var (text, expected) = SettingSamples.For(setting);
        if (name == "authentication")
        {
            // rosnou.ru has POP3 domains, so its method cannot change; setting the one it has is taken.
            (text, expected) = ("local", "local");
        }
        else if (name == "port")
        {
            // The listener moves at once, so the port must be one this machine can bind.
            text = expected = SettingSamples.FreePort();
        }

        var response = await SendAsync(HttpMethod.Patch, Settings, new Dictionary<string, string> { [name] = text });
        for (var attempt = 1; name == "port" && attempt < 3 && response.StatusCode == HttpStatusCode.BadRequest
            && (await response.Content.ReadAsStringAsync()).Contains("Address already in use", StringComparison.Ordinal); attempt++)
        {
            // Another test bound the free port between FreePort and the PATCH: take another.
            text = expected = SettingSamples.FreePort();
            response = await SendAsync(HttpMethod.Patch, Settings, new Dictionary<string, string> { [name] = text });
        }

        var patched = await Json(response, HttpStatusCode.OK);
        var read = await Json(await Http.GetAsync(Settings), HttpStatusCode.OK);

        foreach (var answer in new[] { patched, read })
        {
            setting.Type.Format(setting.Type.Parse(name, SettingJson.ToText(name, answer.GetProperty(name)))).Should().Be(expected);
        }

        if (name == "port")
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
            using var reader = new StreamReader(client.GetStream());
            (await reader.ReadLineAsync()).Should().StartWith("+OK", "the POP3 service answers on its new port");
        }
    }

    [Theory]
    [InlineData("{\"loggingLevel\": 7}", "\"7\" is not a valid value for \"loggingLevel\": expected a whole number from 0 to 3.")]
    [InlineData("{\"authentication\": \"passwordFile\"}", "The authentication method can be changed only while no domains exist.")]
    [InlineData("{\"threadCount\": 4, \"requireSpaa\": true}", "Unknown setting \"requireSpaa\" (did you mean \"requireSpa\"?)*")]
    public async Task ARefusedChange_IsA400_AndChangesNothing(string body, string message)
    {
        var before = await Json(await Http.GetAsync(Settings), HttpStatusCode.OK);

        var response = await Http.PatchAsync(Settings, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        (await Error(response, HttpStatusCode.BadRequest)).Should().Match(message);
        (await Json(await Http.GetAsync(Settings), HttpStatusCode.OK)).GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task Schema_DescribesEveryPop3Setting_WithItsLabelsAndDefault()
    {
        var schema = await Json(await Http.GetAsync("/api/settings/schema"), HttpStatusCode.OK);

        var pop3 = schema.GetProperty("pop3").EnumerateArray().ToArray();
        pop3.Select(s => s.GetProperty("name").GetString()).Should().Equal(Pop3Settings.All.Select(s => s.Name));
        var method = pop3.Single(s => s.GetProperty("name").GetString() == "authentication");
        method.GetProperty("editor").GetString().Should().Be("choice");
        method.GetProperty("default").GetString().Should().Be("local");
        method.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("local", "activeDirectory", "passwordFile");
        pop3.Single(s => s.GetProperty("name").GetString() == "requireSpa").GetProperty("labels").GetProperty("ru").GetString()
            .Should().Be("Требовать безопасную проверку пароля (SPA) для всех подключений");
    }
}
