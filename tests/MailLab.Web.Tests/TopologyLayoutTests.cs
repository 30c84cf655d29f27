using System.Net;
using MailLab.Mail.World;
using MailLab.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MailLab.Web.Tests;

/// <summary>The topology's automatic layout from 2 to 10 hosts: every host, DNS and both clients drawn, and no two boxes overlapping.</summary>
public sealed class TopologyLayoutTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public TopologyLayoutTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    public async Task Hosts_Dns_AndClients_AreAllDrawn_WithoutOverlapping(int hosts)
    {
        await using var session = await PageSession.StartAsync(_browser.Browser, World(hosts));
        await session.RunAsync($"{nameof(Hosts_Dns_AndClients_AreAllDrawn_WithoutOverlapping)}_{hosts}", async () =>
        {
            await session.OpenAsync();
            var topology = session.Page.Locator("#topology");
            await Expect(topology.Locator("g.host")).ToHaveCountAsync(hosts);
            await Expect(topology.Locator("g.dns")).ToHaveCountAsync(1);
            await Expect(topology.Locator("g.client")).ToHaveCountAsync(2);
            await Expect(topology.Locator("line.dns-link")).ToHaveCountAsync(hosts);

            var boxes = await topology.Locator("g.host > rect.host-box, g.dns > rect.dns-box, g.client > rect").EvaluateAllAsync<Box[]>(
                "rects => rects.map(r => { const b = r.getBBox(); return { name: r.parentElement.dataset.host ?? r.parentElement.dataset.client ?? 'dns', x: b.x, y: b.y, width: b.width, height: b.height }; })");
            boxes.Should().HaveCount(hosts + 3);
            var overlaps = boxes.SelectMany((a, i) => boxes.Skip(i + 1).Where(b => a.Overlaps(b)).Select(b => $"{a.Name} × {b.Name}")).ToArray();
            overlaps.Should().BeEmpty();
            session.Errors.Should().BeEmpty();
        });
    }

    private static MailWorld World(int hosts)
    {
        var world = new MailWorld(TimeProvider.System);
        for (var i = 0; i < hosts; i++)
        {
            var name = $"host{i}.example";
            var host = world.AddHost(name);
            host.Address = IPAddress.Parse($"192.0.2.{10 + i}");
            host.Pop3.SetPort(0);
            world.Dns.AddA(name, host.Address);
            world.Dns.AddMx(name, 10, name);
            host.Smtp.AddVirtualServer(DefaultTopology.VirtualServerName, IPAddress.Loopback, 0, @"C:\Inetpub\mailroot", name);
            if (i == 0 || i == hosts - 1)
            {
                host.AddAccount($"user{i}@{name}", "secret");
            }
        }

        return world;
    }

    /// <summary>A drawn box, as the page measures it (getBBox).</summary>
    public sealed class Box
    {
        public string Name { get; set; } = "";

        public double X { get; set; }

        public double Y { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }


        public bool Overlaps(Box other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }
}
