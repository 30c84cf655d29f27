using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.World;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Web.Tests.Infrastructure;

/// <summary>The default topology on a virtual clock (listeners on port 0), the web app on a free port, and an HTTP client for its API.</summary>
public sealed class SimulatedWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatedWebApp(MailLabServer runtime, WebApplication app)
    {
        Runtime = runtime;
        _app = app;
        Http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(app) };
    }

    public MailLabServer Runtime { get; }

    public HttpClient Http { get; }

    /// <param name="dataDirectory">As maillab up --data-dir: where the world's stores persist (null: in memory only).</param>
    public static async Task<SimulatedWebApp> StartAsync(DateTimeOffset start, string? dataDirectory = null)
    {
        var runtime = new MailLabServer(DefaultTopology.Create(new SimulationClock(start), portOffsetToZero: true), dataDirectory: dataDirectory);
        await runtime.StartAsync();
        var app = MailLabWebApp.Build(runtime, port: 0);
        await app.StartAsync();
        return new SimulatedWebApp(runtime, app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
