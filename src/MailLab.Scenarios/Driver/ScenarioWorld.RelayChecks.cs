using MailLab.Mail.Tracing;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// The hop out of MailLab: a message handed by one of the world's hosts to a real SMTP server (a
/// Postfix on this computer, reached through a smart host) that answered 250. It reads each
/// recipient's status as the trace's reader derives it (<see cref="DeliveryStatus"/>: "relayed" is a
/// 2xx from a server no host of the world is), never the queue or the raw events.
/// </summary>
public sealed partial class ScenarioWorld
{
    public async Task CheckRelayedOutsideAsync(string subject, string host)
    {
        var name = (await HostAsync(host).ConfigureAwait(false)).Name;
        var (world, summary) = await MessageBySubjectAsync(subject, $"relayed by {name} to a server outside MailLab", $"передано с {name} серверу за пределами MailLab").ConfigureAwait(false);
        var trace = world.Trace.Views.Trace(summary.TraceId)!;
        var recipients = trace.Recipients;
        var missed = recipients.Where(r => r.State != RecipientState.Relayed || !string.Equals(r.Host, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (missed.Length == 0 && recipients.Count > 0)
        {
            _notes.AddRange(recipients.Select(r => $"{name}: {trace.EventAt(r.Sequence)?.Text}"));
            return;
        }

        var outcomes = missed.Select(r => (r.Address, Text: Outcome(trace, r, name))).ToArray();
        var english = string.Join("\n", outcomes.Select(o => $"<{o.Address}>: {o.Text.English}"));
        var russian = string.Join("\n", outcomes.Select(o => $"<{o.Address}>: {o.Text.Russian}"));
        throw Failure($"The message \"{subject}\" was not relayed by {name} to a server outside MailLab.",
            $"relayed by {name} to a server outside MailLab (a 2xx reply to its smart host)", english,
            new($"Письмо \"{subject}\" не передано с {name} серверу за пределами MailLab.", $"передано с {name} серверу за пределами MailLab (ответ 2xx смарт-хосту)", russian));
    }

    /// <summary>What became of a recipient's copy, in English and Russian, with the reply that decided it (the text of the stage that set its status).</summary>
    private static (string English, string Russian) Outcome(MessageTrace trace, RecipientStatus r, string host)
    {
        var stage = trace.EventAt(r.Sequence)?.Text;
        return r.State switch
        {
            RecipientState.Relayed when !string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase) =>
                ($"relayed out of MailLab by {r.Host}, not by {host}: {stage}", $"передано за пределы MailLab с {r.Host}, а не с {host}: {stage}"),
            RecipientState.Relayed => ($"relayed: {stage}", $"передано: {stage}"),
            RecipientState.Deferred => ($"deferred on {r.Host}, waiting for a retry: {stage}", $"отложено на {r.Host}, ждёт повторной попытки: {stage}"),
            RecipientState.Queued => ($"in the queue of {r.Host}, not tried yet", $"в очереди {r.Host}, попыток ещё не было"),
            RecipientState.Received when r.Host is null => ("never accepted by any host", "не принято ни одним хостом"),
            RecipientState.Received => ($"accepted by {r.Host}, never sent on", $"принято {r.Host}, но дальше не отправлялось"),
            RecipientState.Delivered => ($"delivered inside MailLab on {r.Host} ({r.Where}), never sent to a server outside it", $"доставлено внутри MailLab на {r.Host} ({r.Where}), серверу за его пределами не отправлялось"),
            _ => ($"bounced by {r.Host}: {stage}", $"возвращено отправителю с {r.Host}: {stage}"),
        };
    }
}
