using MailLab.Hosting;
using MailLab.Mail.Simulation;
using MailLab.Mail.World;
using MailLab.Scenarios.Driver;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// A running instance as <c>maillab up --simulate --any-port --api-port 0</c> starts it: the default
/// topology on a virtual clock at <see cref="ScenarioWorld.Epoch"/>, TCP listeners on free loopback
/// ports, and the admin API.
/// </summary>
public sealed class SimulatedInstance : IAsyncLifetime
{
    private AdminApi _api = null!;

    public MailLabServer Server { get; private set; } = null!;

    /// <summary>The admin API's address, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Api => _api.Address;

    public HttpClient Http => _api.Http;

    public async Task InitializeAsync()
    {
        Server = new MailLabServer(DefaultTopology.Create(new SimulationClock(ScenarioWorld.Epoch), portOffsetToZero: true));
        await Server.StartAsync();
        _api = await AdminApi.StartAsync(Server);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await Server.DisposeAsync();
    }
}
