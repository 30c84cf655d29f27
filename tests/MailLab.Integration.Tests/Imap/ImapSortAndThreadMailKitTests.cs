using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailLab.Integration.Tests.Infrastructure;
using MimeKit;

namespace MailLab.Integration.Tests.Imap;

/// <summary>MailKit's ImapFolder.Sort and Thread (SORT and THREAD, RFC 5256; ESORT, RFC 5267; SORT=DISPLAY, RFC 5957) against the host's IMAP listener.</summary>
public sealed class ImapSortAndThreadMailKitTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<UniqueId>> AppendAsync(IMailFolder folder)
    {
        (string From, string Subject, int Hours)[] messages =
        [
            ("Zoe <zoe@mail.ru>", "Re: budget", 3),
            ("adam@mail.ru", "[lab] Agenda", 1),
            ("Boris <boris@mail.ru>", "Fwd: agenda (fwd)", 2),
        ];
        var uids = new List<UniqueId>();
        foreach (var (from, subject, hours) in messages)
        {
            var message = new MimeMessage([InternetAddress.Parse(from)], [MailboxAddress.Parse(ImapTestSupport.Student)], subject, new TextPart("plain") { Text = subject })
            {
                Date = Day.AddHours(hours),
            };
            uids.Add((await folder.AppendAsync(message, MessageFlags.None))!.Value);
        }

        return uids;
    }

    [Fact]
    public async Task Sort_ByEachOrder_AnswersInTheServersOrder()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.StudentAsync();
        client.Capabilities.Should().HaveFlag(ImapCapabilities.Sort).And.HaveFlag(ImapCapabilities.SortDisplay).And.HaveFlag(ImapCapabilities.ESort);
        var uids = await AppendAsync(client.Inbox);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);

        (await client.Inbox.SortAsync(SearchQuery.All, [OrderBy.Subject])).Should().Equal(uids[1], uids[2], uids[0]);
        (await client.Inbox.SortAsync(SearchQuery.All, [OrderBy.ReverseDate])).Should().Equal(uids[0], uids[2], uids[1]);
        (await client.Inbox.SortAsync(SearchQuery.All, [OrderBy.From])).Should().Equal(uids[1], uids[2], uids[0]);
        (await client.Inbox.SortAsync(SearchQuery.All, [OrderBy.DisplayFrom])).Should().Equal(new[] { uids[1], uids[2], uids[0] }, "adam@mail.ru has no display name, so its address sorts");
        (await client.Inbox.SortAsync(SearchQuery.SubjectContains("agenda"), [OrderBy.ReverseDate])).Should().Equal(uids[2], uids[1]);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Sort_WithSearchOptions_UsesEsort()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.StudentAsync();
        var uids = await AppendAsync(client.Inbox);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);

        var results = await client.Inbox.SortAsync(SearchOptions.All | SearchOptions.Count | SearchOptions.Min | SearchOptions.Max, SearchQuery.All, [OrderBy.Subject]);

        results.UniqueIds.Should().Equal(uids[1], uids[2], uids[0]);
        results.Count.Should().Be(3);
        results.Min.Should().Be(uids[1], "ESORT's MIN is the first message in sort order");
        results.Max.Should().Be(uids[0]);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Thread_ByReferencesAndBySubject()
    {
        await using var world = await TestWorld.StartAsync();
        using var client = await world.StudentAsync();
        client.Capabilities.Should().HaveFlag(ImapCapabilities.Thread);
        client.ThreadingAlgorithms.Should().Contain([ThreadingAlgorithm.References, ThreadingAlgorithm.OrderedSubject]);
        var question = new MimeMessage([MailboxAddress.Parse("ivan@mail.ru")], [MailboxAddress.Parse(ImapTestSupport.Student)], "Lab 3", new TextPart("plain") { Text = "?" })
        {
            MessageId = "q@mail.ru",
            Date = Day,
        };
        var answer = new MimeMessage([MailboxAddress.Parse(ImapTestSupport.Student)], [MailboxAddress.Parse("ivan@mail.ru")], "Re: Lab 3", new TextPart("plain") { Text = "!" })
        {
            MessageId = "a@rosnou.ru",
            InReplyTo = "q@mail.ru",
            Date = Day.AddHours(1),
        };
        var q = (await client.Inbox.AppendAsync(question))!.Value;
        var a = (await client.Inbox.AppendAsync(answer))!.Value;
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);

        foreach (var algorithm in new[] { ThreadingAlgorithm.References, ThreadingAlgorithm.OrderedSubject })
        {
            var threads = await client.Inbox.ThreadAsync(algorithm, SearchQuery.All);

            threads.Should().ContainSingle();
            threads[0].UniqueId.Should().Be(q);
            threads[0].Children.Should().ContainSingle().Which.UniqueId.Should().Be(a);
        }

        await client.DisconnectAsync(true);
    }
}
