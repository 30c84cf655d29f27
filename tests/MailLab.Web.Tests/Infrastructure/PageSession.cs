using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Mail.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using MimeKit;

namespace MailLab.Web.Tests.Infrastructure;

/// <summary>
/// A fresh default topology (real TCP on ephemeral ports) with the web app on a free port, and a new
/// browser page on it. On a failed test <see cref="RunAsync"/> saves a screenshot and the page's HTML.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly WebApplication _app;

    private PageSession(MailLabServer runtime, WebApplication app, Uri url, IBrowserContext context, IPage page)
    {
        Runtime = runtime;
        _app = app;
        Url = url;
        _context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add($"pageerror: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
    }

    public MailLabServer Runtime { get; }

    public MailWorld World => Runtime.World;

    public Uri Url { get; }

    public IPage Page { get; }

    /// <summary>Script errors and console errors (a CSP violation is one) seen so far.</summary>
    public List<string> Errors { get; } = [];

    public static string ArtifactDirectory => Path.Combine(AppContext.BaseDirectory, "playwright-artifacts");

    /// <summary>Where a simulated world's clock starts.</summary>
    public static readonly DateTimeOffset SimulationStart = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts the default topology on real time, or on a virtual clock (as <c>maillab up --simulate</c>).</summary>
    public static async Task<PageSession> StartAsync(IBrowser browser, string? language = null, bool simulate = false)
    {
        TimeProvider clock = simulate ? new Mail.Simulation.SimulationClock(SimulationStart) : TimeProvider.System;
        return await StartAsync(browser, DefaultTopology.Create(clock, portOffsetToZero: true), language);
    }

    /// <summary>Runs <paramref name="world"/> (its listeners on port 0) with the page on it.</summary>
    public static async Task<PageSession> StartAsync(IBrowser browser, MailWorld world, string? language = null)
    {
        var runtime = new MailLabServer(world);
        await runtime.StartAsync();
        var app = MailLabWebApp.Build(runtime, port: 0);
        await app.StartAsync();
        var url = MailLabWebApp.GetAddress(app);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 }, Locale = "en-US" });
        if (language is not null)
        {
            await context.AddInitScriptAsync($"localStorage.setItem('maillab.lang', '{language}');");
        }

        var page = await context.NewPageAsync();
        return new PageSession(runtime, app, url, context, page);
    }

    /// <summary>Opens the page and waits for its first data and its event stream.</summary>
    public async Task OpenAsync()
    {
        await Page.GotoAsync(Url.ToString());
        await Assertions.Expect(Page.Locator("body[data-ready='1'][data-live='on']")).ToBeVisibleAsync();
    }

    /// <summary>Runs a test body; when it throws, saves a screenshot and the HTML under the test output, then rethrows.</summary>
    public async Task RunAsync(string testName, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            Directory.CreateDirectory(ArtifactDirectory);
            var stem = Path.Combine(ArtifactDirectory, testName);
            try
            {
                await Page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
                await File.WriteAllTextAsync(stem + ".html", await Page.ContentAsync());
                await File.WriteAllLinesAsync(stem + ".errors.txt", Errors);
            }
            catch (PlaywrightException)
            {
                // The page is gone; the original failure matters more.
            }

            throw;
        }
    }

    /// <summary>
    /// Script and console errors, less Chromium's "Failed to load resource" lines for the refusals the test
    /// provoked (<paramref name="expectedStatuses"/>), and less the one of the init script that selects the
    /// language: it also runs in the message body's sandboxed frame, which may not read localStorage.
    /// </summary>
    public IEnumerable<string> UnexpectedErrors(params int[] expectedStatuses) =>
        Errors.Where(e => !(e.Contains("Failed to load resource", StringComparison.Ordinal) && expectedStatuses.Any(s => e.Contains($"status of {s} ", StringComparison.Ordinal)))
            && !e.Contains("The document is sandboxed", StringComparison.Ordinal));

    /// <summary>An HTTP client on the page's API (what the CLI would call).</summary>
    public HttpClient Api() => new() { BaseAddress = Url };

    public IPEndPoint SmtpEndPoint(string host) =>
        Runtime.GetEndPoint(World.FindHost(host)!.Smtp.Find(DefaultTopology.VirtualServerName)!)
        ?? throw new InvalidOperationException($"{host} has no SMTP listener.");

    /// <summary>ivan@mail.ru submits a message to mail.ru over TCP with MailKit (STARTTLS, AUTH), as in the README; <paramref name="to"/>: one address or several, comma-separated.</summary>
    public async Task SendAsIvanAsync(string to, string subject, string body = "Привет!")
    {
        var expected = Runtime.Certificate.GetCertHashString();
        using var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            Timeout = 20_000,
        };
        var endPoint = SmtpEndPoint("mail.ru");
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.To.AddRange(InternetAddressList.Parse(to)); // one address, or several separated by commas
        message.Subject = subject;
        message.Body = body.StartsWith('<') ? new TextPart("html") { Text = body } : new TextPart("plain") { Text = body };
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>student@rosnou.ru reads the first message of the mailbox with POP3 over TCP (MailKit), leaving it there.</summary>
    public Task RetrieveAsStudentAsync() => RetrieveAsync("student@rosnou.ru", "student123", all: false);

    /// <summary>A user of rosnou.ru reads every message of the mailbox with POP3 over TCP (MailKit), leaving them there.</summary>
    public Task RetrieveAllAsync(string user, string password) => RetrieveAsync(user, password, all: true);

    private async Task RetrieveAsync(string user, string password, bool all)
    {
        var endPoint = Runtime.GetPop3EndPoint(World.FindHost("rosnou.ru")!.Pop3) ?? throw new InvalidOperationException("rosnou.ru has no POP3 listener.");
        using var client = new MailKit.Net.Pop3.Pop3Client { Timeout = 20_000 };
        await client.ConnectAsync(endPoint.Address.ToString(), endPoint.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        for (var i = 0; i < (all ? client.Count : 1); i++)
        {
            await client.GetMessageAsync(i);
        }

        await client.DisconnectAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
