using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.World;
using MailLab.Scenarios.Driver;
using MailLab.Web;
using Microsoft.AspNetCore.Builder;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// A running instance as <c>maillab up --simulate --any-port --api-port 0</c> starts it: the default
/// topology on a virtual clock at <see cref="ScenarioWorld.Epoch"/>, TCP listeners on free loopback
/// ports, and the admin API on a real Kestrel listener.
/// </summary>
public sealed class SimulatedInstance : IAsyncLifetime
{
    private WebApplication _app = null!;

    public MailLabServer Server { get; private set; } = null!;

    /// <summary>The admin API's address, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new MailLabServer(DefaultTopology.Create(new SimulationClock(ScenarioWorld.Epoch), portOffsetToZero: true));
        await Server.StartAsync();
        _app = MailLabWebApp.Build(Server, port: 0);
        await _app.StartAsync();
        Api = MailLabWebApp.GetAddress(_app);
        Http = new HttpClient { BaseAddress = Api };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Server.DisposeAsync();
    }
}
