using MailLab.Web;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>A fresh <see cref="TestWorld"/> per test with the admin API on a real Kestrel listener (port 0).</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    private WebApplication _app = null!;

    protected TestWorld World { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await TestWorld.StartAsync();
        _app = MailLabWebApp.Build(World.Server, port: 0);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(_app) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await World.DisposeAsync();
    }
}
