using System.Collections.Concurrent;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Routing;

/// <summary>
/// A virtual server's LDAP routing (the LDAP Routing tab, <see cref="SmtpLdapRoutingSettings"/>): at
/// RCPT each recipient of a local domain is looked up in the directory, asynchronously (the session
/// waits, <see cref="SmtpRecipientDecision.Wait"/>), and each lookup is a
/// <see cref="TraceKind.DirectoryLookup"/> stage naming the directory, the filter and what it found:
/// <list type="bullet">
/// <item>a user or contact is accepted (250) and delivered to the mailbox it maps to;</item>
/// <item>a group (distribution list) is accepted and expanded to its members on delivery;</item>
/// <item>an address no object has is refused with 550 5.1.1 (RFC 3463 §3.2 X.1.1 "bad destination mailbox address");</item>
/// <item>a directory that cannot be asked gives 451 4.4.3 (RFC 3463 §3.5 "directory server failure"):
/// the client keeps the message and tries again, nothing is lost.</item>
/// </list>
/// The sender is looked up too, as IIS's categorizer resolves senders as well as recipients (the tab's
/// help: "consult an LDAP server to resolve senders and recipients"); an unknown sender is only noted.
/// </summary>
public sealed class LdapRouting
{
    /// <summary>How long a lookup may take before the directory counts as unavailable (on the world's clock).</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(15);

    private readonly SmtpVirtualServer _server;
    private State? _state;

    internal LdapRouting(SmtpVirtualServer server)
    {
        _server = server;
    }

    /// <summary>The directory the current settings name: the host's Active Directory, or the LDAP server on the tab.</summary>
    public IRecipientDirectory Directory(SmtpLdapRoutingSettings settings) => StateFor(settings).Directory;

    /// <summary>
    /// Looks up a recipient (and, first in a transaction, the sender) and decides RCPT. Each lookup is a
    /// stage of the session's trace, and is told to <paramref name="noted"/> for the message's own trace
    /// once it is accepted (a refused recipient's lookup stays with the session).
    /// </summary>
    public async Task<SmtpRecipientDecision> DecideAsync(SmtpLdapRoutingSettings settings, SmtpMailbox recipient, string? sender, long sessionId, Action<string>? noted = null)
    {
        var state = StateFor(settings);
        var directory = state.Directory;
        if (sender is { Length: > 0 })
        {
            var found = await directory.LookupAsync(sender, CancellationToken.None).ConfigureAwait(false);
            var text = $"Sender: {found.Describe(directory.Name, sender)}";
            Trace(text, sessionId, sender);
            noted?.Invoke(text);
        }

        var address = recipient.Address;
        var answer = await directory.LookupAsync(address, CancellationToken.None).ConfigureAwait(false);
        Trace(answer.Describe(directory.Name, address), sessionId, address);
        switch (answer.Outcome)
        {
            case DirectoryOutcome.User or DirectoryOutcome.Group:
                state.Resolved[address] = answer;
                noted?.Invoke(answer.Describe(directory.Name, address));
                return SmtpRecipientDecision.Accept(recipient);
            case DirectoryOutcome.NotFound:
                return SmtpRecipientDecision.Refuse(new SmtpReply(550, "5.1.1", $"{address}: no such recipient in the directory"));
            default:
                return SmtpRecipientDecision.Refuse(SmtpReplies.DirectoryFailure);
        }
    }

    /// <summary>
    /// On delivery, with an LDAP server on the tab: each recipient the RCPT lookup resolved goes to what it
    /// found (its mailbox, a group's members), a <see cref="TraceKind.Categorized"/> stage each; other
    /// recipients are left as they are. (The host's Active Directory is expanded by its categorizer.)
    /// </summary>
    internal IReadOnlyList<string> Expand(StoredMessage message, IReadOnlyList<string> recipients)
    {
        var settings = _server.Settings.LdapRouting;
        if (!settings.Enabled || !settings.UsesLdapServer || _state is not { } state || state.Settings != settings)
        {
            return recipients;
        }

        var result = new List<string>();
        foreach (var address in recipients)
        {
            if (!state.Resolved.TryGetValue(address, out var answer) || (answer.Outcome == DirectoryOutcome.User && answer.Mailbox!.Equals(address, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(address);
                continue;
            }

            _server.Host.World.Trace.Append(_server.Host.Name, TraceKind.Categorized,
                answer.Outcome == DirectoryOutcome.Group
                    ? $"Expanded the group {answer.Object} from {state.Directory.Name} to {(answer.Members.Count == 0 ? "no members" : string.Join(", ", answer.Members))}"
                    : $"{address} is {answer.Object} in {state.Directory.Name}: delivered to {answer.Mailbox}",
                traceId: message.TraceId, messageId: message.Id, recipients: [address]);
            result.AddRange(answer.Targets.Where(t => !result.Contains(t, StringComparer.OrdinalIgnoreCase)));
        }

        return result;
    }

    private void Trace(string text, long sessionId, string address) =>
        _server.Host.World.Trace.Append(_server.Host.Name, TraceKind.DirectoryLookup, text, sessionId == 0 ? null : sessionId, recipients: [address]);

    private State StateFor(SmtpLdapRoutingSettings settings)
    {
        var state = Volatile.Read(ref _state);
        if (state is not null && state.Settings == settings)
        {
            return state;
        }

        IRecipientDirectory directory = settings.UsesLdapServer
            ? new LdapServerDirectory(settings, _server.Host.World.Clock, LookupTimeout)
            : new WorldDirectory(_server.Host);
        state = new State(settings, directory);
        Volatile.Write(ref _state, state);
        return state;
    }

    /// <summary>The directory of one set of tab settings and what its lookups resolved (a new set starts afresh).</summary>
    private sealed record State(SmtpLdapRoutingSettings Settings, IRecipientDirectory Directory)
    {
        public ConcurrentDictionary<string, DirectoryAnswer> Resolved { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
