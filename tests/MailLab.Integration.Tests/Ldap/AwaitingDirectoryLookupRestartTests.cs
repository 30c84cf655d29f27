using System.Net;
using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Topology;
using MailLab.Mail.Tracing;
using Microsoft.Extensions.Time.Testing;

using static MailLab.Integration.Tests.Persistence.CrashWindow;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// A message for a distribution group of slapd, accepted while the directory answered RCPT, meets the
/// directory down when it is categorized (slapd behind a <see cref="GatedTcpForwarder"/> that refuses):
/// it waits in rosnou.ru's "Messages awaiting directory lookup" queue (451 4.4.3), and after a restart
/// with a data directory, the directory back, its retry expands the group and reaches its members.
/// </summary>
public sealed class AwaitingDirectoryLookupRestartTests(Slapd slapd) : IClassFixture<Slapd>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"maillab-awaiting-lookup-{Guid.NewGuid():N}");

    [SkippableFact]
    public async Task GroupMessage_DirectoryDownWhenCategorized_WaitsInTheQueue_AndAfterARestartReachesTheMembers()
    {
        Skip.If(slapd.SkipReason is not null, slapd.SkipReason);
        await using var directory = new GatedTcpForwarder(slapd.Port);
        directory.Open();
        var topology = SlapdTopology.Yaml(directory.Server);
        await using (var first = await StartAsync(topology, new FakeTimeProvider(Start)))
        {
            var rosnou = Vs(first.World, "rosnou.ru");
            await using (var smtp = new RawSmtpClient(first.InMemory.Connect(rosnou, IPAddress.Parse("192.0.2.77"))))
            {
                await Expect(smtp, null, "220");
                await Expect(smtp, "EHLO outside.test", "250");
                await Expect(smtp, "MAIL FROM:<someone@outside.test>", "250");
                await Expect(smtp, "RCPT TO:<students@rosnou.ru>", "250");
                directory.Refusing = true; // down after RCPT, before the message is categorized
                await Expect(smtp, "DATA", "354");
                await smtp.SendRawAsync("Subject: to the group\r\n\r\nHello, students.\r\n.\r\n");
                await Expect(smtp, null, "250");
                await Expect(smtp, "QUIT", "221");
            }

            await first.World.Work.WhenIdleAsync();
            rosnou.Queue.Entries.Should().ContainSingle();
            rosnou.Queue.QueueName(rosnou.Queue.Entries[0]).Should().Be("Messages awaiting directory lookup");
            first.World.FindHost("rosnou.ru")!.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
            var texts = first.World.Trace.Snapshot().Where(e => e.Host == "rosnou.ru").Select(e => $"{e.Kind}: {e.Text}").ToArray();
            texts.Should().Contain(t => t.StartsWith("DirectoryLookup: ", StringComparison.Ordinal) && t.EndsWith($"could not be searched: the server 127.0.0.1:{directory.Server.Split(':')[1]} cannot be reached (LDAP result 81, server down)", StringComparison.Ordinal));
            texts.Should().Contain("Deferred: Deferred (attempt 1): <students@rosnou.ru>: 451 4.4.3 Directory server failure: try again later");
        }

        directory.Refusing = false; // back for the restart, when the retry is due
        await using var second = await StartAsync(topology, new FakeTimeProvider(Start.AddMinutes(30)));
        await second.World.Work.WhenIdleAsync();
        var host = second.World.FindHost("rosnou.ru")!;
        host.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("to the group");
        host.Mailboxes.Find("teacher@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("to the group");
        Vs(second.World, "rosnou.ru").Queue.Count.Should().Be(0);
        second.World.Trace.Snapshot().Should().Contain(e => e.Host == "rosnou.ru" && e.Kind == TraceKind.Categorized
            && e.Text == $"Expanded the group cn=students,dc=rosnou,dc=ru from ldap://{directory.Server} (Exchange LDAP Service schema) to student@rosnou.ru, teacher@rosnou.ru");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task Expect(RawSmtpClient smtp, string? command, string code)
    {
        if (command is not null)
        {
            await smtp.SendLineAsync(command);
        }

        (await smtp.ReadReplyAsync()).Should().StartWith(code, command ?? "the server's reply");
    }

    private async Task<MailLabServer> StartAsync(string topology, FakeTimeProvider clock)
    {
        var server = new MailLabServer(TopologyLoader.LoadText(topology, "ldap.yaml", clock, portsToZero: true), dataDirectory: _dir);
        await server.StartAsync();
        return server;
    }
}
