using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;
using MailLab.Hosting;
using MailLab.Integration.Tests.Imap;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;
using MailLab.Mail.Exchange;
using MailLab.Mail.Topology;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>
/// MailKit's POP3 and IMAP clients over TCP against rosnou.ru as the shipped Exchange topology runs it
/// (scenarios/topologies/exchange-rosnou.yaml): a dismounted store refuses their logons while SMTP
/// keeps accepting, and after Mount Store the mail is there, once.
/// </summary>
public sealed class ExchangeMailKitTests : IAsyncLifetime
{
    private const string Student = "student@rosnou.ru";
    private const string Password = "student123";

    private MailLabServer _server = null!;

    private MailHost Rosnou => _server.World.FindHost("rosnou.ru")!;

    private ExchangeServer Exchange => Rosnou.Exchange!;

    private ExchangeStore MailboxStore => Exchange.FindStore("Mailbox Store (ROSNOU)")!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        var world = TopologyLoader.LoadFile(RepositoryFiles.Topology("exchange-rosnou.yaml"), clock, portsToZero: true);
        _server = new MailLabServer(world);
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WhileTheStoreIsDismounted_Pop3AndImapLogonsAreRefused_ThenAfterMountTheMailIsThereOnce()
    {
        Exchange.Dismount(MailboxStore);
        await SendAsync("While the store was dismounted");
        await _server.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Rosnou.Smtp.VirtualServers[0].Queue.Count.Should().Be(1, "the message waits in the Local Delivery queue");

        using (var pop3 = await Pop3TestSupport.ConnectPop3Async(_server, Rosnou))
        {
            var logon = () => pop3.AuthenticateAsync(Student, Password);
            await logon.Should().ThrowAsync<AuthenticationException>();
        }

        using (var imap = await ImapTestSupport.ConnectImapAsync(_server, Rosnou))
        {
            var logon = () => imap.AuthenticateAsync(Student, Password);
            await logon.Should().ThrowAsync<AuthenticationException>();
        }

        // MailKit reports "Authentication failed."; the server's words are in the transcripts.
        var replies = _server.World.Trace.Snapshot().Where(e => e.Kind == TraceKind.ServerReply && e.Host == "rosnou.ru").Select(e => e.Text).ToList();
        replies.Should().Contain(r => r.StartsWith("-ERR [SYS/TEMP] The mailbox student@rosnou.ru is not available now: The store \"Mailbox Store (ROSNOU)\" is dismounted", StringComparison.Ordinal));
        replies.Should().Contain(r => r.Contains("NO [UNAVAILABLE] The mailbox student@rosnou.ru is not available now", StringComparison.Ordinal));

        Exchange.Mount(MailboxStore);
        await _server.World.Work.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        using (var pop3 = await Pop3TestSupport.ConnectPop3Async(_server, Rosnou))
        {
            await pop3.AuthenticateAsync(Student, Password);
            pop3.Count.Should().Be(1);
            (await pop3.GetMessageAsync(0)).Subject.Should().Be("While the store was dismounted");
            await pop3.DisconnectAsync(true);
        }

        using var client = await ImapTestSupport.ConnectImapAsync(_server, Rosnou);
        await client.AuthenticateAsync(Student, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        client.Inbox.Count.Should().Be(1);
        Rosnou.Smtp.VirtualServers[0].Queue.Count.Should().Be(0);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task AStoppedExchangePop3Service_EndsTheSessionAtTheGreeting_AndStartingItLetsTheStudentIn()
    {
        Exchange.Services.Stop(ExchangeServiceNames.Pop3, stopDependents: true);

        var connect = () => Pop3TestSupport.ConnectPop3Async(_server, Rosnou);
        (await connect.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("Microsoft Exchange POP3 is stopped");

        Exchange.Services.Start(ExchangeServiceNames.Pop3);
        using var pop3 = await Pop3TestSupport.ConnectPop3Async(_server, Rosnou);
        await pop3.AuthenticateAsync(Student, Password);
        Exchange.Logons.Should().ContainSingle().Which.Should().Match<ExchangeLogon>(l => l.Address == Student && l.Protocol == "POP3" && l.ClientAddress == "127.0.0.1");
        await pop3.DisconnectAsync(true);
    }

    [Fact]
    public async Task AStoppedExchangeImap4Service_SaysByeAtTheGreeting()
    {
        Exchange.Services.Stop(ExchangeServiceNames.Imap4, stopDependents: true);

        var connect = () => ImapTestSupport.ConnectImapAsync(_server, Rosnou);

        (await connect.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("Microsoft Exchange IMAP4 is stopped");
    }

    private async Task SendAsync(string subject)
    {
        using var smtp = await MailKitClients.ConnectSmtpAsync(_server, _server.GetEndPoint(Rosnou.Smtp.VirtualServers[0])!, SecureSocketOptions.None);
        await smtp.SendAsync(new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(Student)], subject, new TextPart("plain") { Text = "hello" }));
        await smtp.DisconnectAsync(true);
    }
}
