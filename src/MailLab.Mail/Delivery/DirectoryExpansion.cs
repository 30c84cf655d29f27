using MailLab.Mail.Pop3;
using MailLab.Mail.Recipients;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// Exchange's categorizer on an Exchange server (a host with an <c>exchange</c> block): before the
/// store, each local recipient is resolved against the organisation's Active Directory. A proxy
/// address reaches its user's mailbox (addressed by the account); a distribution group expands to
/// its members, nested groups too, each final address once, a group met again skipped; a contact,
/// or a user mail-enabled with an external address, goes on to that address through the queue and
/// the router; a forwarding address gets the mail instead of the mailbox, or as well with "Deliver
/// messages to both forwarding address and mailbox". The sender's and each user's delivery
/// restrictions are enforced here, each refusal an NDR through <see cref="Bounce"/> with Exchange's
/// text:
/// <list type="bullet">
/// <item>5.2.3, a message over the sender's sending or the recipient's receiving size limit: "This message is larger than the current system limit or the recipient's mailbox is full…" (KB 322679);</item>
/// <item>5.7.1, a sender outside "Accept messages from" or inside "Reject messages from" (a group there means its members; KB 817425: "You do not have permission to send to this recipient.");</item>
/// <item>5.1.1, a user whose mailbox Delete Mailbox removed (no mailbox, no external address): "The e-mail account does not exist at the organization…" (KB 284204);</item>
/// <item>5.5.3, more recipients than the sender's maximum, each group member counted (KB 842029, "The e-mail system limits the number of recipients…").</item>
/// </list>
/// Each decision is a <see cref="TraceKind.Categorized"/> stage (or a Failed one). A virtual server
/// with LDAP routing to the host's Active Directory is categorized the same way; one routing to a real
/// LDAP server is categorized in the queue (<see cref="Routing.LdapRouting.CategorizeAsync"/>). Other hosts without
/// Exchange deliver as IIS does and are left alone.
/// </summary>
public static class DirectoryExpansion
{
    internal const string TooLarge = "This message is larger than the current system limit or the recipient's mailbox is full. Create a shorter message body or remove attachments and try sending it again.";
    internal const string NotAuthorized = "You do not have permission to send to this recipient.";
    /// <summary>The 5.1.1 NDR's sentence (KB 284204, docs/EXCHANGE-2003.md [52]).</summary>
    internal const string NoSuchAccount = "The e-mail account does not exist at the organization this message was sent to. Check the e-mail address, or contact the recipient directly to find out the correct address.";
    internal const string TooManyRecipients = "The e-mail system limits the number of recipients that can be addressed in a single message. Send the message multiple times to fewer recipients.";

    /// <summary>The directory the host's categorizer reads: its organisation's, when the host is an Exchange server.</summary>
    public static ActiveDirectory? DirectoryOf(World.MailHost host) => host.Exchange is null ? null : HostDirectory.Of(host);

    /// <summary>
    /// The directory a virtual server's categorizer reads: its Exchange host's, or the host's Active
    /// Directory when the virtual server routes by LDAP to it (the LDAP Routing tab with no server named).
    /// </summary>
    public static ActiveDirectory? DirectoryOf(SmtpVirtualServer server) =>
        DirectoryOf(server.Host) ?? (server.Settings.LdapRouting is { Enabled: true, UsesLdapServer: false } ? HostDirectory.Of(server.Host) : null);

    /// <summary>
    /// Whether an address is a recipient of the host's directory, so that the virtual server takes it
    /// as local at RCPT and in the dispatcher even when its domain is not in the domain list (an
    /// address a recipient policy gives is one Exchange is responsible for, KB 823158).
    /// </summary>
    public static bool IsRecipient(SmtpVirtualServer server, string address) =>
        address.Contains('@') && DirectoryOf(server)?.FindRecipient(address) is not null;

    /// <summary>
    /// Resolves the recipients local delivery was given: the message and addresses to deliver locally
    /// (mailboxes, or what the host does with unknown local users); what goes on elsewhere is
    /// dispatched to the queue, and what the restrictions refuse is bounced.
    /// </summary>
    public static (StoredMessage Message, IReadOnlyList<string> Recipients) Categorize(SmtpVirtualServer server, StoredMessage message, IReadOnlyList<string> recipients)
    {
        if (DirectoryOf(server) is not { } directory)
        {
            // No directory here, or LDAP routing to a real server, whose categorizer ran in the queue (LdapRouting.CategorizeAsync).
            return (message, recipients);
        }

        var run = new Categorization(server, directory, message);
        run.Resolve(recipients);
        return run.Finish(recipients);
    }

