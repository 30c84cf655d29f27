using System.Text;
using MailLab.Mail.Delivery;
using MailLab.Mail.Exchange;
using MailLab.Mail.Exchange.Settings;
using MailLab.Mail.Simulation;
using MailLab.Mail.Stores;
using MailLab.Mail.Topology;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;
using MimeKit;

namespace MailLab.Mail.Tests.Exchange;

/// <summary>
/// Mailboxes in the stores of an Exchange host: read from the topology, moved between stores,
/// gated by the Information Store (the Local Delivery queue), and held to the store's storage limits.
/// </summary>
public sealed class StoreMailboxesTests
{
    private const string Topology = """
        hosts:
          - name: rosnou.ru
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains: [{ name: rosnou.ru, type: local }]
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }
            exchange:
              organization: RosNOU
              edition: enterprise
              storageGroups:
                - name: First Storage Group
                  stores:
                    - name: Mailbox Store (ROSNOU)
                      kind: mailbox
                      mailboxes: [student@rosnou.ru]
                    - name: Staff
                      kind: mailbox
                      limits: { issueWarningKb: 2, prohibitSendAndReceiveKb: 4 }
                      mailboxes:
                        - { address: teacher@rosnou.ru }
        """;

    private readonly SimulationClock _clock = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheTopology_PutsEachMailboxOnItsStore_AndWritesItBack()
    {
        var world = Load();
        var exchange = world.FindHost("rosnou.ru")!.Exchange!;

        exchange.StoreOf("student@rosnou.ru")!.Name.Should().Be("Mailbox Store (ROSNOU)");
        exchange.StoreOf("TEACHER@rosnou.ru")!.Name.Should().Be("Staff");
        exchange.FindStore("Staff")!.Limits.Should().Be(StoreLimits.Defaults with { IssueWarningKb = 2, ProhibitSendAndReceiveKb = 4 });

        exchange.ConfigureMailboxLimits("teacher@rosnou.ru", _ => new MailboxLimits(false, null, 300, 500));
        var again = TopologyLoader.LoadText(TopologyWriter.Write(world), "again.yaml", _clock).FindHost("rosnou.ru")!.Exchange!;
        again.Mailboxes.Select(m => (m.Address, m.Store.Name)).Should().Equal(("student@rosnou.ru", "Mailbox Store (ROSNOU)"), ("teacher@rosnou.ru", "Staff"));
        again.FindStore("Staff")!.Limits.ProhibitSendAndReceiveKb.Should().Be(4);
        again.FindMailbox("teacher@rosnou.ru")!.Limits.Should().Be(new MailboxLimits(false, null, 300, 500));
        again.FindMailbox("student@rosnou.ru")!.Limits.Should().Be(MailboxLimits.Defaults);
    }

    [Fact]
    public void AnAccountOnNoStore_IsAnErrorOfTheFile()
    {
        var errors = TopologyText.Errors(Topology.Replace("mailboxes: [student@rosnou.ru]", "mailboxes: []", StringComparison.Ordinal));

        errors.Should().ContainSingle().Which.Should().Contain("student@rosnou.ru is an account of this Exchange server on no mailbox store");
    }

    [Fact]
    public void AMailboxOfNoAccount_IsAnErrorOfTheFile()
    {
        var errors = TopologyText.Errors(Topology.Replace("[student@rosnou.ru]", "[student@rosnou.ru, nobody@rosnou.ru]", StringComparison.Ordinal));

        errors.Should().ContainSingle().Which.Should().Contain("nobody@rosnou.ru is not an account of rosnou.ru");
    }

    [Fact]
    public void WithoutStorageGroups_TheAccountsAreOnSetupsMailboxStore()
    {
        var world = TopologyText.Load("""
            hosts:
              - name: rosnou.ru
                accounts: [{ address: student@rosnou.ru, password: student123 }]
                exchange: { organization: RosNOU }
            """);

        world.FindHost("rosnou.ru")!.Exchange!.StoreOf("student@rosnou.ru")!.Name.Should().Be("Mailbox Store (ROSNOU)");
    }

    [Fact]
    public async Task MoveMailbox_KeepsTheMessages_GrowsTheTarget_AndTracesTheMove()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        var message = await DeliverAsync(world, "student@rosnou.ru", "Before the move");
        var staff = exchange.FindStore("Staff")!;
        var before = staff.StreamingBytes;

        exchange.MoveMailbox("student@rosnou.ru", staff);

