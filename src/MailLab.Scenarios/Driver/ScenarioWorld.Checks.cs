using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>Thens: mailboxes, hops, delivery status notifications, the queue and the home-directory folders.</summary>
public sealed partial class ScenarioWorld
{
    /// <summary>An address without a mailbox holds no messages: 0 passes (with a note), any other count fails saying where its mail went.</summary>
    public async Task CheckMailboxCountAsync(string address, int expected)
    {
        if (expected == 0 && await FindMailboxMessagesAsync(address).ConfigureAwait(false) is null)
        {
            _notes.Add($"There is no mailbox \"{address.Trim()}\", so it holds no messages.");
            return;
        }

        var messages = await MailboxMessagesAsync(address).ConfigureAwait(false);
        if (messages.Count != expected)
        {
            throw Failure($"The mailbox \"{address}\" holds {Count(messages.Count, "message")}, not {expected}.", Count(expected, "message"), Describe(messages),
                new($"В почтовом ящике \"{address}\" {Letters(messages.Count)}, а не {expected}.", Letters(expected), DescribeInRussian(messages)));
        }
    }

    public async Task CheckMailboxHasSubjectAsync(string address, string subject)
    {
        var messages = await MailboxMessagesAsync(address).ConfigureAwait(false);
        if (!messages.Any(m => m.Subject == subject))
        {
            throw Failure($"The mailbox \"{address}\" has no message with the subject \"{subject}\".", $"a message with subject \"{subject}\"", Describe(messages),
                new($"В почтовом ящике \"{address}\" нет письма с темой \"{subject}\".", $"письмо с темой \"{subject}\"", DescribeInRussian(messages)));
        }
    }

    /// <summary>The hosts that received the message with this subject, in order, are exactly <paramref name="hosts"/>.</summary>
    public async Task CheckRouteAsync(string subject, string hostList)
    {
        var hosts = QuotedList(hostList);
        var (world, summary) = await MessageBySubjectAsync(subject, $"through {string.Join(", ", hosts)}", $"через {string.Join(", ", hosts)}").ConfigureAwait(false);
        var route = Route(world, summary);
        if (!route.SequenceEqual(hosts, StringComparer.OrdinalIgnoreCase))
        {
            throw Failure($"The message \"{subject}\" travelled through {Quote(route)}, not {Quote(hosts)}.", Quote(hosts), Quote(route) + StagesOf(world, summary.TraceId),
                new($"Письмо \"{subject}\" прошло через {Quote(route)}, а не через {Quote(hosts)}."));
        }
    }

    /// <summary><paramref name="address"/> has a delivery status notification naming <paramref name="recipient"/> (action: failed, delayed or any).</summary>
    public async Task CheckNotificationAsync(string address, string recipient, string? action)
    {
        var messages = await MailboxMessagesAsync(address).ConfigureAwait(false);
        var reports = messages.SelectMany(DsnInspector.Reports).ToArray();
        var (what, whatRu) = action switch
        {
            "failed" => ("non-delivery report", "отчёта о недоставке"),
            "delayed" => ("delay notification", "уведомления о задержке"),
            _ => ("delivery status notification", "уведомления о состоянии доставки"),
        };
        if (!reports.Any(r => r.Recipient.Equals(recipient.Trim(), StringComparison.OrdinalIgnoreCase) && (action is null || r.Action.Equals(action, StringComparison.OrdinalIgnoreCase))))
        {
            var notifications = string.Join(", ", reports.Select(r => $"{r.Recipient} ({r.Action})"));
            var actual = reports.Length == 0 ? Describe(messages) + " (none of them a delivery status notification)" : "notifications for " + notifications;
            var actualRu = reports.Length == 0 ? DescribeInRussian(messages) + " (среди них нет уведомлений о состоянии доставки)" : "уведомления для " + notifications;
            throw Failure($"\"{address}\" has no {what} for \"{recipient}\".", $"a {what} (multipart/report) with Final-Recipient: rfc822; {recipient}", actual,
                new($"У \"{address}\" нет {whatRu} для \"{recipient}\".", Actual: actualRu));
        }
    }

