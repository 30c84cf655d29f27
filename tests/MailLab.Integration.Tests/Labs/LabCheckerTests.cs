using MailLab.Integration.Tests.Infrastructure;
using MailLab.Scenarios.Labs;

namespace MailLab.Integration.Tests.Labs;

/// <summary>
/// Checks that read mailboxes, run on a live world, leave them as they were: the message stays
/// unseen and recent for the student's next IMAP session (RFC 3501 §2.3.2), the trace gets no event.
/// </summary>
public sealed class LabCheckerTests
{
    [Fact]
    public async Task MailboxChecks_OnALiveWorld_LeaveSeenAndRecentAsTheyWere()
    {
        await using var world = await TestWorld.StartAsync();
        await MailKitClients.SubmitAsIvanAsync(world.Server, world.EndPoint(world.MailRu), "student@rosnou.ru", "Read me later");
        await world.World.Work.WhenIdleAsync();
        var mailbox = world.Rosnou.Mailboxes.Find("student@rosnou.ru")!;
        mailbox.Inbox.Messages.Should().ContainSingle().Which.IsSeen.Should().BeFalse();
        var recent = mailbox.FirstUnclaimedRecent(mailbox.Inbox);
        var events = world.World.Trace.Views.LastSequence();

        var report = await new LabChecker().CheckAsync(Lab(
            "the mailbox \"student@rosnou.ru\" contains 1 message",
            "the mailbox \"student@rosnou.ru\" contains a message with subject \"Read me later\"",
            "the folder \"INBOX\" of \"student@rosnou.ru\" contains 1 message",
            "the message \"Read me later\" in the folder \"INBOX\" of \"student@rosnou.ru\" does not have the flag \"\\Seen\"",
            "the message \"Read me later\" travelled through \"mail.ru\", \"rosnou.ru\"",
            "the queue of \"mail.ru\" holds 0 messages"), world.Server, "en");

        report.Tasks.Where(t => !t.Passed).Select(t => $"{t.Check}: {t.Message}").Should().BeEmpty();
        mailbox.Inbox.Messages.Single().IsSeen.Should().BeFalse();
        mailbox.FirstUnclaimedRecent(mailbox.Inbox).Should().Be(recent, "no session claimed the message's \\Recent");
        world.World.Trace.Views.LastSequence().Should().Be(events);
    }

    [Fact]
    public async Task AFailedCheck_SaysWhatWasExpectedAndWhatIsThere_InTheReportsLanguage()
    {
        await using var world = await TestWorld.StartAsync();
        var lab = Lab("the mailbox \"student@rosnou.ru\" contains 2 messages", "the queue of \"nowhere.ru\" holds 0 messages");
        var report = await new LabChecker().CheckAsync(lab, world.Server, "ru");

        report.Language.Should().Be("ru");
        report.Passed.Should().BeFalse();
        report.Tasks[0].Should().BeEquivalentTo(new { Id = "t1", Text = "задание 1", Passed = false, Message = "В почтовом ящике \"student@rosnou.ru\" 0 писем, а не 2.", Expected = "2 письма", Actual = "писем нет" });
        report.Tasks[1].Message.Should().StartWith("В топологии нет хоста \"nowhere.ru\"");
        report.Tasks[1].Expected.Should().BeNull();

        var english = await new LabChecker().CheckAsync(lab, world.Server, "en");
        english.Tasks[0].Should().BeEquivalentTo(new { Id = "t1", Text = "task 1", Passed = false, Message = "The mailbox \"student@rosnou.ru\" holds 0 messages, not 2.", Expected = "2 messages", Actual = "no messages" });
        english.Tasks[1].Message.Should().StartWith("There is no host \"nowhere.ru\" in the topology");
    }

    [Fact]
    public async Task AStateCheck_InRussian_NamesTheStatesInRussian_AndKeepsTheValues()
    {
        await using var world = await TestWorld.StartAsync();
        world.Rosnou.Smtp.Pause();
        var report = await new LabChecker().CheckAsync(Lab(
            "the virtual server \"Default SMTP Virtual Server\" on \"rosnou.ru\" is stopped",
            "the SMTP service on \"rosnou.ru\" is running",
            "on \"rosnou.ru\" the virtual server \"Default SMTP Virtual Server\" has \"maxMessageSizeKb\" set to \"1\""), world.Server, "ru");

        report.Tasks[0].Should().BeEquivalentTo(new
        {
            Message = "Виртуальный сервер \"Default SMTP Virtual Server\" на rosnou.ru приостановлен (его собственное состояние — запущен, служба SMTP приостановлена).",
            Expected = "остановлен",
            Actual = "приостановлен (его собственное состояние — запущен, служба SMTP приостановлена)",
        });
        report.Tasks[1].Should().BeEquivalentTo(new { Message = "Служба SMTP на rosnou.ru приостановлена.", Expected = "запущена", Actual = "приостановлена" });
        report.Tasks[2].Message.Should().StartWith("На rosnou.ru у виртуального сервера \"Default SMTP Virtual Server\" maxMessageSizeKb = ");
        report.Tasks[2].Expected.Should().Be("maxMessageSizeKb = 1", "a setting's value stays as the world prints it");
    }

    private static Lab Lab(params string[] checks) =>
        new("99-test", 1, "Электронная почта", new LocalText("тест", "test"), 5, AppContext.BaseDirectory, "topology.yaml",
            checks.Select((c, i) => new LabTask($"t{i + 1}", new LocalText($"задание {i + 1}", $"task {i + 1}"), c)).ToArray());
}
