using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>MailKit's Pop3Client against the POP3 TCP listener of rosnou.ru.</summary>
public sealed class Pop3MailKitTests
{
    private const string Student = "student@rosnou.ru";

    [Fact]
    public async Task CanonicalFlow_SmtpToMailRu_RelayedThenFetchedOverPop3WithStls_TraceEndsWithRetrieval()
    {
        await using var world = await TestWorld.StartAsync();
        await DeliveryPipelineTests.SubmitAsIvanAsync(world, Student, "Лабораторная 4");
        await world.World.Work.WhenIdleAsync();

        using var client = await world.ConnectPop3Async(world.Rosnou, SecureSocketOptions.StartTls);
        client.IsSecure.Should().BeTrue();
        await client.AuthenticateAsync(Student, "student123");
        client.Count.Should().Be(1);
        var message = await client.GetMessageAsync(0);
        message.Subject.Should().Be("Лабораторная 4");
        await client.DisconnectAsync(true);

        var stored = world.Rosnou.Mailboxes.Find(Student)!.Messages.Should().ContainSingle().Subject;
        var last = world.World.Trace.ForTrace(stored.TraceId).Where(e => !TraceLog.IsProtocol(e.Kind)).Last();
        last.Kind.Should().Be(TraceKind.RetrievedByPop3);
        last.Host.Should().Be("rosnou.ru");
        last.Text.Should().Be("Retrieved by POP3 by student@rosnou.ru");
    }

    [Fact]
    public async Task Logon_WithBareUserName_StatListUidlRetrAndTop()
    {
        await using var world = await TestWorld.StartAsync();
        var first = Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        var second = Pop3TestSupport.Seed(world.Rosnou, Student, "two");

        using var client = await world.ConnectPop3Async(world.Rosnou);
        await client.AuthenticateAsync("student", "student123");
        client.Count.Should().Be(2);
        (await client.GetMessageSizesAsync()).Should().Equal(first.Data.Length, second.Data.Length);
        (await client.GetMessageUidsAsync()).Should().Equal(first.Id, second.Id);

        // RETR un-stuffs the body line that starts with "." (RFC 1939 §3), byte for byte.
        using var raw = await client.GetStreamAsync(1);
        using var copy = new MemoryStream();
        await raw.CopyToAsync(copy);
        copy.ToArray().Should().Equal(second.Data);

        var headers = await client.GetMessageHeadersAsync(0);
        headers["Subject"].Should().Be("one");
        await client.DisconnectAsync(true);
        world.Rosnou.Mailboxes.Find(Student)!.Count.Should().Be(2, "nothing was deleted");
    }

    [Fact]
    public async Task DeleAndQuit_RemovesTheMessage_ButCloseWithoutQuitKeepsIt()
    {
        await using var world = await TestWorld.StartAsync();
        var first = Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        var second = Pop3TestSupport.Seed(world.Rosnou, Student, "two");

        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            await client.AuthenticateAsync(Student, "student123");
            await client.DeleteMessageAsync(1);
            await client.DisconnectAsync(false);
        }

        await Pop3TestSupport.WaitUnlockedAsync(world.Rosnou, Student);
        world.Rosnou.Mailboxes.Find(Student)!.Messages.Should().Equal(first, second);

        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            await client.AuthenticateAsync(Student, "student123");
            await client.DeleteMessageAsync(0);
            await client.DisconnectAsync(true);
        }

        world.Rosnou.Mailboxes.Find(Student)!.Messages.Should().Equal(second);
        world.World.Trace.ForTrace(first.TraceId).Select(e => e.Kind).Should().Contain(TraceKind.DeletedByPop3);
    }

    [Fact]
    public async Task SecondConcurrentLogon_GetsInUse_UntilTheFirstQuits()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "one");

        using var first = await world.ConnectPop3Async(world.Rosnou);
        await first.AuthenticateAsync(Student, "student123");

        using var second = await world.ConnectPop3Async(world.Rosnou);
        var logon = () => second.AuthenticateAsync(Student, "student123");
        await logon.Should().ThrowAsync<AuthenticationException>();
        world.World.Trace.Snapshot().Should().Contain(e => e.Kind == TraceKind.ServerReply && e.Text.StartsWith("-ERR [IN-USE]", StringComparison.Ordinal));

        await first.DisconnectAsync(true);
        await logon.Should().NotThrowAsync();
        second.Count.Should().Be(1);
        await second.DisconnectAsync(true);
    }

    [Fact]
    public async Task WrongPassword_Throws_AndTheTranscriptHidesThePassword()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.ConnectPop3Async(world.Rosnou);
        var logon = () => client.AuthenticateAsync(Student, "wrong-secret");
        await logon.Should().ThrowAsync<AuthenticationException>();
        world.World.Trace.Snapshot().Should().NotContain(e => e.Text.Contains("wrong-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MailRu_HasItsOwnPop3Listener_ForIvan()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.MailRu, "ivan@mail.ru", "for ivan");
        using var client = await world.ConnectPop3Async(world.MailRu);
        await client.AuthenticateAsync("ivan@mail.ru", "ivan123");
        client.Count.Should().Be(1);
        (await client.GetMessageAsync(0)).Subject.Should().Be("for ivan");
        await client.DisconnectAsync(true);
    }
}
