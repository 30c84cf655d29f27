namespace MailLab.Mail.Tests.Persistence;

/// <summary>A relay's relayed.log: what a middle hop remembers of entries that left its queue, read back after a crash.</summary>
public sealed class RelayedHopsTests : IDisposable
{
    private readonly DataDirectoryFixture _data = new();

    [Fact]
    public void ALastLineCutShortByACrash_IsDropped_AndTheRestIsRemembered()
    {
        var log = _data.PathOf("mail.ru", "mailroot", "relayed.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "relay.example/ML0000000A\tstudent@rosnou.ru petr@rosnou.ru\nrelay.example/ML0000000B\tanna@ros");

        var (world, _) = _data.Open();
        var persistence = DataDirectoryFixture.Vs(world, "mail.ru").HomeDirectory.Persistence!;

        persistence.WasRelayed("relay.example/ML0000000A", "PETR@rosnou.ru").Should().BeTrue();
        persistence.WasRelayed("relay.example/ML0000000A", "anna@rosnou.ru").Should().BeFalse("not one of that entry's recipients");
        persistence.WasRelayed("relay.example/ML0000000B", "anna@ros").Should().BeFalse("a torn line is not a record");
        File.ReadAllText(log).Should().Be("relay.example/ML0000000A\tstudent@rosnou.ru petr@rosnou.ru\n", "rewritten without the torn line, so the next append starts a line");
    }

    [Fact]
    public void AQueueEntryFromAnotherHop_IsRecordedWhenItLeavesTheQueue_AndReadBack()
    {
        var (world, _) = _data.Open();
        var queue = DataDirectoryFixture.Vs(world, "mail.ru").HomeDirectory.Queue;
        var data = System.Text.Encoding.ASCII.GetBytes(
            "Received: from a by mail.ru with ESMTP id ML00000002; Tue, 1 Sep 2026 09:00:00 +0000\r\n" +
            "Received: from b by relay.example with ESMTP id ML000000FF; Tue, 1 Sep 2026 09:00:00 +0000\r\nSubject: s\r\n\r\nx\r\n");
        var message = new Stores.StoredMessage(world.NextMessageSequence(), "mail.ru", "ivan@relay.example", ["student@rosnou.ru"], data, world.Clock.GetUtcNow());
        var local = DataDirectoryFixture.Message(world, "mail.ru", "ivan@mail.ru", ["student@rosnou.ru"], "submitted here");
        queue.Add(new Stores.MailFile($"{message.Id}.eml", message.Received, message));
        queue.Add(new Stores.MailFile($"{local.Id}.eml", local.Received, local));

        queue.Remove($"{message.Id}.eml");
        queue.Remove($"{local.Id}.eml");

        File.ReadAllText(_data.PathOf("mail.ru", "mailroot", "relayed.log")).Should().Be("relay.example/ML000000FF\tstudent@rosnou.ru\n", "mail submitted here has no previous hop");
        var (again, _) = _data.Open();
        DataDirectoryFixture.Vs(again, "mail.ru").HomeDirectory.Persistence!.WasRelayed("relay.example/ML000000FF", "student@rosnou.ru").Should().BeTrue();
    }

    public void Dispose() => _data.Dispose();
}
