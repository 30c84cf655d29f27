using System.Text;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using MailLab.Mail.Topology;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using Snapshooter.Xunit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>
/// Active Directory integrated authentication: one directory per organisation, shared by its
/// hosts; names unique across it; winpop migrateToAD moving local accounts into it. Logons go
/// through MailKit's Pop3Client over TCP.
/// </summary>
public sealed class Pop3DirectoryTests
{
    /// <summary>mx1 and mx2 share rosnou.ru's directory by their parent domain, partner.ru by naming it; mail.ru has its own.</summary>
    private const string Organisation = """
        hosts:
          - name: mx1.rosnou.ru
            pop3: { authentication: activeDirectory }
          - name: mx2.rosnou.ru
            pop3: { authentication: activeDirectory }
          - name: mail.ru
            pop3: { authentication: activeDirectory }
          - name: partner.ru
            pop3: { authentication: activeDirectory, directory: rosnou.ru }
        """;

    [Fact]
    public async Task AccountAddedOnOneHost_IsKnownOnEveryHostOfItsDirectory_AndNamesAreUniqueAcrossIt()
    {
        var world = TopologyLoader.LoadText(Organisation, "organisation.yaml", new FakeTimeProvider(), portsToZero: true);
        await using var server = new MailLabServer(world);
        await server.StartAsync();
        var (mx1, mx2, mailRu, partner) = (world.FindHost("mx1.rosnou.ru")!, world.FindHost("mx2.rosnou.ru")!, world.FindHost("mail.ru")!, world.FindHost("partner.ru")!);
        var transcript = new Transcript();

        transcript.Run(mx1, "add", "rosnou.ru");
        transcript.Run(mx1, "add", "petr@rosnou.ru", "/createuser", "Secret1");
        transcript.Run(mx2, "add", "rosnou.ru");
        transcript.Run(mx2, "add", "petr@rosnou.ru");
        transcript.Run(mx2, "add", "lab.rosnou.ru");
        transcript.Run(mx2, "add", "petr@lab.rosnou.ru", "/createuser", "Other1");
        transcript.Run(mailRu, "add", "rosnou.ru");
        transcript.Run(mailRu, "add", "petr@rosnou.ru");
        transcript.Run(partner, "add", "rosnou.ru");
        transcript.Run(partner, "add", "petr@rosnou.ru");
        transcript.Run(mx1, "changepwd", "petr@rosnou.ru", "Secret2");
        Snapshot.Match(transcript.ToString());

        // The password changed on mx1 is the one mx2 and partner.ru check: one account, one directory.
        foreach (var host in new[] { mx2, partner })
        {
            using var client = await Pop3TestSupport.ConnectPop3Async(server, host);
            await client.AuthenticateAsync("petr", "Secret2");
            client.Count.Should().Be(0);
            await client.DisconnectAsync(true);
        }

        world.Directories.For("rosnou.ru").Accounts.Select(a => a.Address).Should().Equal("petr@rosnou.ru");
        world.Directories.For("mail.ru").Accounts.Should().BeEmpty();
    }

    [Fact]
    public async Task MigrateToAD_MovesTheLocalAccountIntoTheDirectory_SoItsUserCanLogOn()
    {
        await using var world = await TestWorld.StartAsync();
        var rosnou = world.Rosnou;
        var transcript = new Transcript();

        transcript.Run(world.MailRu, "migrateToAD", "ivan@mail.ru");
        transcript.Run(rosnou, "set", "authentication", "2");
        transcript.Run(rosnou, "delete", "rosnou.ru");
        transcript.Run(rosnou, "set", "authentication", "2");
        transcript.Run(rosnou, "add", "rosnou.ru");
        transcript.Run(rosnou, "add", "student@rosnou.ru");
        transcript.Run(rosnou, "list", "rosnou.ru");
        await LogonShouldFailAsync(world, "student", "student123", "a local account does not log on with the directory method");

        transcript.Run(rosnou, "migrateToAD", "student@rosnou.ru");
        transcript.Run(rosnou, "migrateToAD", "student@rosnou.ru");
        rosnou.Accounts.Find("student@rosnou.ru").Should().BeNull("the account moved");
        rosnou.Pop3.Directory.Find("student@rosnou.ru")!.Password.Should().Be("student123");
        using (var client = await world.ConnectPop3Async(rosnou))
        {
            await client.AuthenticateAsync("student", "student123");
            await client.DisconnectAsync(true);
        }

        // A local petr@rosnou.ru cannot move into a directory that has a petr already.
        transcript.Run(rosnou, "add", "lab.rosnou.ru");
        transcript.Run(rosnou, "add", "petr@lab.rosnou.ru", "/createuser", "Secret1");
        rosnou.AddAccount("petr@rosnou.ru", "Local1");
        transcript.Run(rosnou, "add", "petr@rosnou.ru", "/createuser", "Local1");
        transcript.Run(rosnou, "add", "petr@rosnou.ru");
        transcript.Run(rosnou, "migrateToAD", "petr@rosnou.ru");
        transcript.Run(rosnou, "migrateToAD", "nobody@rosnou.ru");
        transcript.Run(rosnou, "migrateToAD");
        rosnou.Accounts.Find("petr@rosnou.ru").Should().NotBeNull("a refused migration keeps the local account");
        await LogonShouldFailAsync(world, "petr@rosnou.ru", "Local1", "petr@rosnou.ru is still a local account");

        Snapshot.Match(transcript.ToString());
    }

    private static async Task LogonShouldFailAsync(TestWorld world, string user, string password, string because)
    {
        using var client = await world.ConnectPop3Async(world.Rosnou);
        var logon = () => client.AuthenticateAsync(user, password);
        await logon.Should().ThrowAsync<AuthenticationException>(because);

        // MailKit tries every mechanism, so the failures add up: let the logon delay pass.
        world.Clock.Advance(Pop3LogonThrottle.MaxDelay);
    }

    /// <summary>winpop commands with the host they ran on, their output and exit code.</summary>
    private sealed class Transcript
    {
        private readonly StringBuilder _text = new();

        public void Run(MailHost host, params string[] args)
        {
            var result = Winpop.Run(host.Pop3, args);
            _text.Append(host.Name).Append("> winpop ").Append(string.Join(' ', args)).Append('\n')
                .Append(result.Output).Append(result.Error.Split("\n\nUsage:")[0].TrimEnd('\n')).Append(result.Error.Length > 0 ? "\n" : string.Empty)
                .Append("[exit ").Append(result.ExitCode).Append("]\n");
        }

        public override string ToString() => _text.ToString();
    }
}
