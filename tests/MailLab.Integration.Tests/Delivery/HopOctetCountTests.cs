using System.Net;
using System.Text.RegularExpressions;
using MailLab.Integration.Tests.Admin;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// The two ends of one hop report the same size of message content: the octets without DATA's
/// dot-stuffing and final "." (RFC 5321 §4.5.2), which is what the receiver stores. The sending end
/// used to count what it wrote (stuffed, with ".CRLF": 503 against the receiver's 500).
/// </summary>
public sealed partial class HopOctetCountTests : AdminApiTestBase
{
    [Theory]
    [InlineData(false)] // a plain hop: the in-process sans-I/O client against rosnou.ru's session
    [InlineData(true)]  // a hop that requires TLS: MailKit over a stream
    public async Task ClientAndServerOfAHop_CountTheSameContentOctets_AsStored(bool tls)
    {
        TestWorld.Vs(World.MailRu).Configure(s => s with { Delivery = s.Delivery with { OutboundTls = tls } });
        using (var smtp = await MailKitClients.ConnectSmtpAsync(World.Server, World.EndPoint(World.MailRu)))
        {
            await smtp.AuthenticateAsync("ivan@mail.ru", "ivan123");
            // Lines that start with "." are stuffed on the wire: the counts differ if either end counts the wire.
            await smtp.SendAsync(Message("ivan@mail.ru", "student@rosnou.ru", "dots", ".first\r\n..second\r\n.\r\nlast"));
            await smtp.DisconnectAsync(true);
        }

        await World.World.Work.WhenIdleAsync();
        var list = await Json(await Http.GetAsync("/api/traces"), HttpStatusCode.OK);
        var id = list.EnumerateArray().Should().ContainSingle().Which.GetProperty("id").GetString();
        var detail = await Json(await Http.GetAsync($"/api/traces/{id}"), HttpStatusCode.OK);
        var hops = detail.GetProperty("hops").EnumerateArray().ToArray();
        long ContentOctets(string host, string role) => hops
            .Where(h => h.GetProperty("host").GetString() == host && h.GetProperty("role").GetString() == role)
            .SelectMany(h => h.GetProperty("transcript").EnumerateArray())
            .Select(l => ContentLine().Match(l.GetProperty("text").GetString()!))
            .Should().ContainSingle(m => m.Success).Which.Groups[1].Value is var n ? long.Parse(n) : 0;

        var sent = ContentOctets("mail.ru", "client");
        var received = ContentOctets("rosnou.ru", "server");
        sent.Should().Be(received, "both ends of the hop count the same content");
        hops.SelectMany(h => h.GetProperty("transcript").EnumerateArray()).Select(l => l.GetProperty("text").GetString())
            .Should().Contain($"({received} octets of message content, not counting dot-stuffing or the final \".\")", "the line says what it counts");

        // What rosnou.ru stored is that content plus the Received header its cleanup added.
        var stored = World.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        var added = stored.Data.Length - received;
        System.Text.Encoding.ASCII.GetString(stored.Data.AsSpan(0, (int)added)).Should().StartWith("Received: ").And.EndWith("\r\n");
        System.Text.Encoding.ASCII.GetString(stored.Data.AsSpan((int)added)).Should().Contain("\r\n.first\r\n..second\r\n.\r\nlast");
    }

    [GeneratedRegex(@"^\((\d+) octets of message content")]
    private static partial Regex ContentLine();
}