    /// <summary>One message's pass through the categorizer.</summary>
    private sealed class Categorization(SmtpVirtualServer server, ActiveDirectory directory, StoredMessage message)
    {
        private readonly List<string> _final = [];
        private readonly HashSet<string> _finalSet = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<DirectoryRecipient> _visited = new(ReferenceEqualityComparer.Instance);
        private readonly List<DeliveryFailure> _failed = [];
        private readonly DirectoryRecipient? _sender = message.Sender.Contains('@') ? directory.FindRecipient(message.Sender) : null;

        public void Resolve(IReadOnlyList<string> recipients)
        {
            // The sender's own limits refuse the whole message (the Exchange General tab of the sender).
            if (_sender?.Settings.MaxSendingSizeKb is { } sendLimit && message.Size > sendLimit * 1024)
            {
                Trace($"The sender {_sender.Name} may send messages of {sendLimit} KB at most (Delivery Restrictions); this one is {Kb(message.Size)} KB", recipients);
                _failed.AddRange(recipients.Select(r => new DeliveryFailure(r, new SmtpReply(552, "5.2.3", TooLarge))));
                return;
            }

            foreach (var address in recipients)
            {
                var recipient = directory.FindRecipient(address);
                if (recipient is null)
                {
                    Add(address);
                    continue;
                }

                Resolve(recipient, address, via: null);
            }

            if (_sender?.Settings.MaxRecipients is { } most && _final.Count > most)
            {
                Trace($"The sender {_sender.Name} may address {most} recipients at most (Delivery Options); this message has {_final.Count}", recipients);
                _failed.AddRange(_final.Select(r => new DeliveryFailure(r, new SmtpReply(550, "5.5.3", TooManyRecipients))));
                _final.Clear();
            }
        }

        public (StoredMessage, IReadOnlyList<string>) Finish(IReadOnlyList<string> original)
        {
            var local = _final.Where(IsLocal).ToList();
            var remote = _final.Where(a => !IsLocal(a)).ToList();
            if (remote.Count > 0)
            {
                Dispatcher.Dispatch(server, message.WithRecipients(remote));
            }

            if (_failed.Count > 0)
            {
                Bounce.Fail(server, message, _failed);
            }

            var same = local.Count == original.Count && local.SequenceEqual(original, StringComparer.OrdinalIgnoreCase);
            return (same ? message : message.WithRecipients(local), same ? original : local);
        }

        /// <param name="address">The address the recipient was reached by (an envelope address or a member's reference).</param>
        private void Resolve(DirectoryRecipient recipient, string address, DistributionGroup? via)
        {
            if (!_visited.Add(recipient))
            {
                Trace($"{Describe(recipient)} was reached again{(via is null ? "" : $" through {via.Name}")}: already resolved, not delivered twice", [address]);
                return;
            }

            if (Refusal(recipient) is { } refusal)
            {
                Trace($"{Describe(recipient)} does not accept this message: {refusal.Text}", [address]);
                _failed.Add(new DeliveryFailure(address, refusal.Reply));
                return;
            }

            switch (recipient)
            {
                case DistributionGroup group:
                    var members = group.Members.Select(m => (Name: m, Recipient: directory.FindRecipient(m))).ToArray();
                    Trace($"Expanded the distribution group {group.Name} <{group.PrimaryAddress}> to {(members.Length == 0 ? "no members" : string.Join(", ", members.Select(m => m.Name)))}", [address]);
                    foreach (var (name, member) in members)
                    {
                        if (member is null)
                        {
                            Trace($"The member {name} of {group.Name} is no longer in the directory: skipped", [address]);
                        }
                        else
                        {
                            Resolve(member, member is DirectoryUser user ? user.Account : member.PrimaryAddress ?? name, group);
                        }
                    }

                    break;

                case DirectoryContact contact:
                    Trace($"The contact {contact.Name} <{address}>: relayed to its external address {contact.ExternalAddress}", [address]);
                    Add(contact.ExternalAddress!);
                    break;

                case DirectoryUser user:
                    ResolveUser(user, address);
                    break;
            }
        }

