using System.Net;
using System.Net.Sockets;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Admin;
using Snapshooter.Xunit;

namespace MailLab.Integration.Tests.Admin;

/// <summary>Each `maillab smtp` subcommand against a running server, its output snapshot-tested, and its effect checked.</summary>
public sealed class SmtpCliTests : SmtpCliTestBase
{
    [Fact]
    public async Task ServiceAndVirtualServer_StatesAndSettings()
    {
        (await Cli(Words("smtp service status --host rosnou.ru"))).Exit.Should().Be(0);
        (await Cli(Words("smtp vs list --host rosnou.ru"))).Output.Should().Be("Default SMTP Virtual Server: running\n");
        (await Cli(Words("smtp vs pause --host rosnou.ru"))).Output.Should().Be("\"Default SMTP Virtual Server\" on rosnou.ru: paused\n");
        await using (var client = await World.ConnectTcpAsync(World.Rosnou))
        {
            (await client.ReadReplyAsync()).Should().StartWith("421 4.3.2");
        }

        await Cli(Words("smtp vs status \"Default SMTP Virtual Server\" --host rosnou.ru"));
        await Cli(Words("smtp vs start \"Default SMTP Virtual Server\" --host rosnou.ru"));
        await Cli(Words("smtp service stop --host mail.ru"));
        World.Server.GetEndPoint(TestWorld.Vs(World.MailRu)).Should().BeNull("a stopped service listens on nothing");
        await Cli(Words("smtp service start --host mail.ru"));

        (await Cli(Words("smtp vs set maxRecipientsPerMessage 2 --host rosnou.ru"))).Output.Should().Be("maxRecipientsPerMessage = 2\n");
        TestWorld.Vs(World.Rosnou).Limits.MaxRecipientsPerMessage.Should().Be(2);
        await Cli(Words("smtp vs set \"Default SMTP Virtual Server\" relayList \"127.0.0.1, 10.0.0.0/8\" --host rosnou.ru"));
        await Cli(Words("smtp vs get access.relay.entries --host rosnou.ru"));
        await Cli(Words("smtp vs get retryIntervalsMinutes --host rosnou.ru"));
        await Cli(Words("smtp vs set smartHost null --host rosnou.ru"));
        await Cli(Words("smtp vs get connectionTimeoutMinutes --host=rosnou.ru"));

        Snapshot.Match(Transcript);
    }

    [Fact]
    public async Task Errors_NameTheBadArgument_AndExitNonZero()
    {
        (await Cli(Words("smtp vs set maxRecipients 5 --host rosnou.ru"))).Exit.Should().Be(1);
        await Cli(Words("smtp vs set maxHopCount many --host rosnou.ru"));
        await Cli(Words("smtp vs pause --host nowhere.example"));
        await Cli(Words("smtp vs pause"));
        await Cli(Words("smtp vs pause Other --host rosnou.ru"));
        await Cli(Words("smtp vs restart --host rosnou.ru"));
        await Cli(Words("smtp vs pause --host rosnou.ru --force"));
        await Cli(Words("smtp vs create Second --host rosnou.ru"));
        await Cli(Words("smtp vs create Second --port 99999 --home-directory C:\\m --default-domain s.example --host rosnou.ru"));
        await Cli(Words("smtp vs create Second --port 0 --ip 300.1.2.3 --home-directory C:\\m --default-domain s.example --host rosnou.ru"));
        await Cli(Words("smtp domain add rosnou.ru local --host rosnou.ru"));
        await Cli(Words("smtp domain add x.example foreign --host rosnou.ru"));
        await Cli(Words("smtp domain remove rosnou.ru --host rosnou.ru"));
        await Cli(Words("smtp vs pause --host rosnou.ru --user student@rosnou.ru --password wrong"));
        (await Cli(Words("smtp vs pause --host rosnou.ru --user student --password student123"))).Error
            .Should().Be("student@rosnou.ru is not an operator of \"Default SMTP Virtual Server\" on rosnou.ru (its operators: Administrators).\n");
        TestWorld.Vs(World.Rosnou).State.ToString().Should().Be("Running");

        var unreachable = await MailLab.Cli.Commands.MailLabCli.RunAsync(["smtp", "vs", "list", "--host", "rosnou.ru", "--server", "http://127.0.0.1:1"], new StringWriter(), new StringWriter());
        unreachable.Should().Be(1);

        Snapshot.Match(Transcript);
    }

    [Fact]
    public async Task CreateThenDelete_AVirtualServer_ListensThenRefuses()
    {
        (await Cli(Words("smtp vs create \"Second SMTP Virtual Server\" --port 0 --home-directory C:\\Inetpub\\mailroot2 --default-domain second.rosnou.ru --host rosnou.ru"))).Exit.Should().Be(0);
        var endPoint = World.Server.GetEndPoint(World.Rosnou.Smtp.Find("Second SMTP Virtual Server")!)!;
        using (var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, endPoint))
        {
            await smtp.SendAsync(Message("ivan@mail.ru", "anyone@second.rosnou.ru", "created from the CLI", "hello"));
            await smtp.DisconnectAsync(true);
        }

        await Cli(Words("smtp vs list --host rosnou.ru"));
        await Cli(Words("smtp vs pause --host rosnou.ru"));
        await Cli(Words("smtp vs create Third --port 0 --home-directory C:\\Inetpub\\mailroot3 --default-domain third.rosnou.ru --host rosnou.ru"));
        await Cli(Words("smtp vs delete \"Second SMTP Virtual Server\" --host rosnou.ru"));
        await Cli(Words("smtp vs delete Third --host rosnou.ru"));
        await Cli(Words("smtp vs list --host rosnou.ru"));

