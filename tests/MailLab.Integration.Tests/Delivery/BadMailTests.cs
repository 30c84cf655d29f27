namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// Messages tab: what cannot be returned goes to Badmail as .BAD (the message) and .BDR (the
/// reason); every NDR is copied to "Send copy of Non-Delivery Report to".
/// </summary>
public sealed class BadMailTests
{
    private static string Yaml(string ndrCopyTo = "null") => $$"""
        hosts:
        {{Topologies.MailRu(ndrCopyTo: ndrCopyTo)}}
        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
        """;

    private const string NoRoute = "550 5.1.2 Host or domain name not found: void.example has no MX and no A record";

    [Fact]
    public async Task NullSenderMessageThatFails_GoesToBadMailAsBadAndBdr()
    {
        await using var world = await YamlWorld.StartAsync(Yaml("postmaster@mail.ru"));
        var id = await world.SendAsync("mail.ru", string.Empty, ["someone@void.example"], "a bounce", "ivan@mail.ru", "ivan123");
        await world.IdleAsync();

        var badMail = world.Vs("mail.ru").HomeDirectory.BadMail;
        badMail.Files.Select(f => f.Name).Should().Equal($"{id}.BAD", $"{id}.BDR");
        badMail.Find($"{id}.BAD")!.Message.Subject.Should().Be("a bounce");
        badMail.Find($"{id}.BAD")!.Reason.Should().BeNull();
        badMail.Find($"{id}.BDR")!.Reason.Should().Be($"Unable to deliver to <someone@void.example>: {NoRoute}\r\n");
        world.StageTexts(id).Should().ContainInOrder(
            $"mail.ru Failed: <someone@void.example>: {NoRoute}",
            $@"mail.ru MovedToBadMail: Moved to C:\Inetpub\mailroot\Badmail\{id}.BAD (the sender is <>, so it cannot be returned)");
        world.Stages(id).Should().NotContain("mail.ru NdrGenerated");
        world.Host("mail.ru").Mailboxes.All.Should().OnlyContain(m => m.Count == 0, "no NDR to <>, and so no copy either");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task NdrToAnUndeliverableSender_EndsInBadMail()
    {
        await using var world = await YamlWorld.StartAsync(Yaml());
        // Ivan (logged on, so he may relay) sends with a return path nobody can reach.
        var id = await world.SendAsync("mail.ru", "ghost@nowhere.example", ["someone@void.example"], "doubly lost", "ivan@mail.ru", "ivan123");
        await world.IdleAsync();

        var texts = world.StageTexts(id);
        texts.Should().Contain($"mail.ru Failed: <someone@void.example>: {NoRoute}");
        var ndrId = world.World.Trace.FindSummary(id)!.Notifications.Should().ContainSingle().Subject;
        texts[^1].Should().Be($"mail.ru NdrGenerated: Non-delivery report {ndrId} from <> to ghost@nowhere.example");

        // The NDR is a message of its own: its failure and its move to Badmail are in its own trace.
        world.StageTexts(ndrId).Should().ContainInOrder(
            $"mail.ru NdrGenerated: Non-delivery report {ndrId} about {id} (trace {id}) from <> to ghost@nowhere.example",
            "mail.ru MxLookup: MX nowhere.example: none; A: none",
            "mail.ru Failed: <ghost@nowhere.example>: 550 5.1.2 Host or domain name not found: nowhere.example has no MX and no A record",
            $@"mail.ru MovedToBadMail: Moved to C:\Inetpub\mailroot\Badmail\{ndrId}.BAD (the sender is <>, so it cannot be returned)");

        var badMail = world.Vs("mail.ru").HomeDirectory.BadMail;
        badMail.Files.Select(f => f.Name).Should().Equal($"{ndrId}.BAD", $"{ndrId}.BDR");
        badMail.Find($"{ndrId}.BDR")!.Reason.Should().Be(
            "Unable to deliver to <ghost@nowhere.example>: 550 5.1.2 Host or domain name not found: nowhere.example has no MX and no A record\r\n");
        var dsn = Dsn.Read(badMail.Find($"{ndrId}.BAD")!.Message);
        dsn.For("someone@void.example")["Status"].Should().Be("5.1.2");
        dsn.Returned.Subject.Should().Be("doubly lost", "the .BAD holds the NDR with the original message inside");
        world.Vs("mail.ru").Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task Ndr_IsCopiedToTheNdrCopyAddress()
    {
        await using var world = await YamlWorld.StartAsync(Yaml("postmaster@mail.ru"));
        var id = await world.SendAsIvanAsync("copied", "someone@void.example");
        await world.IdleAsync();

        var toIvan = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var copy = world.Host("mail.ru").Mailboxes.Find("postmaster@mail.ru")!.Messages.Should().ContainSingle().Subject;
        copy.Recipients.Should().Equal("postmaster@mail.ru");
        copy.Sender.Should().BeEmpty();
        copy.Data.Should().Equal(toIvan.Data, "the copy is the same report");
        Dsn.Read(copy).For("someone@void.example")["Status"].Should().Be("5.1.2");
        world.StageTexts(id).Where(t => t.StartsWith("mail.ru NdrGenerated", StringComparison.Ordinal)).Should().SatisfyRespectively(
            t => t.Should().MatchRegex(@"^mail\.ru NdrGenerated: Non-delivery report ML[0-9A-F]{8} from <> to ivan@mail\.ru$"),
            t => t.Should().MatchRegex(@"^mail\.ru NdrGenerated: Copy of the non-delivery report ML[0-9A-F]{8} from <> to postmaster@mail\.ru$"));
        world.Vs("mail.ru").HomeDirectory.BadMail.Count.Should().Be(0);
    }

    [Fact]
    public async Task DelayNotice_IsNotCopiedToTheNdrCopyAddress()
    {
        await using var world = await YamlWorld.StartAsync(Yaml("postmaster@mail.ru") + """

              - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
            """);
        // rosnou.ru's MX names a host with no address here: a transient failure (4.4.3), retried.
        await world.SendAsIvanAsync("slow", "student@rosnou.ru");
        await world.AdvanceAsync(TimeSpan.FromHours(13), TimeSpan.FromMinutes(15));

        var delay = world.Host("mail.ru").Mailboxes.Find("ivan@mail.ru")!.Messages.Should().ContainSingle().Subject;
        var group = Dsn.Read(delay).For("student@rosnou.ru");
        group["Action"].Should().Be("delayed");
        group["Status"].Should().Be("4.4.3");
        group["Will-Retry-Until"].Should().Be("Thu, 03 Sep 2026 09:00:00 +0000");
        world.Host("mail.ru").Mailboxes.Find("postmaster@mail.ru")!.Count.Should().Be(0);
    }
}
