using MailKit;
using MailLab.Integration.Tests.Pop3;
using Microsoft.Extensions.Time.Testing;

namespace MailLab.Integration.Tests.Imap;

/// <summary>
/// QRESYNC (RFC 7162 §3.2.5) after a restart with a data directory: UIDVALIDITY, UIDs, flags and
/// modification sequences survive, so a client that remembers them resynchronises with only the
/// changes (VANISHED and FETCH of the changed flags) instead of downloading the folder again.
/// </summary>
public sealed class ImapResyncTests : IDisposable
{
    private const string Student = ImapTestSupport.Student;
    private readonly string _dir = Directory.CreateTempSubdirectory("maillab-imap-resync-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task QResync_AfterRestart_ReportsOnlyWhatChanged()
    {
        uint validity;
        ulong modSeq;
        UniqueId[] known;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var server = await ImapTestSupport.StartOnAsync(_dir, clock))
        {
            var rosnou = server.World.FindHost("rosnou.ru")!;
            Pop3TestSupport.Seed(rosnou, Student, "one");
            Pop3TestSupport.Seed(rosnou, Student, "two");
            Pop3TestSupport.Seed(rosnou, Student, "three");
            using var client = await ImapTestSupport.StudentAsync(server);
            await client.EnableQuickResyncAsync();
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            validity = client.Inbox.UidValidity;
            modSeq = client.Inbox.HighestModSeq;
            known = [.. (await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId)).Select(s => s.UniqueId)];
            await client.DisconnectAsync(true);
        }

        await using (var server = await ImapTestSupport.StartOnAsync(_dir, clock))
        {
            // Changes while the client was away: one message flagged, one expunged.
            using (var other = await ImapTestSupport.StudentAsync(server))
            {
                await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
                await other.Inbox.AddFlagsAsync(known[0], MessageFlags.Flagged, silent: true);
                await other.Inbox.AddFlagsAsync(known[1], MessageFlags.Deleted, silent: true);
                await other.Inbox.ExpungeAsync();
                await other.DisconnectAsync(true);
            }

            using var client = await ImapTestSupport.StudentAsync(server);
            await client.EnableQuickResyncAsync();
            var vanished = new List<UniqueId>();
            var flagged = new List<UniqueId?>();
            client.Inbox.MessagesVanished += (_, e) => vanished.AddRange(e.UniqueIds);
            client.Inbox.MessageFlagsChanged += (_, e) => flagged.Add(e.UniqueId);

            await client.Inbox.OpenAsync(FolderAccess.ReadWrite, validity, modSeq, known);

            client.Inbox.UidValidity.Should().Be(validity, "UIDVALIDITY survives the restart");
            vanished.Should().Equal(known[1]);
            flagged.Should().Equal(known[0]);
            client.Inbox.Count.Should().Be(2);
            await client.DisconnectAsync(true);
        }
    }
}
