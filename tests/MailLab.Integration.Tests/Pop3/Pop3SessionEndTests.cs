using System.Text;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>The in-memory transport: idle time-out on the world clock, administrator locks.</summary>
public sealed class Pop3SessionEndTests
{
    private const string Student = "student@rosnou.ru";

    [Fact]
    public async Task IdleTenMinutes_ClosesWithoutUpdate_AndReleasesTheMaildrop()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        await using var stream = world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        (await reader.ReadLineAsync()).Should().StartWith("+OK rosnou.ru POP3 server ready <");
        await WriteAsync(stream, "USER student\r\nPASS student123\r\nDELE 1\r\n");
        (await reader.ReadLineAsync()).Should().StartWith("+OK");
        (await reader.ReadLineAsync()).Should().StartWith("+OK maildrop has 1 message");
        (await reader.ReadLineAsync()).Should().Be("+OK message 1 deleted");
        world.Rosnou.Pop3.MaildropLocks.IsLocked(Student).Should().BeTrue();

        world.Clock.Advance(TimeSpan.FromMinutes(9));
        world.Rosnou.Pop3.MaildropLocks.IsLocked(Student).Should().BeTrue("the autologout timer is 10 minutes");
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        (await reader.ReadLineAsync()).Should().BeNull("the server closes without a response (RFC 1939 §3)");
        world.Rosnou.Pop3.MaildropLocks.IsLocked(Student).Should().BeFalse();
        world.Rosnou.Mailboxes.Find(Student)!.Count.Should().Be(1, "DELE without QUIT deletes nothing");
    }

    [Fact]
    public async Task LockedMailbox_RefusesLogonWithAuth_ButStillReceivesMail()
    {
        await using var world = await TestWorld.StartAsync();
        world.Rosnou.Pop3.Lock(Student);
        Pop3TestSupport.Seed(world.Rosnou, Student, "still arrives");

        await using var stream = world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await reader.ReadLineAsync();
        await WriteAsync(stream, "USER student@rosnou.ru\r\nPASS student123\r\n");
        await reader.ReadLineAsync();
        (await reader.ReadLineAsync()).Should().StartWith("-ERR [AUTH]");

        world.Rosnou.Pop3.Unlock(Student);
        await WriteAsync(stream, "USER student@rosnou.ru\r\nPASS student123\r\nQUIT\r\n");
        await reader.ReadLineAsync();
        (await reader.ReadLineAsync()).Should().StartWith("+OK maildrop has 1 message");
    }

    private static async Task WriteAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
        await stream.FlushAsync();
    }
}
