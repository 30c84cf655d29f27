using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Queue;

/// <summary>
/// A virtual server's queue manager: tries each message at once, defers it on a transient failure
/// and retries on the Delivery tab's schedule (15, 30, 60, then every 240 minutes), sends a delay
/// notice once the delay time has passed and a failure notice at expiration. Everything runs on
/// the world's clock; a stopped virtual server does no queue work, a paused one carries on.
/// </summary>
public sealed class QueueManager
{
    private readonly SmtpVirtualServer _server;
    // In arrival order; an entry knows its node, so removing one does not search a long queue.
    private readonly LinkedList<QueueEntry> _entries = new();

    internal QueueManager(SmtpVirtualServer server)
    {
        _server = server;
        server.Service.StateChanged += vs =>
        {
            if (vs == _server && vs.State != VirtualServerState.Stopped)
            {
                Kick();
            }
        };
    }

    private Mail.World.MailWorld World => _server.Host.World;

    private TimeProvider Clock => World.Clock;

    public IReadOnlyList<QueueEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Queues the message and tries it at once. <paramref name="waitingLocally"/> are local recipients
    /// whose Exchange mailbox is unavailable (<see cref="ExchangeLocalDelivery"/>): they wait in the
    /// Local Delivery queue, in Retry with the reason as their last error, until a store mounts
    /// (<see cref="RetryLocalDelivery"/>) or the next retry; a message for them alone is not tried again at once.
    /// </summary>
    public void Enqueue(StoredMessage message, IReadOnlyList<DeliveryFailure>? waitingLocally = null)
    {
        var now = Clock.GetUtcNow();
        var entry = new QueueEntry(message, now);
        foreach (var failure in waitingLocally ?? [])
        {
            entry.LastErrors[failure.Recipient] = failure.Reply;
        }

        if (waitingLocally is { Count: > 0 } && waitingLocally.Count == message.Recipients.Count)
        {
            entry.Attempts = 1;
            entry.NextAttempt = now + _server.Delivery.RetryInterval(1);
        }

        lock (_entries)
        {
            entry.Node = _entries.AddLast(entry);
        }

        _server.HomeDirectory.Queue.Add(new MailFile($"{message.Id}.eml", entry.Queued, message));
        World.Trace.Append(_server.Host.Name, TraceKind.Queued, $"Queued {message.Id} for {string.Join(", ", message.Recipients)}", traceId: message.TraceId, messageId: message.Id, recipients: message.Recipients);
        if (waitingLocally is { Count: > 0 })
        {
            Persist(entry);
            var waiting = waitingLocally.Select(w => w.Recipient).ToList();
            var reasons = string.Join("; ", waitingLocally.Select(w => $"<{w.Recipient}>: {w.Reply}"));
            World.Trace.Append(_server.Host.Name, TraceKind.Deferred, $"In \"{LocalDeliveryQueueName(waiting[0])}\" (Retry): {reasons}", traceId: message.TraceId, messageId: message.Id, recipients: waiting);
        }

        Start(entry);
    }

    /// <summary>
    /// ESM's Queue Viewer name of the queue an entry is in: "&lt;domain&gt; (Local Delivery)" for mail
    /// waiting for a local mailbox (Exchange 2003 SP2 help, "SMTP System Queues"), otherwise the next
    /// hop's domain.
    /// </summary>
    public string QueueName(QueueEntry entry)
    {
        var first = entry.Snapshot().Pending.FirstOrDefault() ?? entry.Message.Recipients[0];
        var domain = first[(first.LastIndexOf('@') + 1)..];
        return _server.Domains.FindLocal(domain) is null ? domain
            : _server.LdapRouting.CategorizesInQueue ? AwaitingDirectoryLookup
            : LocalDeliveryQueueName(first);
    }

    /// <summary>A store mounted: every entry waiting for a local mailbox is tried now, once.</summary>
    public void RetryLocalDelivery()
    {
        var now = Clock.GetUtcNow();
        foreach (var entry in Entries)
        {
            lock (entry)
            {
                if (!entry.Pending.Any(IsLocal))
                {
                    continue;
                }

                entry.NextAttempt = now;
            }

            Start(entry);
        }
    }

    private bool IsLocal(string recipient) => _server.Domains.FindLocal(recipient[(recipient.LastIndexOf('@') + 1)..]) is not null;

    /// <summary>Exchange 2003's pre-categorization queue (aa996593).</summary>
    private const string AwaitingDirectoryLookup = "Messages awaiting directory lookup";

    private static string LocalDeliveryQueueName(string recipient) => $"{recipient[(recipient.LastIndexOf('@') + 1)..]} (Local Delivery)";

