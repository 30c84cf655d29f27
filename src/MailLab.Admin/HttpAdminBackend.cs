using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Admin;

/// <summary>
/// The admin commands against a running <c>maillab up</c>, through the same REST API the web page
/// uses. An error answer becomes its {"error"} sentence; an unreachable server one line saying so.
/// </summary>
public sealed partial class HttpAdminBackend : IAdminBackend, IDirectoryAdminBackend, IExchangeAdminBackend, IDisposable
{
    private readonly HttpClient _http;
    private readonly string _server;

    /// <param name="user">An account of the host for HTTP Basic auth; null acts as the built-in Administrator.</param>
    public HttpAdminBackend(Uri server, string? user = null, string? password = null)
    {
        _server = server.ToString().TrimEnd('/');
        _http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    public void Dispose() => _http.Dispose();

    public async Task<IReadOnlyList<HostView>> HostsAsync()
    {
        var servers = await SendAsync(HttpMethod.Get, "/api/servers");
        return servers.EnumerateArray().Select(h => new HostView(
            h.GetProperty("name").GetString()!,
            State(h.GetProperty("smtp")),
            h.GetProperty("smtp").GetProperty("virtualServers").EnumerateArray().Select(View).ToArray())).ToArray();
    }

    public async Task<string> ServiceAsync(string host, string action) =>
        State((await SendAsync(HttpMethod.Post, $"{Host(host)}/smtp/service/{action}")).GetProperty("smtp"));

    public async Task<string> VirtualServerAsync(string host, string virtualServer, string action) =>
        State(await SendAsync(HttpMethod.Post, $"{Vs(host, virtualServer)}/{action}"));

    public async Task<string> GetSettingAsync(string host, string virtualServer, VirtualServerSetting setting) =>
        Text(await SendAsync(HttpMethod.Get, $"{Vs(host, virtualServer)}/settings"), setting);

    public async Task<string> SetSettingAsync(string host, string virtualServer, VirtualServerSetting setting, string value) =>
        Text(await SendAsync(HttpMethod.Patch, $"{Vs(host, virtualServer)}/settings", new Dictionary<string, string> { [setting.Name] = value }), setting);

    public async Task<VirtualServerView> CreateAsync(string host, NewVirtualServer request) =>
        View(await SendAsync(HttpMethod.Post, $"{Host(host)}/smtp", request));

    public Task DeleteAsync(string host, string virtualServer) => SendAsync(HttpMethod.Delete, Vs(host, virtualServer));

    public async Task<IReadOnlyList<DomainView>> DomainsAsync(string host, string virtualServer) =>
        (await SendAsync(HttpMethod.Get, $"{Vs(host, virtualServer)}/domains")).Deserialize<DomainView[]>(JsonSerializerOptions.Web)!;

    public async Task<DomainView> AddDomainAsync(string host, string virtualServer, DomainView domain) =>
        (await SendAsync(HttpMethod.Post, $"{Vs(host, virtualServer)}/domains", domain)).Deserialize<DomainView>(JsonSerializerOptions.Web)!;

    public Task RemoveDomainAsync(string host, string virtualServer, string domain) =>
        SendAsync(HttpMethod.Delete, $"{Vs(host, virtualServer)}/domains/{Uri.EscapeDataString(domain)}");

    public async Task<IReadOnlyList<string>> OperatorsAsync(string host, string virtualServer) =>
        Operators(await SendAsync(HttpMethod.Get, $"{Vs(host, virtualServer)}/security"));

    public async Task<IReadOnlyList<string>> SetOperatorsAsync(string host, string virtualServer, IReadOnlyList<string> operators) =>
        Operators(await SendAsync(HttpMethod.Put, $"{Vs(host, virtualServer)}/security", new { operators }));

    public async Task<IReadOnlyList<QueueEntryView>> QueueAsync(string host) =>
        (await SendAsync(HttpMethod.Get, $"{Host(host)}/queue")).Deserialize<QueueEntryView[]>(JsonSerializerOptions.Web)!;

    /// <summary>
    /// winpop's words on <paramref name="host"/>'s POP3 service, or with none on the host the server picks
    /// for them (POST /api/pop3/winpop): what winpop printed, standard output then standard error, and its exit code.
    /// </summary>
    public async Task<AdminResult> WinpopAsync(string? host, IReadOnlyList<string> args)
    {
        try
        {
            var result = await SendAsync(HttpMethod.Post, host is null ? "/api/pop3/winpop" : $"{Host(host)}/pop3/winpop", new { args });
            var printed = result.GetProperty("output").GetString() + result.GetProperty("error").GetString();
            return new AdminResult(result.GetProperty("exitCode").GetInt32(), printed.TrimEnd('\n', '\r'));
        }
        catch (AdminCommandException e)
        {
            return AdminResult.Error($"winpop: {e.Message}");
        }
    }

    private static string[] Operators(JsonElement security) =>
        security.GetProperty("operators").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string Host(string host) => $"/api/servers/{Uri.EscapeDataString(host)}";

    private static string Vs(string host, string virtualServer) => $"{Host(host)}/smtp/{Uri.EscapeDataString(virtualServer)}";

    private static string State(JsonElement e) => e.GetProperty("state").GetString()!.ToLowerInvariant();

    private static VirtualServerView View(JsonElement v) => new(v.GetProperty("name").GetString()!, State(v));

    /// <summary>
    /// A setting's value in the settings object, in the table's text form (what the in-process command prints).
    /// The object's tabs are camel case, as SettingJson writes them: general … ldapRouting.
    /// </summary>
    private static string Text(JsonElement settings, VirtualServerSetting setting) =>
        SettingJson.ToText(setting.Name, settings.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(setting.Tab.ToString())).GetProperty(setting.Name));

    /// <param name="conflictBody">A property a 409 answer may carry: such an answer is returned, not thrown (a question, not a refusal).</param>
    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null, string? conflictBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonSerializerOptions.Web);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new AdminCommandException($"Cannot reach MailLab at {_server} ({e.Message}); start it with `maillab up`.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (conflictBody is not null && response.StatusCode == System.Net.HttpStatusCode.Conflict && Carries(text, conflictBody))
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AdminCommandException(Problem(text) ?? $"MailLab answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static bool Carries(string body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Problem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
