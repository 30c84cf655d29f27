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
/// <item>a group (distribution list) is accepted, and expanded to its members when the message is categorized;</item>
/// <item>an address no object has is refused with 550 5.1.1 (RFC 3463 §3.2 X.1.1 "bad destination mailbox address");</item>
/// <item>a directory that cannot be asked gives 451 4.4.3 (RFC 3463 §3.5 "directory server failure"):
/// the client keeps the message and tries again, nothing is lost.</item>
/// </list>
/// The sender is looked up too, as IIS's categorizer resolves senders as well as recipients (the tab's
/// help: "consult an LDAP server to resolve senders and recipients"); an unknown sender is only noted.
/// <para>With an LDAP server on the tab, an accepted message's local recipients wait in the queue until
/// they are categorized (<see cref="CategorizeAsync"/>), as in Exchange's "Messages awaiting directory
/// lookup" queue, which "contains messages to recipients that have not yet been resolved against the
/// Active Directory" and holds messages "while distribution lists are expanded" (Exchange Server
/// Analyzer, aa996593; KB 251746): the categorizer looks each recipient up again then, so a group's
/// members are the directory's at categorization, not at RCPT, and a message that waits there (the
/// directory down) is categorized when it is retried, after a restart too. Once categorized, a message
/// keeps its expanded recipients (the SMTP service's MP_STATUS_CATEGORIZED, "all group aliases have been
/// expanded"; recategorizing queued mail takes a registry key, KB 279616).</para>
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
                noted?.Invoke(answer.Describe(directory.Name, address));
                return SmtpRecipientDecision.Accept(recipient);
            case DirectoryOutcome.NotFound:
                return SmtpRecipientDecision.Refuse(NoSuchRecipient(address));
            default:
                return SmtpRecipientDecision.Refuse(SmtpReplies.DirectoryFailure);
        }
    }

    /// <summary>
    /// Whether accepted mail for local recipients waits in the queue to be categorized by
    /// <see cref="CategorizeAsync"/>: LDAP routing to an LDAP server on a host without Exchange (an
    /// Exchange server's categorizer reads its own Active Directory, as does the tab with no server named).
    /// </summary>
    internal bool CategorizesInQueue => _server.Settings.LdapRouting is { Enabled: true, UsesLdapServer: true } && _server.Host.Exchange is null;

    /// <summary>
    /// The categorizer's pass over a message's local recipients, each looked up in the directory now:
    /// a user or contact goes to its mailbox or target address, a group to its members (each a
    /// <see cref="TraceKind.Categorized"/> stage); an address no object has any more is unknown (5.1.1);
    /// one the directory cannot be asked about waits for the next attempt (4.4.3, why in a
    /// <see cref="TraceKind.DirectoryLookup"/> stage).
    /// </summary>
    internal async Task<LdapCategorization> CategorizeAsync(StoredMessage message, IReadOnlyList<string> recipients)
    {
        var directory = StateFor(_server.Settings.LdapRouting).Directory;
        var trace = _server.Host.World.Trace;
        var host = _server.Host.Name;
        var targets = new List<string>();
        var unknown = new List<string>();
        var waiting = new List<string>();
        foreach (var address in recipients)
        {
            var answer = await directory.LookupAsync(address, CancellationToken.None).ConfigureAwait(false);
            switch (answer.Outcome)
            {
                case DirectoryOutcome.User or DirectoryOutcome.Group:
                    if (answer.Outcome == DirectoryOutcome.Group || !answer.Mailbox!.Equals(address, StringComparison.OrdinalIgnoreCase))
                    {
                        trace.Append(host, TraceKind.Categorized,
                            answer.Outcome == DirectoryOutcome.Group
                                ? $"Expanded the group {answer.Object} from {directory.Name} to {(answer.Members.Count == 0 ? "no members" : string.Join(", ", answer.Members))}"
                                : $"{address} is {answer.Object} in {directory.Name}: delivered to {answer.Mailbox}",
                            traceId: message.TraceId, messageId: message.Id, recipients: [address]);
                    }

                    targets.AddRange(answer.Targets.Where(t => !targets.Contains(t, StringComparer.OrdinalIgnoreCase)));
                    break;
                case DirectoryOutcome.NotFound:
                    trace.Append(host, TraceKind.Categorized, answer.Describe(directory.Name, address), traceId: message.TraceId, messageId: message.Id, recipients: [address]);
                    unknown.Add(address);
                    break;
                default:
                    trace.Append(host, TraceKind.DirectoryLookup, answer.Describe(directory.Name, address), traceId: message.TraceId, messageId: message.Id, recipients: [address]);
                    waiting.Add(address);
                    break;
            }
        }

        return new LdapCategorization(targets, unknown, waiting);
    }

    /// <summary>550 5.1.1 (RFC 3463 §3.2 X.1.1): no object of the directory has the address.</summary>
    internal static SmtpReply NoSuchRecipient(string address) => new(550, "5.1.1", $"{address}: no such recipient in the directory");

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

    /// <summary>The directory of one set of tab settings (a new set gets a new one).</summary>
    private sealed record State(SmtpLdapRoutingSettings Settings, IRecipientDirectory Directory);
}

/// <summary>What categorizing a message's local recipients found: where its mail goes, the addresses no object has, those to try again.</summary>
internal sealed record LdapCategorization(IReadOnlyList<string> Targets, IReadOnlyList<string> Unknown, IReadOnlyList<string> Waiting);
