using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;
using MimeKit;

namespace MailLab.Integration.Tests.Imap;

/// <summary>MailKit's ImapClient over TCP against the real host's IMAP listeners.</summary>
public sealed class ImapMailKitTests
{
    private const string Student = ImapTestSupport.Student;

    [Fact]
    public async Task StartTls_ThenLogin_ReadsTheMessageSmtpDelivered()
    {
        await using var world = await TestWorld.StartAsync();
        await Pop3TestSupport.SendDirectAsync(world, Student, "over smtp");

        using var client = await world.ConnectImapAsync(world.Rosnou, SecureSocketOptions.StartTls);
        client.IsSecure.Should().BeTrue();
        await client.AuthenticateAsync(Student, ImapTestSupport.StudentPassword);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);

        client.Inbox.Count.Should().Be(1);
        (await client.Inbox.GetMessageAsync(0)).Subject.Should().Be("over smtp");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task ImplicitTls_GreetsOnlyAfterTheHandshake()
    {
        await using var world = await TestWorld.StartAsync();

        using var client = await world.ConnectImapAsync(world.Rosnou, SecureSocketOptions.SslOnConnect);

        client.IsSecure.Should().BeTrue();
        client.Capabilities.Should().NotHaveFlag(ImapCapabilities.StartTLS);
        await client.AuthenticateAsync(Student, ImapTestSupport.StudentPassword);
        client.IsAuthenticated.Should().BeTrue();
        await client.DisconnectAsync(true);
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task Authenticate_WithEachSaslMechanism(string mechanism)
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.ConnectImapAsync(world.Rosnou);
        client.AuthenticationMechanisms.Should().Contain(mechanism);
        SaslMechanism sasl = mechanism switch
        {
            "PLAIN" => new SaslMechanismPlain(Student, ImapTestSupport.StudentPassword),
            "LOGIN" => new SaslMechanismLogin(Student, ImapTestSupport.StudentPassword),
            _ => new SaslMechanismCramMd5(Student, ImapTestSupport.StudentPassword),
        };

        await client.AuthenticateAsync(sasl);

        client.IsAuthenticated.Should().BeTrue();
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task WrongPassword_IsRefused()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.ConnectImapAsync(world.Rosnou);

        var logon = () => client.AuthenticateAsync(Student, "wrong");

        await logon.Should().ThrowAsync<AuthenticationException>();
    }

    [Fact]
    public async Task Idle_IsToldOfMailThatArrivesBySmtp()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.StudentAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        client.Inbox.Count.Should().Be(0);
        var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Inbox.CountChanged += (_, _) => arrived.TrySetResult(client.Inbox.Count);
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token);

        await Pop3TestSupport.SendDirectAsync(world, Student, "while idling");
        var count = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20), TimeProvider.System);
        await done.CancelAsync();
        await idle;

        count.Should().Be(1);
        (await client.Inbox.GetMessageAsync(0)).Subject.Should().Be("while idling");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Move_ToTrash_ReturnsTheNewUid_AndUidPlusCopyUid()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        Pop3TestSupport.Seed(world.Rosnou, Student, "two");
        using var client = await world.StudentAsync();
        client.Capabilities.Should().HaveFlag(ImapCapabilities.Move).And.HaveFlag(ImapCapabilities.UidPlus);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var trash = await client.GetFolderAsync("Trash");
        var uids = await client.Inbox.SearchAsync(SearchQuery.SubjectContains("one"));

        var moved = await client.Inbox.MoveToAsync(uids[0], trash);
        var copied = await client.Inbox.CopyToAsync(await client.Inbox.SearchAsync(SearchQuery.SubjectContains("two")), trash);

        moved.Should().NotBeNull("MOVE answers COPYUID (RFC 6851 §4.3, RFC 4315)");
        copied.Destination.Should().HaveCount(1);
        client.Inbox.Count.Should().Be(1);
        await trash.OpenAsync(FolderAccess.ReadOnly);
        trash.Count.Should().Be(2);
        world.Rosnou.Mailboxes.Find(Student)!.FindFolder("Trash")!.Count.Should().Be(2);
        world.Rosnou.Mailboxes.Find(Student)!.Count.Should().Be(1, "POP3's maildrop is INBOX");
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Append_WithUidPlus_StoresTheDraft()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.StudentAsync();
        var drafts = await client.GetFolderAsync("Drafts");
        var message = new MimeMessage([MailboxAddress.Parse(Student)], [MailboxAddress.Parse("ivan@mail.ru")], "draft", new TextPart("plain") { Text = "later" });

        var uid = await drafts.AppendAsync(message, MessageFlags.Draft);

        uid.Should().NotBeNull("APPEND answers APPENDUID (RFC 4315)");
        await drafts.OpenAsync(FolderAccess.ReadOnly);
        var summary = (await drafts.FetchAsync([uid!.Value], MessageSummaryItems.Flags | MessageSummaryItems.Envelope)).Single();
        summary.Envelope!.Subject.Should().Be("draft");
        summary.Flags.Should().HaveFlag(MessageFlags.Draft);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Shutdown_SaysBye()
    {
        var world = await TestWorld.StartAsync();
        using var raw = new System.Net.Sockets.TcpClient();
        var endPoint = world.ImapEndPoint(world.Rosnou);
        await raw.ConnectAsync(endPoint.Address, endPoint.Port);
        using var reader = new StreamReader(raw.GetStream());
        (await reader.ReadLineAsync())!.Should().StartWith("* OK");

        var stopping = world.DisposeAsync().AsTask();
        var bye = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20), TimeProvider.System);
        await stopping;

        bye.Should().StartWith("* BYE");
    }

    [Fact]
    public async Task Autologout_AfterThirtyMinutesOnTheWorldClock()
    {
        await using var world = await TestWorld.StartAsync();
        using var raw = new System.Net.Sockets.TcpClient();
        var endPoint = world.ImapEndPoint(world.Rosnou);
        await raw.ConnectAsync(endPoint.Address, endPoint.Port);
        using var reader = new StreamReader(raw.GetStream());
        (await reader.ReadLineAsync())!.Should().StartWith("* OK");

        // 29 silent minutes are not yet too long; a command restarts the timer (RFC 9051 §5.4: at least 30 minutes).
        world.Clock.Advance(TimeSpan.FromMinutes(29));
        var writer = new StreamWriter(raw.GetStream()) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("a1 NOOP");
        (await reader.ReadLineAsync())!.Should().StartWith("a1 OK");
        world.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var bye = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20), TimeProvider.System);

        bye.Should().StartWith("* BYE Autologout");
        (await reader.ReadLineAsync()).Should().BeNull("the server closes after the BYE");
    }

    [Fact]
    public async Task SwitchedOff_HasNoListener()
    {
        await using var world = await TestWorld.StartAsync(w => w.FindHost("rosnou.ru")!.Imap.Enabled = false);

        world.Server.GetImapEndPoint(world.Rosnou.Imap).Should().BeNull();
        world.Server.GetImapEndPoint(world.MailRu.Imap).Should().NotBeNull();
        IPAddress.IsLoopback(world.Server.GetImapEndPoint(world.MailRu.Imap)!.Address).Should().BeTrue();
    }
}
