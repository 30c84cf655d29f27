using MailLab.Mail.Stores;

namespace MailLab.Mail.Tests.MailboxStores;

/// <summary>The feed both message waits stand on: cursors, trimming that keeps cursors counting, and waits woken only by what they match.</summary>
public sealed class CursorFeedTests
{
    [Fact]
    public void Items_AreNumberedFromOne_AndAfterACursorComeOnlyLaterOnes()
    {
        var feed = new CursorFeed<(long Cursor, string Text)>();
        feed.Latest.Should().Be(0);
        foreach (var text in new[] { "a", "b", "c" })
        {
            feed.Add(cursor => (cursor, text));
        }

        feed.Latest.Should().Be(3);
        feed.After(1).Items.Select(i => i.Text).Should().Equal("b", "c");
        feed.After(0, i => i.Text != "b").Items.Select(i => i.Cursor).Should().Equal(1, 3);
        var (beyond, latest) = feed.After(7);
        beyond.Should().BeEmpty();
        latest.Should().Be(3);
    }

    [Fact]
    public void PastItsCapacity_TheOldestGoATenthAtATime_AndCursorsGoOnCounting()
    {
        var feed = new CursorFeed<long>(capacity: 20);
        for (var i = 0; i < 22; i++)
        {
            feed.Add(cursor => cursor);
        }

        feed.After(0).Items.Should().HaveCount(22, "at most a tenth more than the capacity is kept before trimming");
        feed.Add(cursor => cursor);
        feed.After(0).Items.Should().Equal(Enumerable.Range(3, 21).Select(i => (long)i), "an older cursor reads from the oldest kept");
        feed.After(10).Items.First().Should().Be(11);
        feed.Latest.Should().Be(23);
    }

    [Fact]
    public async Task AWait_IsWokenByTheFirstLaterItemThatMatches_NotByOthers()
    {
        var feed = new CursorFeed<string>();
        feed.Add(_ => "early match");
        var wait = feed.WaitAsync(s => s.Contains("match", StringComparison.Ordinal), feed.Latest, CancellationToken.None);

        feed.Add(_ => "other");
        wait.IsCompleted.Should().BeFalse("a non-matching item does not wake the wait, nor does one before its cursor");
        feed.Add(_ => "late match");
        (await wait).Should().Be("late match");

        (await feed.WaitAsync(s => s == "other", 0, CancellationToken.None)).Should().Be("other", "an item already there answers at once");
    }

    [Fact]
    public async Task ACancelledWait_EndsCancelled_AndALaterItemFindsNoOneWaiting()
    {
        var feed = new CursorFeed<string>();
        using var cancel = new CancellationTokenSource();
        var wait = feed.WaitAsync(_ => true, 0, cancel.Token);
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => wait).Should().ThrowAsync<OperationCanceledException>();
        feed.Add(_ => "after");
        feed.Latest.Should().Be(1);
        (await feed.WaitAsync(_ => true, 0, new CancellationToken(canceled: true))).Should().Be("after", "an item already there wins over a cancelled token");
    }
}