        var connect = () => RawSmtpClient.ConnectAsync(endPoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        Snapshot.Match(Transcript);
    }

    [Fact]
    public async Task Domains_ListAddRemove()
    {
        await using var smartHost = new Delivery.ScriptedSmtpServer();
        await Cli(Words("smtp domain list --host rosnou.ru"));
        await Cli(Words("smtp domain add students.rosnou.ru alias --host rosnou.ru"));
        await Cli(Words("smtp domain add \"Default SMTP Virtual Server\" *.partner.example remote --allow-relay --require-tls --host rosnou.ru"));
        (await Cli([.. Words("smtp domain add partner.example remote --smart-host [127.0.0.1] --host mail.ru --outbound-port"), smartHost.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])).Exit.Should().Be(0);
        await Cli(Words("smtp domain list \"Default SMTP Virtual Server\" --host rosnou.ru"));
        await Cli(Words("smtp domain remove students.rosnou.ru --host rosnou.ru"));
        await Cli(Words("smtp domain list --host rosnou.ru"));

        // The remote domain added from the CLI routes to its smart host.
        await SendAsIvanAsync("bob@partner.example", "via the CLI's smart host");

        await World.World.Work.WhenIdleAsync();
        smartHost.Accepted.Should().ContainSingle().Which.Recipients.Should().Equal("bob@partner.example");
        Snapshot.Match(Transcript.Replace($"port {smartHost.Port}", "port PORT", StringComparison.Ordinal).Replace($"--outbound-port {smartHost.Port}", "--outbound-port PORT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Security_ShowAndReplaceTheOperators_ThenTheListedAccountMayChange()
    {
        await Cli(Words("smtp vs security --host rosnou.ru"));
        (await Cli(Words("smtp vs pause --host rosnou.ru --user student --password student123"))).Exit.Should().Be(1);
        (await Cli(Words("smtp vs security \"Default SMTP Virtual Server\" --operators \"Administrators, student\" --host rosnou.ru"))).Exit.Should().Be(0);
        (await Cli(Words("smtp vs pause --host rosnou.ru --user student --password student123"))).Exit.Should().Be(0);
        TestWorld.Vs(World.Rosnou).State.ToString().Should().Be("Paused");
        await Cli(Words("smtp vs security --operators nobody --host rosnou.ru"));
        await Cli(Words("smtp vs security --operators \"\" --host rosnou.ru"));
        await Cli(Words("smtp vs security --host rosnou.ru --user student --password student123 --operators Users"));
        await Cli(Words("smtp vs security --host rosnou.ru"));

        Snapshot.Match(Transcript);
    }

    [Fact]
    public async Task Help_ForEverySubcommand()
    {
        string[][] commands =
        [
            ["smtp"], ["smtp", "service"], ["smtp", "vs"], ["smtp", "vs", "list"], ["smtp", "vs", "start"], ["smtp", "vs", "get"],
            ["smtp", "vs", "set"], ["smtp", "vs", "create"], ["smtp", "vs", "delete"], ["smtp", "vs", "security"], ["smtp", "domain"], ["smtp", "domain", "list"],
            ["smtp", "domain", "add"], ["smtp", "domain", "remove"], ["smtp", "queue"],
        ];
        foreach (var command in commands)
        {
            (await Cli([.. command, "--help"])).Exit.Should().Be(0);
        }

        Snapshot.Match(Transcript);
    }

    /// <summary>The CLI over HTTP and the scenarios' in-process commands print the same text and exit codes.</summary>
    [Fact]
    public async Task TheCli_AndTheInProcessCommands_PrintTheSame()
    {
        await using var other = await TestWorld.StartAsync();
        string[] lines =
        [
            "smtp service pause --host rosnou.ru",
            "smtp vs list --host rosnou.ru",
            "smtp vs start --host rosnou.ru",
            "smtp vs set maxMessageSizeKb 100 --host rosnou.ru",
            "smtp vs set maxSessionSizeKb 1 --host rosnou.ru",
            "smtp vs get connectionList --host rosnou.ru",
            "smtp vs set ldapRoutingEnabled true --host rosnou.ru",
            "smtp vs get ldapSchema --host rosnou.ru",
            "smtp vs get nope --host rosnou.ru",
            "smtp vs create Second --port 0 --home-directory C:\\m --default-domain s.example --host rosnou.ru",
            "smtp vs create second --port 0 --home-directory C:\\m --default-domain s.example --host rosnou.ru",
            "smtp vs set Second fqdn smtp.s.example --host rosnou.ru",
            "smtp vs pause --host rosnou.ru",
            "smtp domain add Second alias.s.example alias --host rosnou.ru",
            "smtp domain add Second far.example remote --smart-host relay.example --outbound-port 2525 --host rosnou.ru",
            "smtp domain add Second far.example remote --host rosnou.ru",
            "smtp domain add Second near.example local --allow-relay --host rosnou.ru",
            "smtp domain list Second --host rosnou.ru",
            "smtp domain remove Second s.example --host rosnou.ru",
            "smtp domain remove Second nowhere.example --host rosnou.ru",
            "smtp vs security Second --host rosnou.ru",
            "smtp vs security Second --operators \"Administrators, student@rosnou.ru\" --host rosnou.ru",
            "smtp vs security Second --operators ivan@mail.ru --host rosnou.ru",
            "smtp vs delete Second --host rosnou.ru",
            "smtp vs pause Second --host rosnou.ru",
        ];
        foreach (var line in lines)
        {
            var cli = await Cli(Words(line));
            var inProcess = AdminCommands.Run(other.World, line);
            (cli.Exit, cli.Output + cli.Error).Should().Be((inProcess.ExitCode, inProcess.Output + "\n"), line);
        }
    }
}