        exchange.StoreOf("student@rosnou.ru").Should().BeSameAs(staff);
        host.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Should().BeSameAs(message);
        staff.StreamingBytes.Should().BeGreaterThan(before);
        world.Trace.ForTrace(message.TraceId).Should().Contain(e => e.Kind == TraceKind.MailboxMoved && e.Text.Contains("to \"Staff\"", StringComparison.Ordinal));
        exchange.Invoking(e => e.MoveMailbox("student@rosnou.ru", staff)).Should().Throw<ExchangeAdminException>().WithMessage("*already on \"Staff\"*");
    }

    [Fact]
    public async Task ADismountedStore_HoldsTheMailInTheLocalDeliveryQueue_UntilItMounts_ThenDeliversItOnce()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        var vs = host.Smtp.VirtualServers[0];
        exchange.Dismount(exchange.FindStore("Mailbox Store (ROSNOU)")!);

        var message = await DeliverAsync(world, "student@rosnou.ru", "While dismounted");

        host.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(0);
        var entry = vs.Queue.Entries.Should().ContainSingle().Subject;
        vs.Queue.QueueName(entry).Should().Be("rosnou.ru (Local Delivery)");
        entry.LastErrors["student@rosnou.ru"].ToString().Should().Contain("The store \"Mailbox Store (ROSNOU)\" is dismounted");
        world.Trace.ForTrace(message.TraceId).Should().Contain(e => e.Kind == TraceKind.Deferred && e.Text.Contains("rosnou.ru (Local Delivery)", StringComparison.Ordinal));
        world.Trace.ForTrace(message.TraceId).Should().NotContain(e => e.Kind == TraceKind.Failed || e.Kind == TraceKind.NdrGenerated);

        exchange.Mount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        await world.Work.WhenIdleAsync();
        exchange.Mount(exchange.FindStore("Mailbox Store (ROSNOU)")!);
        await world.Work.WhenIdleAsync();

        vs.Queue.Count.Should().Be(0);
        host.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("While dismounted");
    }

    [Fact]
    public async Task AStoppedInformationStore_HoldsTheMail_AndStartingItDeliversIt()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        exchange.Services.Stop(ExchangeServiceNames.InformationStore, stopDependents: true);

        await DeliverAsync(world, "teacher@rosnou.ru", "IS stopped");

        host.Smtp.VirtualServers[0].Queue.Entries.Single().LastErrors["teacher@rosnou.ru"].ToString().Should().Contain("Information Store service is not running");
        exchange.Services.Start(ExchangeServiceNames.InformationStore);
        await world.Work.WhenIdleAsync();

        host.Mailboxes.Find("teacher@rosnou.ru")!.Count.Should().Be(1);
        host.Smtp.VirtualServers[0].Queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task OverProhibitSendAndReceive_TheSenderGetsA522Ndr()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        await DeliverAsync(world, "teacher@rosnou.ru", "Big", from: "student@rosnou.ru", bodyKb: 5);

        await DeliverAsync(world, "teacher@rosnou.ru", "One too many", from: "student@rosnou.ru");

        host.Mailboxes.Find("teacher@rosnou.ru")!.Messages.Select(m => m.Subject).Should().NotContain("One too many");
        var ndr = host.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle(m => m.Sender.Length == 0).Subject;
        Encoding.ASCII.GetString(ndr.Data).Should().Contain("Status: 5.2.2").And.Contain("mailbox is full");
    }

    [Fact]
    public async Task OverTheWarningLimit_TheSystemAttendantWarnsOncePerInterval()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        exchange.ConfigureLimits(exchange.FindStore("Staff")!, l => l with { ProhibitSendAndReceiveKb = null });

        await DeliverAsync(world, "teacher@rosnou.ru", "Big", bodyKb: 3);
        await DeliverAsync(world, "teacher@rosnou.ru", "Second");
        Warnings(host).Should().Be(1);

        await _clock.AdvanceAsync(TimeSpan.FromHours(24), world.Work.WhenIdleAsync);
        await DeliverAsync(world, "teacher@rosnou.ru", "Next day");

        Warnings(host).Should().Be(2);
        var warning = host.Mailboxes.Find("teacher@rosnou.ru")!.Messages.First(m => m.Subject == "Your mailbox is over its size limit");
        Encoding.ASCII.GetString(warning.Data).Should().Contain("You will receive a warning when your mailbox reaches 2 KB.");
    }

    [Fact]
    public void AUsersOwnLimits_ReplaceTheStoresWhenTheDefaultsAreCleared()
    {
        var exchange = Load().FindHost("rosnou.ru")!.Exchange!;
        var teacher = exchange.FindMailbox("teacher@rosnou.ru")!;

        exchange.ConfigureMailboxLimits("teacher@rosnou.ru", l => MailboxLimitSettings.Apply(l, [new("prohibitSendAndReceiveKb", "100")]));
        ExchangeServer.EffectiveLimits(teacher).SendAndReceiveKb.Should().Be(4);

        exchange.ConfigureMailboxLimits("teacher@rosnou.ru", l => MailboxLimitSettings.Apply(l, [new("useStoreDefaults", "false")]));
        ExchangeServer.EffectiveLimits(teacher).SendAndReceiveKb.Should().Be(100);
        FluentActions.Invoking(() => StoreLimitSettings.Find("prohibitSend")).Should().Throw<Mail.Settings.InvalidSettingException>().WithMessage("*prohibitSendKb*");
    }

    [Fact]
    public async Task DeleteMailbox_ReturnsMailToTheUserWith511_AndKeepsTheMailboxDisconnectedForTheRetentionDays()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        var store = exchange.FindStore("Mailbox Store (ROSNOU)")!;
        await DeliverAsync(world, "student@rosnou.ru", "Kept until purged", from: "teacher@rosnou.ru");

        var deleted = exchange.DeleteMailbox("student@rosnou.ru");
        await DeliverAsync(world, "student@rosnou.ru", "After the delete", from: "teacher@rosnou.ru");

        host.Accounts.Find("student@rosnou.ru").Should().NotBeNull("Delete Mailbox keeps the user");
        host.Mailboxes.Find("student@rosnou.ru").Should().BeNull();
        var ndr = host.Mailboxes.Find("teacher@rosnou.ru")!.Messages.Should().ContainSingle(m => m.Sender.Length == 0).Subject;
        Encoding.ASCII.GetString(ndr.Data).Should().Contain("Status: 5.1.1").And.Contain("The e-mail account does not exist at the organization");
        deleted.PurgeAfter.Should().Be(_clock.GetUtcNow() + TimeSpan.FromDays(30));
        exchange.DeletedMailboxesOn(store).Should().ContainSingle().Which.TotalItems.Should().Be(1);

        await _clock.AdvanceAsync(TimeSpan.FromDays(29), world.Work.WhenIdleAsync);
        exchange.DeletedMailboxesOn(store).Should().ContainSingle();
        await _clock.AdvanceAsync(TimeSpan.FromDays(1), world.Work.WhenIdleAsync);
        exchange.DeletedMailboxesOn(store).Should().BeEmpty("the store purges it after \"Keep deleted mailboxes for (days)\"");
    }

    [Fact]
    public void ADeletedMailbox_IsWrittenAsAnAccountWithoutAMailbox_AndCreateMailboxGivesItANewOne()
    {
        var world = Load();
        var exchange = world.FindHost("rosnou.ru")!.Exchange!;
        exchange.DeleteMailbox("student@rosnou.ru");

        var again = TopologyLoader.LoadText(TopologyWriter.Write(world), "again.yaml", _clock).FindHost("rosnou.ru")!;
        again.Exchange!.FindMailbox("student@rosnou.ru").Should().BeNull();
        again.Accounts.Find("student@rosnou.ru").Should().NotBeNull();

        var made = again.Exchange.CreateMailbox("student@rosnou.ru", again.Exchange.FindStore("Staff")!, alias: "petrov");
        made.Store.Name.Should().Be("Staff");
        again.Mailboxes.Find("student@rosnou.ru").Should().NotBeNull();
        Mail.Recipients.HostDirectory.Of(again).FindRecipient("petrov")!.Should().BeOfType<Mail.Recipients.DirectoryUser>().Which.Account.Should().Be("student@rosnou.ru");
        FluentActions.Invoking(() => again.Exchange.CreateMailbox("student@rosnou.ru", again.Exchange.FindStore("Staff")!, alias: null))
            .Should().Throw<ExchangeAdminException>().WithMessage("student@rosnou.ru already has a mailbox on \"Staff\".");
        again.Exchange.DeleteMailbox("teacher@rosnou.ru");
        FluentActions.Invoking(() => again.Exchange.CreateMailbox("teacher@rosnou.ru", again.Exchange.FindStore("Staff")!, alias: "petrov"))
            .Should().Throw<Mail.Recipients.RecipientAdminException>().WithMessage("The alias \"petrov\" is already used by *");
        again.Exchange.FindMailbox("teacher@rosnou.ru").Should().BeNull("a refused alias creates nothing");
    }

    [Fact]
    public async Task Reconnect_GivesTheDisconnectedMailboxBack_WithItsFoldersAndFlags_AndRefusesWhatExchangeRefuses()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        var store = exchange.FindStore("Mailbox Store (ROSNOU)")!;
        await DeliverAsync(world, "student@rosnou.ru", "Kept while disconnected", from: "teacher@rosnou.ru");
        var held = host.Mailboxes.Find("student@rosnou.ru")!;
        var first = held.Inbox.Messages.Single();
        held.SetFlags(held.Inbox, [first.Uid], FlagOperation.Add, MessageFlags.Seen, []);
        held.Append(held.CreateFolder("Work/Projects"), first.Message, MessageFlags.Flagged, ["$Label1"], first.InternalDate);

        exchange.DeleteMailbox("student@rosnou.ru");
        exchange.DeletedMailboxesOn(store).Should().ContainSingle().Which.Should().Match<DeletedMailbox>(d => d.TotalItems == 2 && d.SizeBytes == 2 * first.Size);
        exchange.Unavailable("student@rosnou.ru").Should().BeNull("a user without a mailbox is on no store");

        var reconnect = (string user, ExchangeStore on) => FluentActions.Invoking(() => exchange.ReconnectMailbox(on, "student@rosnou.ru", user));
        reconnect("teacher@rosnou.ru", store).Should().Throw<ExchangeAdminException>()
            .WithMessage("teacher@rosnou.ru already has a mailbox on \"Staff\": Reconnect needs a user without a mailbox.");
        reconnect("nobody@rosnou.ru", store).Should().Throw<ExchangeAdminException>().WithMessage("There is no user nobody@rosnou.ru in the directory of rosnou.ru*");
        reconnect("student@rosnou.ru", exchange.FindStore("Staff")!).Should().Throw<ExchangeAdminException>()
            .WithMessage("There is no disconnected mailbox student@rosnou.ru on \"Staff\".");
        exchange.Dismount(store);
        reconnect("student@rosnou.ru", store).Should().Throw<ExchangeAdminException>()
            .WithMessage("The mailbox cannot be reconnected: The store \"Mailbox Store (ROSNOU)\" is dismounted.");
        exchange.Mount(store);
        exchange.DeletedMailboxesOn(store).Should().ContainSingle("a refused Reconnect changes nothing");

        var back = exchange.ReconnectMailbox(store, "STUDENT@rosnou.ru", "Student@rosnou.ru");
        back.Should().Match<ExchangeMailbox>(m => m.Address == "student@rosnou.ru" && m.Store == store);
        exchange.DeletedMailboxesOn(store).Should().BeEmpty();
        var again = host.Mailboxes.Find("student@rosnou.ru")!;
        again.Inbox.Messages.Should().ContainSingle().Which.Should().Match<FolderMessage>(m => m.Message.Id == first.Message.Id && m.IsSeen);
        again.FindFolder("Work/Projects")!.Messages.Should().ContainSingle().Which.Should().Match<FolderMessage>(m => m.Flags == MessageFlags.Flagged && m.HasKeyword("$Label1"));
        await DeliverAsync(world, "student@rosnou.ru", "After the reconnect", from: "teacher@rosnou.ru");
        again.Count.Should().Be(2, "mail to the user is delivered again");
    }

    [Fact]
    public async Task Reconnect_ToAnotherUserWithoutAMailbox_MakesThatUserItsOwner_OnTheSameStore()
    {
        var world = Load();
        var host = world.FindHost("rosnou.ru")!;
        var exchange = host.Exchange!;
        var staff = exchange.FindStore("Staff")!;
        await DeliverAsync(world, "teacher@rosnou.ru", "Exam questions", from: "student@rosnou.ru");
        exchange.DeleteMailbox("teacher@rosnou.ru");
        exchange.DeleteMailbox("student@rosnou.ru");

        exchange.ReconnectMailbox(staff, "teacher@rosnou.ru", "student@rosnou.ru").Store.Should().Be(staff);

        host.Mailboxes.Find("student@rosnou.ru")!.Messages.Should().ContainSingle().Which.Subject.Should().Be("Exam questions");
        exchange.FindMailbox("teacher@rosnou.ru").Should().BeNull();
        exchange.DeletedMailboxesOn(exchange.FindStore("Mailbox Store (ROSNOU)")!).Should().ContainSingle("student's own disconnected mailbox stays");
    }

    private static int Warnings(MailHost host) =>
        host.Mailboxes.Find("teacher@rosnou.ru")!.Messages.Count(m => m.Subject == "Your mailbox is over its size limit");

    private MailWorld Load() => TopologyLoader.LoadText(Topology, TopologyText.SourceName, _clock);

    /// <summary>A message accepted by the host's virtual server, through the dispatcher as the acceptor hands it on.</summary>
    private static async Task<StoredMessage> DeliverAsync(MailWorld world, string to, string subject, string from = "ivan@mail.ru", int bodyKb = 0)
    {
        var host = world.FindHost("rosnou.ru")!;
        var mime = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = new string('x', bodyKb * 1024) + "\r\n" } };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(to));
        using var stream = new MemoryStream();
        await mime.WriteToAsync(stream);
        var message = new StoredMessage(world.NextMessageSequence(), host.Name, from, [to], stream.ToArray(), world.Clock.GetUtcNow());
        world.Trace.Register(new TraceSummary(message));
        Dispatcher.Dispatch(host.Smtp.VirtualServers[0], message);
        await world.Work.WhenIdleAsync();
        return message;
    }
}
