using MailKit;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Pop3;

namespace MailLab.Integration.Tests.Imap;

/// <summary>POP3 and IMAP on one mailbox at once: a POP3 DELE (applied at QUIT, RFC 1939 §6) reaches an IMAP session as EXPUNGE.</summary>
public sealed class Pop3ImapConcurrencyTests
{
    private const string Student = ImapTestSupport.Student;

    [Fact]
    public async Task Pop3Dele_IsSeenAsExpunge_ByAnIdlingImapSession()
    {
        await using var world = await TestWorld.StartAsync();
        Pop3TestSupport.Seed(world.Rosnou, Student, "one");
        Pop3TestSupport.Seed(world.Rosnou, Student, "two");
        using var imap = await world.StudentAsync();
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        imap.Inbox.Count.Should().Be(2);
        var expunged = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        imap.Inbox.MessageExpunged += (_, e) => expunged.TrySetResult(e.Index);
        using var done = new CancellationTokenSource();
        var idle = imap.IdleAsync(done.Token);

        using (var pop3 = await world.ConnectPop3Async(world.Rosnou))
        {
            await pop3.AuthenticateAsync(Student, ImapTestSupport.StudentPassword);
            await pop3.DeleteMessageAsync(0);
            await pop3.DisconnectAsync(true);
        }

        var index = await expunged.Task.WaitAsync(TimeSpan.FromSeconds(20), TimeProvider.System);
        await done.CancelAsync();
        await idle;

        index.Should().Be(0);
        imap.Inbox.Count.Should().Be(1);
        (await imap.Inbox.GetMessageAsync(0)).Subject.Should().Be("two");
        await imap.DisconnectAsync(true);
    }
}
