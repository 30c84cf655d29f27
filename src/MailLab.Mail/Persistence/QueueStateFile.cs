using System.Text.Json;
using MailLab.Mail.Queue;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Persistence;

/// <summary>
/// The sidecar of a Queue file: <c>Queue/&lt;id&gt;.eml</c> holds the message and its original
/// envelope (written once, before the 250 reply) and <c>Queue/&lt;id&gt;.queue.json</c> its progress,
/// rewritten (write, fsync, rename) after every change: first seen (for the delay notice and
/// expiration), failed attempts, next attempt, whether the delay notice went out, the recipients
/// still pending and the last error per recipient. No sidecar means "not tried yet": every
/// x-receiver pending, next attempt at once.
/// </summary>
internal static class QueueStateFile
{
    public const string Suffix = ".queue.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathFor(string emlPath) => Path.ChangeExtension(emlPath, null) + Suffix;

    public static byte[] Serialize(QueueEntryState state) => JsonSerializer.SerializeToUtf8Bytes(
        new StateDto(
            state.Queued,
            state.Attempts,
            state.NextAttempt,
            state.DelayNotified,
            [.. state.Pending],
            state.LastErrors.ToDictionary(e => e.Key, e => new ReplyDto(e.Value.Code, e.Value.EnhancedCode, [.. e.Value.Lines]))),
        Options);

    /// <summary>Reads a sidecar; null when it is missing or unreadable (the entry then starts afresh).</summary>
    public static QueueEntryState? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var dto = JsonSerializer.Deserialize<StateDto>(File.ReadAllBytes(path), Options);
            return dto is null ? null : new QueueEntryState(
                dto.Queued,
                dto.Attempts,
                dto.NextAttempt,
                dto.DelayNotified,
                dto.Pending,
                (dto.LastErrors ?? []).ToDictionary(e => e.Key, e => new SmtpReply(e.Value.Code, e.Value.EnhancedCode, e.Value.Lines), StringComparer.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StateDto(DateTimeOffset Queued, int Attempts, DateTimeOffset NextAttempt, bool DelayNotified, string[] Pending, Dictionary<string, ReplyDto>? LastErrors);

    private sealed record ReplyDto(int Code, string? EnhancedCode, string[] Lines);
}
