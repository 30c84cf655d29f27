namespace MailLab.Testing;

/// <summary>
/// How <see cref="TestMailServer.StartAsync(Action{TestMailServerOptions}?, CancellationToken)"/> builds its world.
/// The default: one catch-all host (any recipient at any domain is accepted and stored per
/// recipient, nothing is relayed), anonymous submission, STARTTLS offered but not required, real time.
/// </summary>
public sealed class TestMailServerOptions
{
    private readonly List<(string Address, string Password)> _accounts = [];

    /// <summary>The name of the catch-all host: its greeting's FQDN and its default domain.</summary>
    public string HostName { get; set; } = "maillab.test";

    /// <summary>Catch-all (the default). False with <see cref="TopologyFile"/> or <see cref="UseDefaultWorld"/>.</summary>
    public bool CatchAll { get; private set; } = true;

    /// <summary>A topology file (scenarios/topologies/*.yaml) run instead of the catch-all host; its ports become free ones.</summary>
    public string? TopologyFile { get; private set; }

    /// <summary>Whether the built-in mail.ru → rosnou.ru world runs instead of the catch-all host.</summary>
    public bool DefaultWorld { get; private set; }

    /// <summary>Whether SMTP refuses mail before AUTH (IIS "Anonymous access" unticked; RFC 4954 §6, 530 5.7.0).</summary>
    public bool AuthenticationRequired { get; private set; }

    /// <summary>Whether SMTP refuses mail before STARTTLS (IIS "Require secure channel"; RFC 3207 §4, 530 5.7.0).</summary>
    public bool TlsRequired { get; private set; }

    /// <summary>The virtual clock's start; null runs on real time.</summary>
    public DateTimeOffset? VirtualClockStart { get; private set; }

    /// <summary>Whether the HTTP API (and <see cref="TestMailServer.ApiUrl"/>) is started.</summary>
    public bool Api { get; private set; }

    /// <summary>The clock waits time out by (real time; not the virtual clock, which moves only when told).</summary>
    public TimeProvider WaitClock { get; set; } = TimeProvider.System;

    /// <summary>The SMTP extensions offered (all by default): <c>o.Smtp.WithoutPipelining().HeloOnly()</c>.</summary>
    public SmtpCapabilityOptions Smtp { get; } = new();

    public IReadOnlyList<(string Address, string Password)> Accounts => _accounts;

    /// <summary>An account that may AUTH on SMTP and log on to POP3 and IMAP (its mailbox exists from the start).</summary>
    public TestMailServerOptions AddAccount(string address, string password)
    {
        _accounts.Add((address, password));
        return this;
    }

    public TestMailServerOptions RequireAuthentication()
    {
        AuthenticationRequired = true;
        return this;
    }

    public TestMailServerOptions RequireTls()
    {
        TlsRequired = true;
        return this;
    }

    /// <summary>Runs on a virtual clock (<see cref="TestMailServer.Clock"/>) that moves only when advanced.</summary>
    public TestMailServerOptions UseVirtualClock(DateTimeOffset? start = null)
    {
        VirtualClockStart = start ?? new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        return this;
    }

    public TestMailServerOptions UseTopologyFile(string path)
    {
        (TopologyFile, CatchAll, DefaultWorld) = (path, false, false);
        return this;
    }

    public TestMailServerOptions UseDefaultWorld()
    {
        (TopologyFile, CatchAll, DefaultWorld) = (null, false, true);
        return this;
    }

    public TestMailServerOptions EnableApi()
    {
        Api = true;
        return this;
    }
}
