using System.Text;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests;

/// <summary>Hostile or broken clients over real TCP: the RFC's reply, never a crash or lost mail.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task OverlongCommandLine_Gets500_AndTheSessionSurvives()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        (await client.CommandAsync("NOOP " + new string('a', 600))).Should().Be("500 5.5.6 Line too long (RFC 5321 4.5.3.1)");
        (await client.CommandAsync("HELO " + new string('b', 20_000))).Should().Be("500 5.5.6 Line too long (RFC 5321 4.5.3.1)");
        (await client.CommandAsync("EHLO c.test")).Should().StartWith("250-rosnou.ru");
    }

    [Fact]
    public async Task Smuggling_BareLfDotSequences_DoNotEndTheMessage()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
        (await client.CommandAsync("DATA")).Should().StartWith("354");

        // The attack: a fake end of data with bare LF, then a smuggled second transaction.
        await client.SendRawAsync("Subject: outer\r\n\r\nhello\n.\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<student@rosnou.ru>\r\nDATA\r\nSubject: smuggled\r\n\r\nx\r\n\n.\n\r\n.\r\n");
        (await client.ReadReplyAsync()).Should().StartWith("250 2.6.0");

        var stored = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        stored.Subject.Should().Be("outer");
        Encoding.ASCII.GetString(stored.Data).Should().Contain("hello\n.\r\nMAIL FROM:<evil@example.org>");
        (await client.CommandAsync("NOOP")).Should().Be("250 2.0.0 OK");
    }

    [Fact]
    public async Task UnknownAndMalformedCommands_Get500And501()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        (await client.CommandAsync("FOO bar")).Should().Be("500 5.5.1 Command unrecognized: \"FOO\"");
        (await client.CommandAsync("EHLO")).Should().StartWith("501 5.5.4");
        await client.CommandAsync("EHLO c.test");
        (await client.CommandAsync("MAIL FROM:a@example.org")).Should().StartWith("501 5.1.7");
        (await client.CommandAsync("MAIL FROM:<a@example.org> FOO=1")).Should().Be("555 5.5.4 Unsupported parameter: FOO");
        (await client.CommandAsync("RCPT TO:<student@rosnou.ru>")).Should().StartWith("503 5.5.1");
        (await client.CommandAsync("DATA")).Should().StartWith("503 5.5.1");
    }

    [Fact]
    public async Task ClientVanishingMidData_LosesNothingAlreadyAccepted()
    {
        await using var world = await TestWorld.StartAsync();
        var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
        await client.CommandAsync("DATA");
        (await client.CommandAsync("Subject: first\r\n\r\nkept\r\n.")).Should().StartWith("250 2.6.0");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
        await client.CommandAsync("DATA");
        await client.SendRawAsync("Subject: second\r\n\r\nhalf a messa");
        await client.DisposeAsync();

        await using var probe = await world.ConnectTcpAsync(world.Rosnou);
        (await probe.ReadReplyAsync()).Should().StartWith("220", "the server is still serving");
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().Equal("first");
    }

    [Fact]
    public async Task Pipelining_AllRepliesComeInOrder()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.test");
        await client.SendRawAsync("MAIL FROM:<a@example.org>\r\nRCPT TO:<student@rosnou.ru>\r\nRCPT TO:<nobody@far.example>\r\nDATA\r\n");
        (await client.ReadReplyAsync()).Should().StartWith("250 2.1.0");
        (await client.ReadReplyAsync()).Should().StartWith("250 2.1.5");
        (await client.ReadReplyAsync()).Should().Be("550 5.7.1 Unable to relay");
        (await client.ReadReplyAsync()).Should().StartWith("354");
        await client.SendRawAsync("Subject: piped\r\n\r\nx\r\n.\r\nQUIT\r\n");
        (await client.ReadReplyAsync()).Should().StartWith("250 2.6.0");
        (await client.ReadReplyAsync()).Should().StartWith("221 2.0.0");
    }

    [Fact]
    public async Task Bdat_ChunksOverTcp_AreStoredVerbatim()
    {
        await using var world = await TestWorld.StartAsync();
        await using var client = await world.ConnectTcpAsync(world.Rosnou);
        await client.ReadReplyAsync();
        (await client.CommandAsync("EHLO c.test")).Should().Contain("CHUNKING");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<student@rosnou.ru>");
        var part1 = "Subject: chunked\r\n\r\n.line\r\n";
        var part2 = "\r\n.\r\nend\r\n";
        (await client.CommandAsync($"BDAT {part1.Length}\r\n{part1.TrimEnd('\n').TrimEnd('\r')}")).Should().Be($"250 2.0.0 {part1.Length} octets received");
        (await client.CommandAsync($"BDAT {part2.Length} LAST\r\n{part2.TrimEnd('\n').TrimEnd('\r')}")).Should().StartWith("250 2.6.0");

        var stored = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Subject;
        Encoding.ASCII.GetString(stored.Data).Should().EndWith(part1 + part2);
    }
}
