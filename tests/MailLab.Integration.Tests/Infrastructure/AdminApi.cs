using MailLab.Hosting;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>A running server's admin API on a real Kestrel listener (port 0), with a client for it.</summary>
public sealed class AdminApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminApi(WebApplication app)
    {
        _app = app;
        Address = MailLabWebApp.GetAddress(app);
        Http = new HttpClient { BaseAddress = Address };
    }

    /// <summary>The API's address, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<AdminApi> StartAsync(MailLabServer server)
    {
        var app = MailLabWebApp.Build(server, port: 0);
        await app.StartAsync();
        return new AdminApi(app);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
