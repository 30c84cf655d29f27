namespace MailLab.Mail.Smtp;

/// <summary>The Delivery tab, with IIS 6 defaults (docs/REFERENCE.md, "Delivery tab"; cc757058, KB 303734). Immutable.</summary>
public sealed record SmtpDeliverySettings
{
    /// <summary>Outbound retry intervals: first 15 minutes, second 30, third 60, then every 240.</summary>
    public IReadOnlyList<TimeSpan> RetryIntervals { get; init; } =
        [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240)];

    /// <summary>Delay notification: 12 hours.</summary>
    public TimeSpan DelayNotification { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Expiration time-out: 2 days (the same for local mail).</summary>
    public TimeSpan Expiration { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Advanced → maximum hop count: 15, counted from Received headers.</summary>
    public int MaxHopCount { get; init; } = 15;

    /// <summary>Advanced → masquerade domain: replaces the local domain in MAIL FROM, first hop only.</summary>
    public string? MasqueradeDomain { get; init; }

    /// <summary>Advanced → smart host (a name or [IP], optionally :port): routes all remote mail.</summary>
    public string? SmartHost { get; init; }

    /// <summary>Outbound connections → TCP port: 25.</summary>
    public int OutboundPort { get; init; } = 25;

    /// <summary>Outbound connections → limit: 1,000 in total.</summary>
    public int? MaxOutboundConnections { get; init; } = 1000;

    /// <summary>Outbound connections → limit per domain: 100.</summary>
    public int? MaxOutboundConnectionsPerDomain { get; init; } = 100;

    /// <summary>Outbound connections → time-out: 10 minutes.</summary>
    public TimeSpan OutboundTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Outbound security → TLS encryption.</summary>
    public bool OutboundTls { get; init; }

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based): the last interval repeats.</summary>
    public TimeSpan RetryInterval(int attempt) =>
        RetryIntervals.Count == 0 ? TimeSpan.FromMinutes(240) : RetryIntervals[Math.Min(attempt, RetryIntervals.Count) - 1];
}
