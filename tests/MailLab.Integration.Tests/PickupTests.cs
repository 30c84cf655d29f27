using System.Net;
using System.Text;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Web;
using MimeKit;

namespace MailLab.Integration.Tests;

/// <summary>The Pickup directory: an RFC 822 file placed there is sent.</summary>
public sealed class PickupTests
{
    [Fact]
    public async Task PickupFile_ThroughTheApi_IsDeliveredLocallyAndRemotely_WithoutBcc()
    {
        await using var world = await TestWorld.StartAsync();
        await using var app = MailLabWebApp.Build(world.Server, port: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = MailLabWebApp.GetAddress(app) };

        var file = "From: ivan@mail.ru\r\nTo: student@rosnou.ru\r\nBcc: ivan@mail.ru\r\nSubject: from the pickup folder\r\n\r\nHello\r\n";
        var response = await http.PostAsync("/api/servers/mail.ru/smtp/Default%20SMTP%20Virtual%20Server/pickup", new ByteArrayContent(Encoding.ASCII.GetBytes(file)));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await world.World.Work.WhenIdleAsync();

        TestWorld.Vs(world.MailRu).HomeDirectory.Pickup.Count.Should().Be(0);
        var atStudent = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        var parsed = MimeMessage.Load(new MemoryStream(atStudent.Data));
        parsed.Subject.Should().Be("from the pickup folder");
        parsed.Headers.Contains(HeaderId.Bcc).Should().BeFalse();
        parsed.MessageId.Should().NotBeNullOrEmpty();
        atStudent.Sender.Should().Be("ivan@mail.ru");
        world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle("the Bcc recipient gets it too");
    }

    [Fact]
    public async Task PickupFile_NamingARecipientInToCcAndBcc_IsStoredOnce()
    {
        await using var world = await TestWorld.StartAsync();
        var file = "From: ivan@mail.ru\r\nTo: ivan@mail.ru\r\nCc: IVAN@mail.ru\r\nBcc: Ivan@Mail.Ru\r\nSubject: three times\r\n\r\nx\r\n";
        MailLab.Mail.Delivery.PickupAgent.Drop(TestWorld.Vs(world.MailRu), Encoding.ASCII.GetBytes(file));
        await world.World.Work.WhenIdleAsync();

        var message = world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle("one copy per distinct mailbox").Subject;
        message.Recipients.Should().Equal("ivan@mail.ru");
    }

    [Fact]
    public async Task PickupFile_WithXReceiver_UsesTheEnvelopeHeaders()
    {
        await using var world = await TestWorld.StartAsync();
        var file = "x-sender: robot@mail.ru\r\nx-receiver: ivan@mail.ru\r\nFrom: Someone <someone@example.org>\r\nTo: nobody@example.org\r\nSubject: envelope\r\n\r\nx\r\n";
        MailLab.Mail.Delivery.PickupAgent.Drop(TestWorld.Vs(world.MailRu), Encoding.ASCII.GetBytes(file));
        await world.World.Work.WhenIdleAsync();

        var message = world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        message.Sender.Should().Be("robot@mail.ru");
        Encoding.ASCII.GetString(message.Data).Should().NotContain("x-receiver");
    }

    [Fact]
    public async Task PickupFile_WithoutRecipients_GoesToBadMail_AndStoppedServerWaits()
    {
        await using var world = await TestWorld.StartAsync();
        var vs = TestWorld.Vs(world.MailRu);
        MailLab.Mail.Delivery.PickupAgent.Drop(vs, Encoding.ASCII.GetBytes("From: ivan@mail.ru\r\nSubject: nobody\r\n\r\nx\r\n"), "lonely.eml");
        await world.World.Work.WhenIdleAsync();
        vs.HomeDirectory.BadMail.Files.Select(f => f.Name).Should().Equal("lonely.BAD", "lonely.BDR");
        vs.HomeDirectory.BadMail.Find("lonely.BDR")!.Reason.Should().StartWith("No recipients");

        vs.Stop();
        MailLab.Mail.Delivery.PickupAgent.Drop(vs, Encoding.ASCII.GetBytes("From: ivan@mail.ru\r\nTo: ivan@mail.ru\r\nSubject: later\r\n\r\nx\r\n"));
        await world.World.Work.WhenIdleAsync();
        vs.HomeDirectory.Pickup.Count.Should().Be(1, "a stopped virtual server sends nothing");
        vs.Start();
        await world.World.Work.WhenIdleAsync();
        vs.HomeDirectory.Pickup.Count.Should().Be(0);
        world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("later");
    }
}
