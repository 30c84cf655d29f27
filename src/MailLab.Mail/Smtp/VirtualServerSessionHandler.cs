using MailLab.Mail.Accounts;
using MailLab.Mail.Delivery;
using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Smtp;

/// <summary>
/// Answers one session's questions from its virtual server's settings: who may log on, which
/// recipients are local, which may be relayed, and where an accepted message goes.
/// </summary>
internal sealed class VirtualServerSessionHandler : ISmtpServerHandler
{
    private readonly SmtpVirtualServer _server;
    private readonly Settings.VirtualServerSnapshot _settings;
    private readonly string? _reverseName;
    private readonly long _sessionId;

    /// <summary>The sender LDAP routing has still to look up in this transaction (at its first RCPT).</summary>
    private string? _senderToResolve;

    /// <summary>What this transaction's LDAP lookups found, for the message's trace once it is accepted (the session waits for each, so one writer at a time).</summary>
    private readonly List<string> _lookups = [];

    /// <param name="settings">The settings the session started with: it keeps to them to the end.</param>
    public VirtualServerSessionHandler(SmtpVirtualServer server, Settings.VirtualServerSnapshot settings, string? reverseName, long sessionId)
    {
        _server = server;
        _settings = settings;
        _reverseName = reverseName;
        _sessionId = sessionId;
    }

    /// <summary>The session's transcript in the trace, told whose message each accepted transaction carried.</summary>
    public Tracing.SessionTraceObserver? Transcript { get; set; }

    public string? Authenticate(SmtpCredentials credentials)
    {
        var defaultDomain = _settings.Access.BasicDefaultDomain ?? _server.Domains.Default.Name;
        var host = _server.Host;
        var account = host.Accounts.FindLogon(credentials.UserName, defaultDomain);

        // Basic authentication checks Windows accounts: a member of a domain also knows the domain's
        // accounts. A host whose POP3 service uses Active Directory integrated authentication is a
        // member of its organisation's directory (docs/REFERENCE.md, "Authentication"), so its SMTP users may be there too.
        if (account is null && host.Pop3.AuthenticationMethod == Pop3.Pop3AuthenticationMethod.ActiveDirectoryIntegrated)
        {
            account = host.Pop3.Directory.FindLogon(credentials.UserName);
        }

        if (account is null)
        {
            return null;
        }

        var ok = credentials.Mechanism == "CRAM-MD5"
            ? credentials.Challenge is not null && credentials.Digest is not null && AccountDirectory.CramMd5Matches(account, credentials.Challenge, credentials.Digest)
            : credentials.Password is not null && AccountDirectory.PasswordMatches(account, credentials.Password);
        return ok ? account.Address : null;
    }

    public SmtpReply? CheckSender(SmtpSessionContext context, SmtpMailbox sender)
    {
        var refusal = _server.Host.World.Faults.TakeReply(_server.Host.Name, Faults.FaultStage.Mail);
        _senderToResolve = refusal is null ? sender.Address : null;
        _lookups.Clear();
        return refusal;
    }

    public SmtpRecipientDecision CheckRecipient(SmtpSessionContext context, SmtpMailbox recipient)
    {
        if (_server.Host.World.Faults.TakeReply(_server.Host.Name, Faults.FaultStage.Rcpt) is { } injected)
        {
            return SmtpRecipientDecision.Refuse(injected);
        }

        // The default domain is appended to an address that has none (IIS "Domains").
        var complete = recipient.Domain is null ? recipient.WithDomain(_server.Domains.Default.Name) : recipient;
        var domain = complete.Domain!;
        // LDAP routing (the LDAP Routing tab): a local domain's recipients are the directory's.
        if (_settings.LdapRouting.Enabled && (_server.Domains.FindLocal(domain) is not null || DirectoryExpansion.IsRecipient(_server, complete.Address)))
        {
            var sender = _senderToResolve;
            _senderToResolve = null;
            return SmtpRecipientDecision.Wait(_server.LdapRouting.DecideAsync(_settings.LdapRouting, complete, sender, _sessionId, _lookups.Add));
        }

        // An Exchange server's directory makes every proxy address local, whatever the domain list says.
        if (_server.Domains.FindLocal(domain) is not null || DirectoryExpansion.IsRecipient(_server, complete.Address))
        {
            // A POP3 mailbox over its quota: RFC 3463 §3.3 X.2.2 "mailbox full".
            if (_server.Host.Pop3.IsOverQuota(complete.Address))
            {
                return SmtpRecipientDecision.Refuse(new SmtpReply(552, "5.2.2", $"{complete.Address}: mailbox full"));
            }

            return SmtpRecipientDecision.Accept(complete);
        }

        return MayRelay(context, domain) ? SmtpRecipientDecision.Accept(complete) : SmtpRecipientDecision.Refuse(SmtpReplies.RelayDenied);
    }

    public SmtpReply Deliver(SmtpSessionContext context, SmtpMessage message)
    {
        if (_server.Host.World.Faults.TakeReply(_server.Host.Name, Faults.FaultStage.Data) is { } injected)
        {
            return injected;
        }

        var reply = MessageAcceptor.Accept(_server, context, message, out var traceId, _sessionId, _lookups.Count == 0 ? null : _lookups.ToArray());
        _lookups.Clear();
        Transcript?.Accepted(traceId);
        return reply;
    }

    /// <summary>
    /// IIS relay rules: a remote domain that allows relaying overrides the restrictions; otherwise
    /// the relay list decides, and authenticated clients may relay when that box is ticked.
    /// </summary>
    private bool MayRelay(SmtpSessionContext context, string domain)
    {
        if (_server.Domains.FindRemote(domain) is { AllowRelay: true })
        {
            return true;
        }

        if (_settings.Access.Relay.IsGranted(context.RemoteAddress, _reverseName))
        {
            return true;
        }

        return _settings.Access.AllowAuthenticatedRelay && context.AuthenticatedUser is not null;
    }
}
