using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab winpop ...</c>: the Windows Server 2003 winpop tool, run against a running
/// <c>maillab up</c> over its HTTP API (POST /api/servers/{host}/pop3/winpop, or /api/pop3/winpop without --host). Prints what the
/// server's winpop printed and exits with its code; 1 with a one-line reason when MailLab cannot be reached.
/// </summary>
public static class WinpopCommand
{
    public const string DefaultServer = "http://127.0.0.1:5080";
    public const string DefaultHost = Mail.Pop3.WinpopHost.Default;

    public static Command Create()
    {
        var command = AdminGrammar.Winpop();
        var args = (Argument<string[]>)command.Arguments.Single();
        var host = (Option<string>)command.Options.Single();
        var server = new Option<string>("--server")
        {
            Description = "The MailLab admin API to talk to.",
            DefaultValueFactory = _ => DefaultServer,
        };
        command.Options.Insert(0, server);
        command.SetAction((parse, token) => RunAsync(
            parse.GetValue(server) ?? DefaultServer,
            parse.GetValue(host),
            parse.GetValue(args) ?? [],
            Console.Out,
            Console.Error,
            token));
        return command;
    }

    /// <summary>
    /// Runs the command on <paramref name="host"/>; with none, the server picks the host the command's
    /// domain belongs to (<see cref="Mail.Pop3.WinpopHost"/>), so <c>winpop add mail.ru</c> acts on mail.ru
    /// rather than making rosnou.ru a second home for mail.ru's mail.
    /// </summary>
    public static async Task<int> RunAsync(string server, string? host, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken token = default)
    {
        // The usage text needs no server.
        if (args.Count == 1 && args[0].Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteAsync(Mail.Pop3.Winpop.Usage);
            return 0;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri))
        {
            await error.WriteLineAsync($"winpop: \"{server}\" is not a URL such as {DefaultServer}");
            return 1;
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        HttpResponseMessage response;
        try
        {
            var path = host is null ? "/api/pop3/winpop" : $"/api/servers/{Uri.EscapeDataString(host)}/pop3/winpop";
            response = await http.PostAsJsonAsync(path, new { args }, token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"winpop: cannot reach MailLab at {server} ({e.Message}); start it with `maillab up`");
            return 1;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(token);
                await error.WriteLineAsync($"winpop: {(int)response.StatusCode} {Problem(problem)}");
                return 1;
            }

            var result = await response.Content.ReadFromJsonAsync<Result>(JsonSerializerOptions.Web, token)
                ?? throw new InvalidOperationException("The server answered with no body.");
            await output.WriteAsync(result.Output);
            await error.WriteAsync(result.Error);
            return result.ExitCode;
        }
    }

    /// <summary>The {"error"} sentence of an error answer, else the body as it came.</summary>
    internal static string Problem(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var text) ? text.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private sealed record Result(int ExitCode, string Output, string Error);
}
