using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests.Admin;

/// <summary>The admin API on a real listener, with helpers to send JSON (optionally as an account) and read errors.</summary>
public abstract class AdminApiTestBase : ApiTestBase
{
    protected const string DefaultVs = "/api/servers/rosnou.ru/smtp/Default%20SMTP%20Virtual%20Server";

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null, (string User, string Password)? logon = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        if (logon is { } l)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{l.User}:{l.Password}")));
        }

        return Http.SendAsync(request);
    }

    protected static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>ivan@mail.ru sends a message through mail.ru over TCP with MailKit, authenticated (so it may relay).</summary>
    protected async Task SendAsIvanAsync(string to, string subject)
    {
        using var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, World.EndPoint(World.MailRu));
        await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
        await smtp.SendAsync(Message("ivan@mail.ru", to, subject, "hello"));
        await smtp.DisconnectAsync(true);
    }

    protected static MimeMessage Message(string from, string to, string subject, string text) => new(
        [MailboxAddress.Parse(from)],
        [MailboxAddress.Parse(to)],
        subject,
        new TextPart("plain") { Text = text });

    /// <summary>The {"error"} of a failed answer, after checking its status.</summary>
    protected static async Task<string> Error(HttpResponseMessage response, HttpStatusCode expected) =>
        (await Json(response, expected)).GetProperty("error").GetString()!;
}