    /// <summary>
    /// Puts back an entry read from disk at start-up (maillab up --data-dir), with its saved
    /// schedule; <see cref="Kick"/> then resumes it on the clock. Its Queue file already exists.
    /// </summary>
    public void Restore(StoredMessage message, QueueEntryState state, DateTimeOffset filed)
    {
        var entry = new QueueEntry(message, state);
        lock (_entries)
        {
            entry.Node = _entries.AddLast(entry);
        }

        _server.HomeDirectory.Queue.Add(new MailFile($"{message.Id}.eml", filed, message));
    }

    /// <summary>Processes every entry that is due (after the virtual server starts again).</summary>
    public void Kick()
    {
        foreach (var entry in Entries)
        {
            Start(entry);
        }
    }

    private void Start(QueueEntry entry) => World.Work.Run(() => ProcessAsync(entry));

    private async Task ProcessAsync(QueueEntry entry)
    {
        lock (entry)
        {
            if (entry.Running || entry.Done)
            {
                return;
            }

            entry.Running = true;
        }

        try
        {
            if (_server.State == VirtualServerState.Stopped)
            {
                return; // Stopped: no queue work until the virtual server starts (Kick).
            }

            var now = Clock.GetUtcNow();
            var delivery = _server.Delivery;
            if (now >= entry.Queued + delivery.Expiration)
            {
                Expire(entry);
                return;
            }

            if (!entry.DelayNotified && entry.Attempts > 0 && now >= entry.Queued + delivery.DelayNotification)
            {
                entry.DelayNotified = true;
                Bounce.Delay(_server, entry.Message, Failures(entry, entry.Pending), entry.Queued + delivery.Expiration);
                Persist(entry);
            }

            if (now >= entry.NextAttempt)
            {
                await AttemptAsync(entry).ConfigureAwait(false);
            }

            if (entry.Pending.Count == 0)
            {
                Remove(entry);
                return;
            }

            Schedule(entry);
        }
        finally
        {
            lock (entry)
            {
                entry.Running = false;
            }
        }
    }

    private async Task AttemptAsync(QueueEntry entry)
    {
        var failures = new List<DeliveryFailure>();
        var transient = new List<string>();
        List<(string Domain, List<string> Recipients)> groups;
        lock (entry)
        {
            groups = ByDomain(entry.Pending);
        }

        if (_server.LdapRouting.CategorizesInQueue)
        {
            groups = await CategorizeAsync(entry, groups, failures, transient).ConfigureAwait(false);
        }

        foreach (var (domain, recipients) in groups)
        {
            if (_server.Domains.FindLocal(domain) is not null)
            {
                // The Local Delivery queue: what still waits for its mailbox stays pending.
                var message = recipients.Count == entry.Message.Recipients.Count ? entry.Message : entry.Message.WithRecipients(recipients);
                foreach (var waiting in LocalDelivery.Deliver(_server, message, recipients))
                {
                    Classify(entry, [waiting.Recipient], waiting.Reply, null, failures, transient);
                }

                continue;
            }

            var route = Router.Resolve(_server, domain, entry.Message.TraceId);
            if (route.Failure is { } routeFailure)
            {
                Classify(entry, recipients, routeFailure, null, failures, transient);
                continue;
            }

            // Recipients per message: past the limit, the rest go in another transaction (IIS).
            var limit = _server.Limits.MaxRecipientsPerMessage ?? int.MaxValue;
            if (recipients.Count <= limit)
            {
                await SendChunkAsync(entry, route, recipients, failures, transient).ConfigureAwait(false);
                continue;
            }

            foreach (var chunk in recipients.Chunk(limit))
            {
                await SendChunkAsync(entry, route, chunk, failures, transient).ConfigureAwait(false);
            }
        }

        lock (entry)
        {
            entry.Pending.Clear();
            entry.Pending.AddRange(transient);
        }

        if (failures.Count > 0)
        {
            Bounce.Fail(_server, entry.Message, failures);
        }

        if (transient.Count > 0)
        {
            lock (entry)
            {
                entry.Attempts++;
                entry.NextAttempt = Clock.GetUtcNow() + _server.Delivery.RetryInterval(entry.Attempts);
            }

            Persist(entry);
            var reasons = string.Join("; ", transient.Select(r => $"<{r}>: {entry.LastErrors.GetValueOrDefault(r)}"));
            World.Trace.Append(_server.Host.Name, TraceKind.Deferred, $"Deferred (attempt {entry.Attempts}): {reasons}", traceId: entry.Message.TraceId, messageId: entry.Message.Id, recipients: transient);
            var minutes = Math.Round(_server.Delivery.RetryInterval(entry.Attempts).TotalMinutes);
            World.Trace.Append(_server.Host.Name, TraceKind.RetryScheduled, $"Next attempt at {entry.NextAttempt:u} (in {minutes:0} {(minutes == 1 ? "minute" : "minutes")})", traceId: entry.Message.TraceId, messageId: entry.Message.Id);
        }
    }

