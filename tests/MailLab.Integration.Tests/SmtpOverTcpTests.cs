using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests;

/// <summary>Real clients against the real TCP listeners.</summary>
public sealed class SmtpOverTcpTests
{
    [Fact]
    public async Task MailKit_StartTlsAndAuth_DeliversIntoTheMailbox()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.MailRu));
        client.IsSecure.Should().BeTrue();
        client.Capabilities.Should().HaveFlag(SmtpCapabilities.Authentication);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.To.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.Subject = "Привет из MailKit";
        message.Body = new TextPart("plain") { Text = "Line one\n.leading dot\nLine three" };
        var response = await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);

        response.Should().Contain("Queued mail for delivery");
        var stored = world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        stored.Subject.Should().Be("Привет из MailKit");
        var parsed = MimeMessage.Load(new MemoryStream(stored.Data));
        parsed.TextBody.Should().Contain(".leading dot");
        parsed.Headers[HeaderId.Received].Should().StartWith("from ").And.Contain("by mail.ru with ESMTPSA");
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("CRAM-MD5")]
    public async Task MailKit_EachMechanism_Authenticates(string mechanism)
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.MailRu));
        client.AuthenticationMechanisms.Clear();
        client.AuthenticationMechanisms.Add(mechanism);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        client.IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public async Task MailKit_WrongPassword_Gets535()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.MailRu));
        var act = () => client.AuthenticateAsync("ivan@mail.ru", "wrong");
        (await act.Should().ThrowAsync<AuthenticationException>()).Which.Message.Should().Contain("5.7.8");
    }

    [Fact]
    public async Task MailKit_AnonymousRelay_IsRefusedWith550()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.MailRu), SecureSocketOptions.None);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("someone@example.org"));
        message.To.Add(MailboxAddress.Parse("student@rosnou.ru"));
        message.Subject = "relay?";
        message.Body = new TextPart("plain") { Text = "no" };

        var act = () => client.SendAsync(message);
        var error = (await act.Should().ThrowAsync<SmtpCommandException>()).Which;
        ((int)error.StatusCode).Should().Be(550);
        error.Message.Should().Be("5.7.1 Unable to relay");
        world.MailRu.Smtp.VirtualServers[0].HomeDirectory.Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task MailKit_AuthenticatedRelay_IsQueuedForTheRemoteDomain()
    {
        await using var world = await TestWorld.StartAsync();
        world.World.Links.SetHostReachable("rosnou.ru", false); // keep it in the queue
        using var client = await MailKitClients.ConnectSmtpAsync(world.Server, world.EndPoint(world.MailRu));
        await client.AuthenticateAsync("ivan", "ivan123"); // the default domain completes a bare user name
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("ivan@mail.ru"));
        message.To.Add(MailboxAddress.Parse("student@rosnou.ru"));
        message.Subject = "to rosnou";
        message.Body = new TextPart("plain") { Text = "hello" };
        await client.SendAsync(message);
        await world.World.Work.WhenIdleAsync();

        var queued = TestWorld.Vs(world.MailRu).HomeDirectory.Queue.Files.Should().ContainSingle().Subject;
        queued.Message.Recipients.Should().Equal("student@rosnou.ru");
        queued.Message.Subject.Should().Be("to rosnou");
        TestWorld.Vs(world.MailRu).Queue.Entries.Should().ContainSingle().Which.Deferred.Should().BeTrue();
    }

    [Fact]
    public async Task PythonSmtplib_SendsWithDataAndDotStuffing()
    {
        await using var world = await TestWorld.StartAsync();
        var endPoint = world.EndPoint(world.Rosnou);
        var script = $$"""
            import smtplib
            s = smtplib.SMTP("127.0.0.1", {{endPoint.Port}}, local_hostname="python.test")
            s.sendmail("teacher@example.org", ["student@rosnou.ru"], b"Subject: from python\r\n\r\n.one\r\n..two\r\nthree\r\n")
            s.quit()
            """;
        var (exit, output) = await ProcessRunner.RunAsync("python3", "-", script);
        exit.Should().Be(0, output);

        var stored = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        System.Text.Encoding.ASCII.GetString(stored.Data).Should().EndWith("\r\n\r\n.one\r\n..two\r\nthree\r\n");
        System.Text.Encoding.ASCII.GetString(stored.Data).Should().Contain("from python.test ([127.0.0.1]) by rosnou.ru with ESMTP");
    }
}