        private void ResolveUser(DirectoryUser user, string address)
        {
            var settings = user.Settings;
            if (user.ExternalAddress is { } external)
            {
                Trace($"{user.Account} is mail-enabled without a mailbox: relayed to its external address {external}", [address]);
                Add(external);
                return;
            }

            if (server.Host.Exchange?.FindMailbox(user.Account) is null && server.Host.Mailboxes.Find(user.Account) is null)
            {
                Trace($"{user.Account} has no mailbox (Delete Mailbox) and no external address", [address]);
                _failed.Add(new DeliveryFailure(address, new SmtpReply(550, "5.1.1", NoSuchAccount)));
                return;
            }

            if (settings.ForwardingAddress is { } forward)
            {
                var target = directory.FindRecipient(forward);
                Trace($"{user.Account} forwards to {forward}{(settings.DeliverToBoth ? " and keeps a copy in its mailbox" : "")} (Delivery Options)", [address]);
                if (target is not null)
                {
                    Resolve(target, target is DirectoryUser u ? u.Account : target.PrimaryAddress ?? forward, via: null);
                }
                else if (forward.Contains('@'))
                {
                    Add(forward);
                }

                if (!settings.DeliverToBoth)
                {
                    return;
                }
            }
            else if (!address.Equals(user.Account, StringComparison.OrdinalIgnoreCase))
            {
                Trace($"{address} is a proxy address of {user.Account}: delivered to its mailbox", [address]);
            }

            Add(user.Account);
        }

        /// <summary>The recipient's own restrictions on this message and its sender, or null.</summary>
        private (SmtpReply Reply, string Text)? Refusal(DirectoryRecipient recipient)
        {
            var settings = recipient.Settings;
            if (settings.MaxReceivingSizeKb is { } limit && message.Size > limit * 1024)
            {
                return (new SmtpReply(552, "5.2.3", TooLarge), $"it receives messages of {limit} KB at most, this one is {Kb(message.Size)} KB");
            }

            if (settings.RejectMessagesFrom.Any(IsSender))
            {
                return (new SmtpReply(550, "5.7.1", NotAuthorized), $"<{message.Sender}> is in its Reject messages from list");
            }

            if (settings.AcceptMessagesFrom.Count > 0 && !settings.AcceptMessagesFrom.Any(IsSender))
            {
                return (new SmtpReply(550, "5.7.1", NotAuthorized), $"<{message.Sender}> is not in its Accept messages from list");
            }

            return null;
        }

        /// <summary>Whether a restriction list's entry names the sender: the sender itself, or a group it is a member of (nested too).</summary>
        private bool IsSender(string entry)
        {
            if (message.Sender.Length == 0)
            {
                return false;
            }

            if (entry.Equals(message.Sender, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return directory.FindRecipient(entry) is { } named && Contains(named, new HashSet<DirectoryRecipient>(ReferenceEqualityComparer.Instance));
        }

        private bool Contains(DirectoryRecipient named, HashSet<DirectoryRecipient> seen)
        {
            if (!seen.Add(named))
            {
                return false;
            }

            if (named == _sender || named.HasAddress(message.Sender) || string.Equals(named.ExternalAddress, message.Sender, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return named is DistributionGroup group
                && group.Members.Select(directory.FindRecipient).OfType<DirectoryRecipient>().Any(m => Contains(m, seen));
        }

        private void Add(string address)
        {
            if (_finalSet.Add(address))
            {
                _final.Add(address);
            }
        }

        private void Trace(string text, IReadOnlyList<string> recipients) =>
            server.Host.World.Trace.Append(server.Host.Name, TraceKind.Categorized, text, traceId: message.TraceId, messageId: message.Id, recipients: recipients);

        private static string Describe(DirectoryRecipient recipient) => recipient switch
        {
            DirectoryUser user => user.Account,
            DistributionGroup group => $"The distribution group {group.Name}",
            _ => $"The contact {recipient.Name}",
        };

        private static long Kb(long bytes) => (bytes + 1023) / 1024;

        /// <summary>A local domain's address, or a user's own account (its mailbox is here whatever the domain list says).</summary>
        private bool IsLocal(string address) =>
            server.Domains.FindLocal(Domain(address)) is not null
            || directory.FindRecipient(address) is DirectoryUser { ExternalAddress: null } user && user.Account.Equals(address, StringComparison.OrdinalIgnoreCase);

        private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];
    }
}