    /// <summary>
    /// "Messages awaiting directory lookup": the categorizer looks the entry's local recipients up
    /// (<see cref="Routing.LdapRouting.CategorizeAsync"/>) and this attempt goes on with what they resolve
    /// to (mailboxes here, target addresses elsewhere); unknown ones fail (5.1.1), and those the directory
    /// could not answer for stay pending (4.4.3), to be categorized at the next attempt.
    /// </summary>
    private async Task<List<(string Domain, List<string> Recipients)>> CategorizeAsync(QueueEntry entry, List<(string Domain, List<string> Recipients)> groups, List<DeliveryFailure> failures, List<string> transient)
    {
        var resolved = new List<string>();
        foreach (var (domain, recipients) in groups)
        {
            if (_server.Domains.FindLocal(domain) is null)
            {
                resolved.AddRange(recipients);
                continue;
            }

            var message = recipients.Count == entry.Message.Recipients.Count ? entry.Message : entry.Message.WithRecipients(recipients);
            var categorized = await _server.LdapRouting.CategorizeAsync(message, recipients).ConfigureAwait(false);
            failures.AddRange(categorized.Unknown.Select(r => new DeliveryFailure(r, Routing.LdapRouting.NoSuchRecipient(r))));
            Classify(entry, categorized.Waiting, SmtpReplies.DirectoryFailure, null, failures, transient);
            resolved.AddRange(categorized.Targets.Where(t => !resolved.Contains(t, StringComparer.OrdinalIgnoreCase)));
        }

        return ByDomain(resolved);
    }

    private async Task SendChunkAsync(QueueEntry entry, Router.Route route, IReadOnlyList<string> recipients, List<DeliveryFailure> failures, List<string> transient)
    {
        var host = _server.Host;
        SmtpReply lastError = new(451, "4.4.1", "No answer from host");
        string? lastTarget = null;
        foreach (var target in route.Targets)
        {
            lastTarget = target.MtaName;
            if (target is WorldHostTarget world && !World.Links.IsReachable(host.Name, world.Host.Name))
            {
                lastError = new SmtpReply(451, "4.4.1", $"No answer from host {target.Name}: it is unreachable");
                World.Trace.Append(host.Name, TraceKind.Connecting, $"Connecting to {target.Name}: unreachable", traceId: entry.Message.TraceId, messageId: entry.Message.Id, peer: target.Name);
                continue;
            }

            if (World.Outbound is not { } outbound)
            {
                lastError = new SmtpReply(451, "4.4.0", "No outbound transport is configured");
                break;
            }

            if (target is WorldHostTarget linked && World.Links.Latency(host.Name, linked.Host.Name) is { } latency && latency > TimeSpan.Zero)
            {
                await World.Work.DelayAsync(latency, Clock).ConfigureAwait(false);
            }

            World.Trace.Append(host.Name, TraceKind.Connecting, $"Connecting to {target.Name}", traceId: entry.Message.TraceId, messageId: entry.Message.Id, peer: target.Name);
            var request = new OutboundRequest(host, target, _server.Fqdn, Masquerade(entry.Message), recipients, entry.Message.Data, entry.Message.TraceId, route.RequireTls, route.SendHelo)
            {
                Timeout = _server.Delivery.OutboundTimeout,
                MessageId = entry.Message.Id,
            };
            var result = await _server.OutboundConnections.SendAsync(outbound, request).ConfigureAwait(false);

            if (result.ConnectionError is { } error)
            {
                lastError = error;
                World.Trace.Append(host.Name, TraceKind.Connecting, $"{target.Name}: {error}", result.SessionId, entry.Message.TraceId, entry.Message.Id, target.Name);
                if (error.IsPermanentFailure && route.Targets.Count == 1)
                {
                    break;
                }

                continue;
            }

            var relayed = false;
            foreach (var recipient in recipients)
            {
                var reply = result.RecipientReplies.GetValueOrDefault(recipient) ?? lastError;
                if (reply.IsPositive)
                {
                    lock (entry)
                    {
                        entry.Pending.Remove(recipient);
                    }

                    relayed = true;
                    World.Trace.Append(host.Name, TraceKind.Relayed, $"Relayed to {target.Name} for <{recipient}>: {reply}", result.SessionId, entry.Message.TraceId, entry.Message.Id, target.Name, [recipient]);
                }
                else
                {
                    Classify(entry, [recipient], reply, target.MtaName, failures, transient);
                }
            }

            // Marked done as soon as the next hop said 250, before the next chunk: after a crash
            // only this chunk can be sent twice (the duplicate RFC 5321 §6.1 allows), never lost.
            if (relayed)
            {
                Persist(entry);
            }

            return;
        }

        Classify(entry, recipients, lastError, lastTarget, failures, transient);
    }

