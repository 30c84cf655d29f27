using MailLab.Mail.Stores;
using static MailLab.Mail.Tests.MailboxStores.StoreTestSupport;

namespace MailLab.Mail.Tests.MailboxStores;

/// <summary>The folder model: UIDs, modseqs, flags, copy/move, expunge and folder management (RFC 9051, RFC 7162, RFC 6851).</summary>
public sealed class MailboxFolderTests
{
    [Fact]
    public void Delivery_AppendsToInbox_WithAscendingUids_AndTheInboxViewShowsTheSameMessages()
    {
        var mailbox = NewMailbox();
        var one = Message("one");
        var two = Message("two");
        mailbox.Add(one);
        mailbox.Add(two);

        mailbox.Inbox.Messages.Select(m => (m.Uid, m.Message)).Should().Equal((1u, one), (2u, two));
        mailbox.Messages.Should().Equal(one, two);
        mailbox.Count.Should().Be(2);
        mailbox.Inbox.UidNext.Should().Be(3);
        mailbox.Inbox.Messages.Select(m => m.ModSeq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        mailbox.Inbox.HighestModSeq.Should().Be(mailbox.Inbox.Messages[^1].ModSeq);
    }

    [Fact]
    public void DeliveringTheSameMessageAgain_DoesNotAddASecondCopy()
    {
        var mailbox = NewMailbox();
        var message = Message("once");
        mailbox.Add(message);
        mailbox.Add(message);

        mailbox.Inbox.Messages.Should().ContainSingle();
    }

    [Fact]
    public void AnExpungedMessage_IsCollectable_OnceNoOneHoldsIt()
    {
        // POP3's DELE at QUIT (Remove) and IMAP's EXPUNGE leave only the UID behind (for QRESYNC's
        // VANISHED, RFC 7162 §3.2.10): neither the folder nor its change record keeps the message.
        var mailbox = NewMailbox();
        var removed = DeliverThenRemove(mailbox);
        var expunged = DeliverThenExpunge(mailbox);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        removed.IsAlive.Should().BeFalse("a message removed by POP3 is let go");
        expunged.IsAlive.Should().BeFalse("a message expunged by IMAP is let go");
        mailbox.Inbox.ChangesSince(0).Expunged.Should().Equal(1u, 2u);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference DeliverThenRemove(Mailbox mailbox)
    {
        var message = Message("removed");
        mailbox.Add(message);
        mailbox.Remove(message).Should().BeTrue();
        return new WeakReference(message);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference DeliverThenExpunge(Mailbox mailbox)
    {
        var message = Message("expunged");
        var uid = mailbox.Append(mailbox.Inbox, message, MessageFlags.Deleted, [], Start).Uid;
        mailbox.Expunge(mailbox.Inbox, [uid]).Should().ContainSingle();
        return new WeakReference(message);
    }

    [Fact]
    public void AMessagesIds_AreItsSequenceInHex_WhenOthersHaveTakenItsSharedSlot()
    {
        var first = Message("first", sequence: 0x10);
        var trace = new StoredMessage(0x10 + 4096, "mail.ru", "ivan@mail.ru", ["student@rosnou.ru"], [], Start, traceSequence: 0x10);

        first.Id.Should().Be("ML00000010");
        trace.Id.Should().Be("ML00001010", "its sequence has the same slot of the shared ids as the first message's");
        trace.TraceId.Should().Be("ML00000010");
        first.Id.Should().Be("ML00000010").And.BeSameAs(first.TraceId, "a message's id string is shared while it is recent");
    }

    [Fact]
    public void HeadersKnownAtCleanup_StillLetThePreviousHopBeReadFromTheBytes()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(
            "Received: from mail.ru by rosnou.ru with ESMTP id ML00000020; Tue, 1 Sep 2026 09:00:00 +0000\r\n" +
            "Received: from client by mail.ru with ESMTP id ML0000000A; Tue, 1 Sep 2026 09:00:00 +0000\r\n" +
            "Subject: in the bytes\r\n\r\nbody\r\n");
        var relayed = new StoredMessage(0x20, "rosnou.ru", "ivan@mail.ru", ["student@rosnou.ru"], bytes, Start);
        relayed.KnowHeaders("known", "<ivan@mail.ru>");

        relayed.Subject.Should().Be("known");
        relayed.PreviousHop.Should().Be("mail.ru/ML0000000A");
        relayed.Subject.Should().Be("known", "reading the previous hop keeps what cleanup knew");
        relayed.HeaderFrom.Should().Be("<ivan@mail.ru>");
        relayed.WithRecipients([]).PreviousHop.Should().Be("mail.ru/ML0000000A");
        Message("plain").PreviousHop.Should().BeNull();
        Message("plain").Subject.Should().Be("plain");
    }

    [Fact]
    public void DeliveryAgain_IsRecognised_WhateverOrderMessagesCameIn_AndWhileOneOfTwoCopiesIsLeft()
    {
        var mailbox = NewMailbox();
        var later = Message("later", sequence: 5_000_005);
        var earlier = Message("earlier", sequence: 5_000_003);
        mailbox.Add(later);
        mailbox.Add(earlier); // accepted first, delivered second (two sessions at once)
        mailbox.Add(earlier);
        mailbox.Add(later);
        mailbox.Inbox.Messages.Select(m => m.Message).Should().Equal(later, earlier);

        mailbox.Copy(mailbox.Inbox, [2], mailbox.Inbox); // a second copy of "earlier" in INBOX
        mailbox.Remove(mailbox.Inbox, [2]).Should().ContainSingle();
        mailbox.Add(earlier);
        mailbox.Inbox.Messages.Select(m => (m.Uid, m.Message)).Should().Equal((1u, later), (3u, earlier));

        mailbox.Remove(mailbox.Inbox, [1, 3]).Should().HaveCount(2);
        mailbox.Add(earlier);
        mailbox.Inbox.Messages.Select(m => (m.Uid, m.Message)).Should().Equal((4u, earlier));
    }

    [Fact]
    public void AnEntry_KeepsItsInternalDatesOffset_AndItsFlags_ThroughAChange()
    {
        var mailbox = NewMailbox();
        var date = new DateTimeOffset(2026, 8, 31, 23, 30, 0, TimeSpan.FromHours(-9.5));
        var entry = mailbox.Append(mailbox.Inbox, Message("dated"), MessageFlags.Draft | MessageFlags.Flagged, [], date);

        entry.InternalDate.Should().Be(date);
        entry.InternalDate.Offset.Should().Be(TimeSpan.FromHours(-9.5));
        entry.Flags.Should().Be(MessageFlags.Draft | MessageFlags.Flagged);
        var changed = entry with { Flags = MessageFlags.Seen, InternalDate = Start };
        (changed.Flags, changed.InternalDate, changed.InternalDate.Offset).Should().Be((MessageFlags.Seen, Start, TimeSpan.Zero));
        entry.Should().Be(entry with { }).And.NotBe(changed);
    }

    [Fact]
    public void AFolderOfThousandsOfMessages_KeepsEachEntrysFieldsInUidOrder_ThroughFlagChangesAndAnExpunge()
    {
        // More messages than one of the folder's chunks holds (1,024), each with a date offset,
        // flags and keywords of its own; every third is deleted and expunged, so the kept entries
        // move across chunk boundaries and the last chunk shrinks.
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        var messages = Enumerable.Range(0, 2_500).Select(i => Message($"m{i}")).ToArray();
        DateTimeOffset DateOf(int i) => Start.AddMinutes(i).ToOffset(TimeSpan.FromMinutes((i % 25 * 60) - 720));
        for (var i = 0; i < messages.Length; i++)
        {
            mailbox.Append(inbox, messages[i], i % 2 == 0 ? MessageFlags.Seen : MessageFlags.None, i % 5 == 0 ? [$"k{i}"] : [], DateOf(i));
        }

        mailbox.SetFlags(inbox, Enumerable.Range(0, 2_500).Where(i => i % 3 == 0).Select(i => (uint)i + 1), FlagOperation.Add, MessageFlags.Deleted, []);
        mailbox.Expunge(inbox).Should().HaveCount(834);

        var kept = Enumerable.Range(0, 2_500).Where(i => i % 3 != 0).ToArray();
        inbox.Messages.Select(m => (m.Uid, m.Message, m.Flags, string.Join(",", m.Keywords), m.InternalDate, m.InternalDate.Offset)).Should().Equal(
            kept.Select(i => ((uint)i + 1, messages[i], i % 2 == 0 ? MessageFlags.Seen : MessageFlags.None, i % 5 == 0 ? $"k{i}" : string.Empty, DateOf(i), DateOf(i).Offset)));
        inbox.Count.Should().Be(kept.Length);
        inbox.Size.Should().Be(kept.Sum(i => messages[i].Size));
        inbox.Find(2_499).Should().Be(inbox.Messages[^1]).And.NotBeSameAs(inbox.Messages[^1], "an entry read twice is two equal values");
        inbox.Find(2_499)!.Message.Should().BeSameAs(messages[2_498]);
        inbox.Find(2_500).Should().BeNull("the last message was deleted and expunged");
        inbox.Find(4).Should().BeNull("UID 4 was expunged");
        mailbox.Messages.Should().Equal(kept.Select(i => messages[i]));
        mailbox.Append(inbox, Message("after"), MessageFlags.None, [], Start).Uid.Should().Be(2_501);
    }

    [Fact]
    public void Expunge_RemovesOnlyDeletedMessages_AndUidsAreNeverReused()
    {
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        for (var i = 0; i < 3; i++)
        {
            mailbox.Append(inbox, Message($"m{i}"), MessageFlags.None, [], Start);
        }

        mailbox.SetFlags(inbox, [1, 3], FlagOperation.Add, MessageFlags.Deleted, []);
        var removed = mailbox.Expunge(inbox);

        removed.Select(r => r.Uid).Should().Equal(1u, 3u);
        inbox.Messages.Select(m => m.Uid).Should().Equal(2u);
        mailbox.Append(inbox, Message("after"), MessageFlags.None, [], Start).Uid.Should().Be(4, "UID 3 was taken once and is never handed out again");
    }

    [Fact]
    public void UidExpunge_RemovesOnlyTheNamedDeletedMessages()
    {
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        mailbox.Append(inbox, Message("a"), MessageFlags.Deleted, [], Start);
        mailbox.Append(inbox, Message("b"), MessageFlags.Deleted, [], Start);
        mailbox.Append(inbox, Message("c"), MessageFlags.None, [], Start);

        mailbox.Expunge(inbox, [2, 3]).Select(r => r.Uid).Should().Equal(2u);
        inbox.Messages.Select(m => m.Uid).Should().Equal(1u, 3u);
    }

    [Fact]
    public void SetFlags_AddRemoveReplace_TakeOneNewModSeq_AndAnUnchangedMessageKeepsItsModSeq()
    {
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        mailbox.Append(inbox, Message("a"), MessageFlags.Seen, [], Start);
        mailbox.Append(inbox, Message("b"), MessageFlags.None, [], Start);
        var before = inbox.HighestModSeq;

        var result = mailbox.SetFlags(inbox, [1, 2], FlagOperation.Add, MessageFlags.Seen, ["$Forwarded"]);

        result.Changed.Select(c => c.Uid).Should().Equal(1u, 2u);
        result.Changed.Select(c => c.ModSeq).Should().AllBeEquivalentTo(before + 1);
        inbox.Find(2)!.Flags.Should().Be(MessageFlags.Seen);
        inbox.Find(2)!.Keywords.Should().Equal("$Forwarded");

        var again = mailbox.SetFlags(inbox, [1], FlagOperation.Add, MessageFlags.Seen, ["$forwarded"]);
        again.Changed.Should().BeEmpty("the flags are already set (keywords compare without case)");
        inbox.HighestModSeq.Should().Be(before + 1);

        mailbox.SetFlags(inbox, [1], FlagOperation.Remove, MessageFlags.Seen, ["$FORWARDED"]);
        inbox.Find(1)!.Flags.Should().Be(MessageFlags.None);
        inbox.Find(1)!.Keywords.Should().BeEmpty();

        mailbox.SetFlags(inbox, [2], FlagOperation.Replace, MessageFlags.Flagged | MessageFlags.Answered, ["Work", "bad word", ""]);
        inbox.Find(2)!.Flags.Should().Be(MessageFlags.Flagged | MessageFlags.Answered);
        inbox.Find(2)!.Keywords.Should().Equal(["Work"], "a keyword is an atom: one with a space is not kept");
    }

    [Fact]
    public void SetFlags_UnchangedSince_LeavesNewerMessagesAlone_AndReportsThemModified()
    {
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        mailbox.Append(inbox, Message("a"), MessageFlags.None, [], Start);
        mailbox.Append(inbox, Message("b"), MessageFlags.None, [], Start);
        var seen = inbox.HighestModSeq;
        mailbox.SetFlags(inbox, [2], FlagOperation.Add, MessageFlags.Flagged, []); // another session, after our read

        var result = mailbox.SetFlags(inbox, [1, 2], FlagOperation.Add, MessageFlags.Seen, [], unchangedSince: seen);

        result.Changed.Select(c => c.Uid).Should().Equal(1u);
        result.Modified.Should().Equal(2u);
        inbox.Find(2)!.Flags.Should().Be(MessageFlags.Flagged);
    }

    [Fact]
    public void Copy_GivesNewUidsInTheTarget_KeepsFlagsAndDate_AndSharesTheStoredMessage()
    {
        var mailbox = NewMailbox();
        var archive = mailbox.CreateFolder("Archive", SpecialUse.Archive);
        var date = Start.AddDays(-3);
        var message = Message("keep");
        mailbox.Append(mailbox.Inbox, Message("skip"), MessageFlags.None, [], Start);
        mailbox.Append(mailbox.Inbox, message, MessageFlags.Seen, ["Work"], date);
        mailbox.Append(archive, Message("already"), MessageFlags.None, [], Start);

        var result = mailbox.Copy(mailbox.Inbox, [2, 99], archive);

        result.TargetUidValidity.Should().Be(archive.UidValidity);
        result.Uids.Should().Equal((2u, 2u));
        var copy = archive.Find(2)!;
        copy.Message.Should().BeSameAs(message, "a message is stored once, however many folders hold it");
        (copy.Flags, copy.InternalDate).Should().Be((MessageFlags.Seen, date));
        copy.Keywords.Should().Equal("Work");
        mailbox.Inbox.Count.Should().Be(2);
    }

    [Fact]
    public void Move_CopiesThenExpungesTheSource_WithTheUidMap()
    {
        var mailbox = NewMailbox();
        var trash = mailbox.CreateFolder("Trash", SpecialUse.Trash);
        mailbox.Append(mailbox.Inbox, Message("a"), MessageFlags.None, [], Start);
        mailbox.Append(mailbox.Inbox, Message("b"), MessageFlags.None, [], Start);
        var before = mailbox.Inbox.HighestModSeq;

        var result = mailbox.Move(mailbox.Inbox, [1, 2], trash);

        result.Uids.Should().Equal((1u, 1u), (2u, 2u));
        mailbox.Inbox.Count.Should().Be(0);
        trash.Messages.Select(m => m.Message.Subject).Should().Equal("a", "b");
        mailbox.Inbox.ChangesSince(before).Expunged.Should().Equal(1u, 2u);
    }

    [Fact]
    public void ChangesSince_ReportsAppendedFlaggedAndExpunged_AfterTheGivenModSeq()
    {
        var mailbox = NewMailbox();
        var inbox = mailbox.Inbox;
        mailbox.Append(inbox, Message("a"), MessageFlags.None, [], Start);
        mailbox.Append(inbox, Message("b"), MessageFlags.None, [], Start);
        mailbox.Append(inbox, Message("c"), MessageFlags.None, [], Start);
        var mark = inbox.HighestModSeq;
        var uidNext = inbox.UidNext;
        mailbox.SetFlags(inbox, [1], FlagOperation.Add, MessageFlags.Seen, []);
        mailbox.Remove(inbox, [2]);
        mailbox.Append(inbox, Message("d"), MessageFlags.None, [], Start);

        var changes = inbox.ChangesSince(mark);

        changes.Changed.Select(c => c.Uid).Should().Equal(1u, 4u);
        changes.Changed.Where(c => c.Uid >= uidNext).Select(c => c.Message.Subject).Should().Equal("d");
        changes.Expunged.Should().Equal(2u);
        changes.HighestModSeq.Should().Be(inbox.HighestModSeq);
        changes.Messages.Select(m => m.Uid).Should().Equal(1u, 3u, 4u);
        inbox.ChangesSince(changes.HighestModSeq).Changed.Should().BeEmpty();
    }

    [Fact]
    public void ChangedEvent_IsRaisedAfterEachChange_WithTheFolder()
    {
        var mailbox = NewMailbox();
        var seen = new List<string>();
        mailbox.Changed += (_, folder) => seen.Add(folder.Name);

        mailbox.Add(Message("a"));
        mailbox.CreateFolder("Work");
        mailbox.SetFlags(mailbox.Inbox, [1], FlagOperation.Add, MessageFlags.Seen, []);
        mailbox.Remove(mailbox.Messages[0]);

        seen.Should().Equal("INBOX", "Work", "INBOX", "INBOX");
    }

    [Fact]
    public void CreateFolder_MakesMissingParents_RefusesDuplicatesAndInvalidNames()
    {
        var mailbox = NewMailbox();
        var child = mailbox.CreateFolder("Work/Projects/2026/");

        child.Name.Should().Be("Work/Projects/2026");
        mailbox.Folders.Select(f => f.Name).Should().Equal("INBOX", "Work", "Work/Projects", "Work/Projects/2026");
        mailbox.HasChildren(mailbox.FindFolder("Work")!).Should().BeTrue();
        mailbox.HasChildren(child).Should().BeFalse();
        mailbox.FindFolder("inbox").Should().BeSameAs(mailbox.Inbox);

        FluentActions.Invoking(() => mailbox.CreateFolder("Work")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.AlreadyExists);
        FluentActions.Invoking(() => mailbox.CreateFolder("inbox")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.AlreadyExists);
        FluentActions.Invoking(() => mailbox.CreateFolder("a//b")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.Cannot);
        FluentActions.Invoking(() => mailbox.CreateFolder("a*")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.Cannot);
        mailbox.CreateFolder("inbox/sub").Name.Should().Be("INBOX/sub");
    }

    [Fact]
    public void NewFolders_GetDistinctUidValidities_EvenWithinOneSecond()
    {
        var mailbox = NewMailbox();
        var first = mailbox.CreateFolder("A");
        mailbox.DeleteFolder("A");
        var again = mailbox.CreateFolder("A");

        again.UidValidity.Should().BeGreaterThan(first.UidValidity, "a folder created again under the same name must not look like the old one (RFC 9051 §2.3.1.1)");
        first.IsDeleted.Should().BeTrue();
    }

    [Fact]
    public void DeleteFolder_RefusesInboxMissingAndParentsOfSubfolders()
    {
        var mailbox = NewMailbox();
        mailbox.CreateFolder("Work/Sub");

        FluentActions.Invoking(() => mailbox.DeleteFolder("INBOX")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.Cannot);
        FluentActions.Invoking(() => mailbox.DeleteFolder("Nope")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.NonExistent);
        FluentActions.Invoking(() => mailbox.DeleteFolder("Work")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.HasChildren);
        mailbox.DeleteFolder("Work/Sub");
        mailbox.DeleteFolder("Work");
        mailbox.Folders.Should().ContainSingle().Which.Should().BeSameAs(mailbox.Inbox);
    }

    [Fact]
    public void RenameFolder_MovesItsSubfolders_AndKeepsItsMessagesAndUidValidity()
    {
        var mailbox = NewMailbox();
        var work = mailbox.CreateFolder("Work");
        mailbox.CreateFolder("Work/Sub");
        mailbox.Append(work, Message("w"), MessageFlags.Seen, [], Start);
        var validity = work.UidValidity;

        var renamed = mailbox.RenameFolder("Work", "Old/Work");

        renamed.Should().BeSameAs(work);
        mailbox.Folders.Select(f => f.Name).Should().Equal("INBOX", "Old", "Old/Work", "Old/Work/Sub");
        (renamed.UidValidity, renamed.Messages.Single().Message.Subject).Should().Be((validity, "w"));
        FluentActions.Invoking(() => mailbox.RenameFolder("Old", "Old/Inside")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.Cannot);
        FluentActions.Invoking(() => mailbox.RenameFolder("Old", "INBOX")).Should().Throw<MailboxFolderException>().Which.Error.Should().Be(FolderError.AlreadyExists);
    }

    [Fact]
    public void RenamingInbox_MovesItsMessagesToTheNewFolder_AndLeavesInboxEmpty()
    {
        var mailbox = NewMailbox();
        mailbox.Add(Message("a"));
        mailbox.Add(Message("b"));

        var moved = mailbox.RenameFolder("INBOX", "Old mail");

        moved.Messages.Select(m => m.Message.Subject).Should().Equal("a", "b");
        mailbox.Inbox.Count.Should().Be(0);
        mailbox.Add(Message("c"));
        mailbox.Inbox.Messages.Single().Uid.Should().Be(3, "INBOX keeps its UIDVALIDITY, so its UIDs go on");
    }

    [Fact]
    public void EnsureDefaultFolders_CreatesTheSpecialUseSetOnce_Subscribed()
    {
        var mailbox = NewMailbox();
        mailbox.EnsureDefaultFolders().Should().HaveCount(5);
        mailbox.EnsureDefaultFolders().Should().BeEmpty();

        mailbox.Folders.Select(f => (f.Name, f.SpecialUse, f.Subscribed)).Should().BeEquivalentTo(
        [
            ("INBOX", SpecialUse.None, true), ("Sent", SpecialUse.Sent, true), ("Drafts", SpecialUse.Drafts, true),
            ("Trash", SpecialUse.Trash, true), ("Junk", SpecialUse.Junk, true), ("Archive", SpecialUse.Archive, true),
        ]);
        mailbox.FindFolder(SpecialUse.Trash)!.Name.Should().Be("Trash");
    }

    [Fact]
    public void TotalSize_CountsEveryFolder()
    {
        var mailbox = NewMailbox();
        var sent = mailbox.CreateFolder("Sent", SpecialUse.Sent);
        var a = Message("a");
        var b = Message("b");
        mailbox.Add(a);
        mailbox.Append(sent, b, MessageFlags.Seen, [], Start);
        mailbox.Copy(mailbox.Inbox, [1], sent);

        mailbox.TotalSize.Should().Be((2 * a.Size) + b.Size);
        sent.Size.Should().Be(a.Size + b.Size);
    }

    [Fact]
    public async Task ConcurrentDeliveriesAndExpunges_LoseNothing_AndUidsStayUniqueAndAscending()
    {
        var mailbox = NewMailbox();
        const int Writers = 4;
        const int PerWriter = 2_000;
        var expunged = 0;
        using var start = new Barrier(Writers + 1);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerWriter; i++)
            {
                mailbox.Add(Message($"{w}-{i}"));
            }
        })).ToArray();
        var expunger = Task.Run(() =>
        {
            start.SignalAndWait();
            while (!writers.All(t => t.IsCompleted) || mailbox.Inbox.Count > 0)
            {
                var uids = mailbox.Inbox.Messages.Take(50).Select(m => m.Uid).ToArray();
                Interlocked.Add(ref expunged, mailbox.Remove(mailbox.Inbox, uids).Count);
            }
        });

        await Task.WhenAll([.. writers, expunger]).WaitAsync(TimeSpan.FromMinutes(2));

        expunged.Should().Be(Writers * PerWriter);
        mailbox.Inbox.UidNext.Should().Be(Writers * PerWriter + 1);
        mailbox.Inbox.ChangesSince(0).Expunged.Should().OnlyHaveUniqueItems().And.HaveCount(Writers * PerWriter).And.BeInAscendingOrder();
    }
}