    public async Task CheckQueueAsync(string host, int expected)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        var entries = found.Smtp.VirtualServers.SelectMany(v => v.Queue.Entries).ToArray();
        if (entries.Length != expected)
        {
            var actual = entries.Length == 0 ? "an empty queue" : string.Join("\n", entries.Select(e => $"{e.Message.Id} \"{e.Message.Subject}\" for {string.Join(", ", e.Pending)} ({Count(e.Attempts, "attempt")})"));
            var actualRu = entries.Length == 0 ? "очередь пуста" : string.Join("\n", entries.Select(e => $"{e.Message.Id} \"{e.Message.Subject}\" для {string.Join(", ", e.Pending)} (попыток: {e.Attempts})"));
            throw Failure($"The queue of {found.Name} holds {Count(entries.Length, "message")}, not {expected}.", Count(expected, "message"), actual,
                new($"В очереди {found.Name} {Letters(entries.Length)}, а не {expected}.", Letters(expected), actualRu));
        }
    }

    public Task CheckBadMailAsync(string host, int expected) => CheckFolderAsync(host, "BadMail", v => v.HomeDirectory.BadMail, expected);

    public Task CheckDropAsync(string host, int expected) => CheckFolderAsync(host, "Drop", v => v.HomeDirectory.Drop, expected);

    public void CheckAccepted()
    {
        var submission = LastSubmissionOrThrow();
        if (!submission.Accepted)
        {
            throw Failure("The message was not accepted.", "250 after the message content", submission.Outcome);
        }
    }

    /// <summary>The last submission (or one of its recipients) was refused with a reply starting with <paramref name="reply"/>.</summary>
    public void CheckRefused(string reply)
    {
        var submission = LastSubmissionOrThrow();
        var refusals = submission.RefusedRecipients.Select(r => r.Reply).Concat(submission.Refusal is null ? [] : [submission.Refusal]).ToArray();
        if (!refusals.Any(r => ReplyExpectation.Matches(reply.Trim(), r)))
        {
            throw Failure($"The message was not refused with \"{reply}\".", reply, submission.Outcome);
        }
    }

    private Submission LastSubmissionOrThrow() =>
        LastSubmission ?? throw new ScenarioSetupException("No message was sent yet: a \"When \"FROM\" sends a message to \"TO\" with subject \"SUBJECT\"\" step must come first.");

    private async Task CheckFolderAsync(string host, string name, Func<Mail.Smtp.SmtpVirtualServer, MailFolder> folder, int expected)
    {
        var found = await HostAsync(host).ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        var files = found.Smtp.VirtualServers.SelectMany(v => folder(v).Files).ToArray();
        if (files.Length != expected)
        {
            var actual = files.Length == 0 ? "an empty folder" : string.Join("\n", files.Select(f => $"{f.Name}{(f.Reason is null ? "" : " — " + f.Reason.Trim())}"));
            var expectedRu = RussianCount(expected, "файл", "файла", "файлов");
            throw Failure($"The {name} folder of {found.Name} holds {Count(files.Length, "file")}, not {expected}.", Count(expected, "file"), actual,
                new($"В папке {name} на {found.Name} {RussianCount(files.Length, "файл", "файла", "файлов")}, а не {expected}.", expectedRu, files.Length == 0 ? "папка пуста" : null));
        }
    }

    /// <summary>The messages in an account's mailbox, after the world settles; a missing mailbox is an error that says where its mail went.</summary>
    private async Task<IReadOnlyList<StoredMessage>> MailboxMessagesAsync(string address)
    {
        if (await FindMailboxMessagesAsync(address).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        var world = await WorldAsync().ConfigureAwait(false);
        address = address.Trim();

        var dropped = world.Hosts.SelectMany(h => h.Smtp.VirtualServers)
            .SelectMany(v => v.HomeDirectory.Drop.Files)
            .Count(f => f.Message.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase));
        var returned = world.Trace.Views.Events()
            .Where(e => e.Kind == TraceKind.Failed && e.Text.StartsWith($"<{address}>:", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Text[(address.Length + 4)..]).ToArray();
        var mailboxes = string.Join(", ", world.Hosts.SelectMany(h => h.Mailboxes.All.Select(m => m.Address)));
        throw new ScenarioSetupException(
            $"There is no mailbox \"{address}\" (mailboxes: {(mailboxes.Length == 0 ? "none" : mailboxes)})"
            + (dropped > 0 ? $"; {Count(dropped, "message")} for it went to a Drop folder." : string.Empty)
            + (returned.Length > 0 ? $"; {Count(returned.Length, "message")} for it went back to the sender ({returned[0]})." : string.Empty)
            + (dropped + returned.Length == 0 ? ". Create it with: Given the mailbox \"ADDRESS\" with password \"PASSWORD\"." : string.Empty),
            $"Почтового ящика \"{address}\" нет (почтовые ящики: {(mailboxes.Length == 0 ? "нет" : mailboxes)})"
            + (dropped > 0 ? $"; писем для него в папке Drop: {dropped}." : string.Empty)
            + (returned.Length > 0 ? $"; писем для него вернулось отправителю: {returned.Length} ({returned[0]})." : string.Empty)
            + (dropped + returned.Length == 0 ? ". Создайте его шагом: Дано почтовый ящик \"АДРЕС\" с паролем \"ПАРОЛЬ\"." : string.Empty));
    }

    /// <summary>The messages in an account's mailbox, after the world settles; null when there is no such mailbox.</summary>
    private async Task<IReadOnlyList<StoredMessage>?> FindMailboxMessagesAsync(string address)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        return world.Hosts.Select(h => h.Mailboxes.Find(address.Trim())).FirstOrDefault(m => m is not null)?.Messages;
    }

    /// <summary>
    /// The last message with this subject that entered the world, once the world settles; else a failure
    /// expecting "a message SUBJECT <paramref name="expectation"/>" and listing the subjects there are.
    /// </summary>
    private async Task<(MailWorld World, TraceSummary Summary)> MessageBySubjectAsync(string subject, string expectation, string expectationRu)
    {
        var world = await WorldAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        var summaries = world.Trace.Views.Messages();
        var subjects = string.Join(", ", summaries.Select(s => $"\"{s.Subject}\""));
        var summary = summaries.LastOrDefault(s => s.Subject == subject)
            ?? throw Failure($"No message with the subject \"{subject}\" entered the world.", $"a message \"{subject}\" {expectation}",
                summaries.Count == 0 ? "no message at all" : "messages: " + subjects,
                new(NoSuchMessageInRussian(subject), $"письмо \"{subject}\" {expectationRu}", summaries.Count == 0 ? "ни одного письма" : "письма: " + subjects));
        return (world, summary);
    }

    /// <summary>The hosts that received a message, in order (the trace's reader: its receive stages, without the notices it caused).</summary>
    private static IReadOnlyList<string> Route(MailWorld world, TraceSummary summary) =>
        world.Trace.Views.Trace(summary.TraceId)?.Route() ?? [];

    private static string StagesOf(MailWorld world, string traceId)
    {
        var stages = (world.Trace.Views.Trace(traceId)?.Stages ?? []).Select(e => $"{e.Host} {e.Kind}: {e.Text}");
        return "\nstages:\n" + string.Join("\n", stages);
    }

    /// <summary>"mail.ru", "rosnou.ru" (or a bare comma-separated list) → the names.</summary>
    private static IReadOnlyList<string> QuotedList(string text)
    {
        var quoted = System.Text.RegularExpressions.Regex.Matches(text, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        return quoted.Length > 0 ? quoted : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private ScenarioAssertionException Failure(string summary, string expected, string actual, RussianText? russian = null) =>
        new(summary, expected, actual, TranscriptAroundStep(), russian);

    /// <summary>The summary of a check that found no message with the subject, in Russian.</summary>
    private static string NoSuchMessageInRussian(string subject) => $"Письма с темой \"{subject}\" в мире не было.";

    private static string Describe(IReadOnlyList<StoredMessage> messages) =>
        messages.Count == 0 ? "no messages" : $"{Count(messages.Count, "message")}: {string.Join(", ", messages.Select(m => $"\"{m.Subject}\""))}";

    private static string DescribeInRussian(IReadOnlyList<StoredMessage> messages) =>
        messages.Count == 0 ? "писем нет" : $"{Letters(messages.Count)}: {string.Join(", ", messages.Select(m => $"\"{m.Subject}\""))}";

    private static string Quote(IEnumerable<string> items)
    {
        var list = items.ToArray();
        return list.Length == 0 ? "(no host)" : string.Join(", ", list.Select(i => $"\"{i}\""));
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>A count of messages in Russian: 1 письмо, 2 письма, 5 писем.</summary>
    private static string Letters(int n) => RussianCount(n, "письмо", "письма", "писем");

    private static string RussianCount(int n, string one, string few, string many) => $"{n} {Runner.RunnerWords.RussianPlural(n, one, few, many)}";
}
