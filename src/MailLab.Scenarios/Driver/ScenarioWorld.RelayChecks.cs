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

        var english = string.Join("\n", missed.Select(r => $"<{r.Address}>: {Outcome(trace, r, name)}"));
        var russian = string.Join("\n", missed.Select(r => $"<{r.Address}>: {OutcomeInRussian(trace, r, name)}"));
        throw Failure($"The message \"{subject}\" was not relayed by {name} to a server outside MailLab.",
            $"relayed by {name} to a server outside MailLab (a 2xx reply to its smart host)", english,
            new($"Письмо \"{subject}\" не передано с {name} серверу за пределами MailLab.", $"передано с {name} серверу за пределами MailLab (ответ 2xx смарт-хосту)", russian));
    }

    /// <summary>What became of a recipient's copy, with the reply that decided it (the text of the stage that set its status).</summary>
    private static string Outcome(MessageTrace trace, RecipientStatus r, string host)
    {
        var stage = trace.EventAt(r.Sequence)?.Text;
        return r.State switch
        {
            RecipientState.Relayed when !string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase) => $"relayed out of MailLab by {r.Host}, not by {host}: {stage}",
            RecipientState.Relayed => $"relayed: {stage}",
            RecipientState.Deferred => $"deferred on {r.Host}, waiting for a retry: {stage}",
            RecipientState.Queued => $"in the queue of {r.Host}, not tried yet",
            RecipientState.Received => r.Host is null ? "never accepted by any host" : $"accepted by {r.Host}, never sent on",
            RecipientState.Delivered => $"delivered inside MailLab on {r.Host} ({r.Where}), never sent to a server outside it",
            _ => $"bounced by {r.Host}: {stage}",
        };
    }

    private static string OutcomeInRussian(MessageTrace trace, RecipientStatus r, string host)
    {
        var stage = trace.EventAt(r.Sequence)?.Text;
        return r.State switch
        {
            RecipientState.Relayed when !string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase) => $"передано за пределы MailLab с {r.Host}, а не с {host}: {stage}",
            RecipientState.Relayed => $"передано: {stage}",
            RecipientState.Deferred => $"отложено на {r.Host}, ждёт повторной попытки: {stage}",
            RecipientState.Queued => $"в очереди {r.Host}, попыток ещё не было",
            RecipientState.Received => r.Host is null ? "не принято ни одним хостом" : $"принято {r.Host}, но дальше не отправлялось",
            RecipientState.Delivered => $"доставлено внутри MailLab на {r.Host} ({r.Where}), серверу за его пределами не отправлялось",
            _ => $"возвращено отправителю с {r.Host}: {stage}",
        };
    }
}
