namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>A fresh <see cref="TestWorld"/> per test with the admin API on a real Kestrel listener (port 0).</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    private AdminApi _api = null!;

    protected TestWorld World { get; private set; } = null!;

    protected HttpClient Http => _api.Http;

    public async Task InitializeAsync()
    {
        World = await TestWorld.StartAsync();
        _api = await AdminApi.StartAsync(World.Server);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await World.DisposeAsync();
    }
}
