using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Scenarios.Driver;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>
/// The shipped exchange-rosnou.yaml over TCP: Python's smtplib sends to the distribution group
/// "students" and to the secondary proxy address the recipient policy gives each user
/// (given.surname@rosnou.ru), and each mailbox holds what Exchange's categorizer sent it.
/// </summary>
public sealed class ExchangeRosnouPythonTests
{
    [Fact]
    public async Task PythonSmtplib_ToTheGroupAndToASecondaryProxy_ReachesTheMembersMailboxes()
    {
        var yaml = await File.ReadAllTextAsync(TopologyFiles.Resolve("scenarios/topologies/exchange-rosnou.yaml", null));
        await using var world = await YamlWorld.StartAsync(yaml, listenOnTcp: true);
        var port = world.TcpEndPoint("rosnou.ru").Port;
        var script = $$"""
            import smtplib
            s = smtplib.SMTP("127.0.0.1", {{port}}, local_hostname="python.test")
            s.sendmail("someone@example.org", ["students@rosnou.ru"], b"Subject: to the group\r\n\r\nhello students\r\n")
            s.sendmail("someone@example.org", ["anna.ivanova@rosnou.ru", "petr.sidorov@rosnou.ru"], b"Subject: to the proxies\r\n\r\nhello\r\n")
            s.quit()
            """;
        var (exit, output) = await ProcessRunner.RunAsync("python3", "-", script);
        exit.Should().Be(0, output);
        await world.IdleAsync();

        var rosnou = world.Host("rosnou.ru");
        rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Select(m => m.Subject).Should().BeEquivalentTo("to the group", "to the proxies");
        rosnou.Mailboxes.Find("teacher@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("to the proxies");
        rosnou.Mailboxes.Find("student@rosnou.ru")!.Messages.Single(m => m.Subject == "to the proxies").Recipients
            .Should().BeEquivalentTo(["student@rosnou.ru", "teacher@rosnou.ru"], "the envelope names the mailboxes, not the proxy addresses");
        world.Vs("rosnou.ru").HomeDirectory.Drop.Files.Should().BeEmpty("every address was a recipient of the directory");
    }
}