    /// <summary>Saves the entry's schedule and remaining recipients (maillab up --data-dir; nothing in memory only).</summary>
    private void Persist(QueueEntry entry)
    {
        if (_server.HomeDirectory.Persistence is { } persistence && entry.Pending.Count > 0)
        {
            persistence.QueueEntryChanged(entry);
        }
    }

    private void Classify(QueueEntry entry, IEnumerable<string> recipients, SmtpReply reply, string? remote, List<DeliveryFailure> failures, List<string> transient)
    {
        foreach (var recipient in recipients)
        {
            entry.LastErrors[recipient] = reply;
            if (reply.IsPermanentFailure)
            {
                failures.Add(new DeliveryFailure(recipient, reply, remote));
            }
            else
            {
                transient.Add(recipient);
            }
        }
    }

    private void Expire(QueueEntry entry)
    {
        var hours = Math.Round(_server.Delivery.Expiration.TotalHours);
        World.Trace.Append(_server.Host.Name, TraceKind.Expired, $"Expired after {hours:0} {(hours == 1 ? "hour" : "hours")} in the queue", traceId: entry.Message.TraceId, messageId: entry.Message.Id);
        var failures = entry.Pending.Select(r => new DeliveryFailure(
            r,
            new SmtpReply(451, "4.4.7", $"Delivery time expired; last error: {entry.LastErrors.GetValueOrDefault(r)?.ToString() ?? "none"}"))).ToArray();
        entry.Pending.Clear();
        Bounce.Fail(_server, entry.Message, failures);
        Remove(entry);
    }

    private void Schedule(QueueEntry entry)
    {
        var now = Clock.GetUtcNow();
        var delivery = _server.Delivery;
        var wake = Min(entry.NextAttempt, entry.Queued + delivery.Expiration);
        if (!entry.DelayNotified)
        {
            wake = Min(wake, entry.Queued + delivery.DelayNotification);
        }

        var due = wake - now;
        entry.Timer?.Dispose();
        entry.Timer = Clock.CreateTimer(_ => Start(entry), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void Remove(QueueEntry entry)
    {
        entry.Done = true;
        entry.Timer?.Dispose();
        lock (_entries)
        {
            if (entry.Node is { List: not null } node)
            {
                _entries.Remove(node);
            }
        }

        _server.HomeDirectory.Queue.Remove($"{entry.Message.Id}.eml");
    }

    /// <summary>
    /// Masquerade domain: replaces a local domain in MAIL FROM on the first hop only, that is for
    /// mail submitted here (our Received header is its only one). Mail this server relays for
    /// another server keeps its sender, even when that sender's domain is local here.
    /// </summary>
    private string Masquerade(StoredMessage message)
    {
        var sender = message.Sender;
        var masquerade = _server.Delivery.MasqueradeDomain;
        var at = sender.LastIndexOf('@');
        if (string.IsNullOrWhiteSpace(masquerade) || at < 0 || _server.Domains.FindLocal(sender[(at + 1)..]) is null
            || Cleanup.Inspect(message.Data).Received > 1)
        {
            return sender;
        }

        return $"{sender[..at]}@{masquerade}";
    }

    private static IReadOnlyList<DeliveryFailure> Failures(QueueEntry entry, IEnumerable<string> recipients) =>
        recipients.Select(r => new DeliveryFailure(r, entry.LastErrors.GetValueOrDefault(r) ?? new SmtpReply(451, "4.4.1", "No answer from host"))).ToArray();

    /// <summary>The recipients still pending, grouped by domain in their order (most messages have one domain).</summary>
    private static List<(string Domain, List<string> Recipients)> ByDomain(List<string> recipients)
    {
        var groups = new List<(string Domain, List<string> Recipients)>(1);
        foreach (var recipient in recipients)
        {
            var domain = recipient.AsSpan(recipient.LastIndexOf('@') + 1);
            var found = false;
            foreach (var group in groups)
            {
                if (domain.Equals(group.Domain, StringComparison.OrdinalIgnoreCase))
                {
                    group.Recipients.Add(recipient);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                groups.Add((domain.ToString(), [recipient]));
            }
        }

        return groups;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
